package term

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/coinsift/coinsift/internal/sanitize"
)

// MaxCell is the width at which cells of free text are cut.
const MaxCell = 60

// maxIdentifier bounds the identifiers printed whole: a txid is 64
// characters, an outpoint 64+1+10, a bech32 address at most 90, a payment
// reference a table name and a row number.
const maxIdentifier = 160

// Table writes rows under header as aligned columns. Every cell is made safe
// for a terminal. Identifiers (txids, outpoints, addresses, payment
// references: see [IsIdentifier]) are never cut, whatever their length; a
// cell of free text longer than MaxCell runes is cut and ends in "…".
func Table(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	line := func(cells []string) {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = Cell(c)
		}
		fmt.Fprintln(tw, strings.Join(out, "\t"))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	return tw.Flush()
}

// Cell returns c as Table prints it: safe for a terminal, tabs made
// spaces, and free text longer than MaxCell runes cut with an ellipsis.
func Cell(c string) string {
	c = sanitize.Terminal(c)
	c = strings.ReplaceAll(c, "\t", " ")
	if utf8.RuneCountInString(c) > MaxCell && !IsIdentifier(c) {
		r := []rune(c)
		c = string(r[:MaxCell-1]) + "…"
	}
	return c
}

// IsIdentifier reports whether s reads as an identifier that must be
// printed whole: at most 160 ASCII letters, digits and the separators
// ':', '#', '-', '_', '.' and '/', with no space. A txid, an outpoint
// (txid:vout), an address or a payment reference (src_invoices#10569) is
// one; a sentence, a label with spaces or non-ASCII text is not.
func IsIdentifier(s string) bool {
	if s == "" || len(s) > maxIdentifier {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c == ':' || c == '#' || c == '-' || c == '_' || c == '.' || c == '/':
		default:
			return false
		}
	}
	return true
}
