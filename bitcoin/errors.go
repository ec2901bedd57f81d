package bitcoin

import (
	"fmt"

	coinsift "github.com/coinsift/coinsift"
)

// Errors returned by the parsers. Each is of kind coinsift.ErrInvalid, so a
// caller can quarantine the input with errors.Is(err, coinsift.ErrInvalid).
var (
	ErrTruncated    = kindErr("bitcoin: truncated")
	ErrOversized    = kindErr("bitcoin: count exceeds remaining bytes")
	ErrNonCanonical = kindErr("bitcoin: non-canonical compact size")
	ErrWitnessFlag  = kindErr("bitcoin: bad witness flag")
	ErrTrailing     = kindErr("bitcoin: trailing bytes after block")
	ErrMerkle       = kindErr("bitcoin: merkle root mismatch")
	ErrAddress      = kindErr("bitcoin: bad address")
)

type invalidError struct{ msg string }

func (e *invalidError) Error() string        { return e.msg }
func (e *invalidError) Is(target error) bool { return target == coinsift.ErrInvalid }

func kindErr(msg string) error { return &invalidError{msg} }

// ParseError reports where in a block or transaction a parse failed.
type ParseError struct {
	Offset int    // byte offset within the parsed buffer
	Tx     int    // transaction index within the block, -1 if in the header
	Field  string // what was being read
	Err    error
}

func (e *ParseError) Error() string {
	if e.Tx >= 0 {
		return fmt.Sprintf("tx %d: %s at offset %d: %v", e.Tx, e.Field, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s at offset %d: %v", e.Field, e.Offset, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
