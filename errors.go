package coinsift

import (
	"errors"
	"fmt"
	"strings"
)

// Error kinds that callers branch on with errors.Is. Edges (the CLI's exit
// codes, the web server's HTTP status) map them in exactly one table each.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
	ErrCorrupt  = errors.New("corrupt")
	ErrCanceled = errors.New("canceled")
	ErrInUse    = errors.New("in use")
	ErrExists   = errors.New("already exists")
	// ErrQuarantined reports that a command finished but set some input aside
	// in quarantine; the CLI exits with status 3.
	ErrQuarantined = errors.New("input quarantined")
)

// InputError is an error about evidence: it names the operation, the source
// file and where in it (byte offset and/or row) the problem lies, so that an
// investigator can find the exact bytes.
type InputError struct {
	Op     string // what was being done, e.g. "parse insert"
	Source string // file path or evidence id
	Offset int64  // byte offset, -1 if unknown
	Row    int64  // 1-based row number, 0 if unknown
	Err    error
}

// Error formats the error as "op source: offset N: row R: err".
func (e *InputError) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(" ")
	}
	b.WriteString(e.Source)
	if e.Offset >= 0 {
		fmt.Fprintf(&b, ": offset %d", e.Offset)
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, ": row %d", e.Row)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// Is reports that every InputError is of kind ErrInvalid unless the wrapped
// error says otherwise.
func (e *InputError) Is(target error) bool { return target == ErrInvalid }

// QuarantineError reports how many items a finished command set aside.
// It is of kind ErrQuarantined.
type QuarantineError struct {
	Op    string
	Count int64
}

func (e *QuarantineError) Error() string {
	return fmt.Sprintf("%s: %d item(s) quarantined", e.Op, e.Count)
}

// Is reports that a QuarantineError is of kind ErrQuarantined.
func (e *QuarantineError) Is(target error) bool { return target == ErrQuarantined }
