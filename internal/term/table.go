package term

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/coinsift/coinsift/internal/sanitize"
)

// MaxCell is the width at which table cells are cut.
const MaxCell = 60

// Table writes rows under header as aligned columns. Every cell is made safe
// for a terminal and cut at MaxCell runes.
func Table(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	line := func(cells []string) {
		out := make([]string, len(cells))
		for i, c := range cells {
			c = sanitize.Terminal(c)
			c = strings.ReplaceAll(c, "\t", " ")
			if utf8.RuneCountInString(c) > MaxCell {
				r := []rune(c)
				c = string(r[:MaxCell-1]) + "…"
			}
			out[i] = c
		}
		fmt.Fprintln(tw, strings.Join(out, "\t"))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	return tw.Flush()
}
