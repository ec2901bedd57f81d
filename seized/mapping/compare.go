package mapping

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/coinsift/coinsift/internal/sanitize"
)

// Verdict says how a field of a suggested mapping compares with the true
// mapping.
type Verdict string

// Verdicts of Compare.
const (
	Kept    Verdict = "kept"    // the true field, identical in the suggestion
	Changed Verdict = "changed" // the true field, suggested otherwise
	Missing Verdict = "missing" // the true field, not suggested
	Extra   Verdict = "extra"   // suggested, not in the true mapping
)

// FieldDiff is one field of one (source table, target) pair in either
// mapping.
type FieldDiff struct {
	Source  string  `json:"source"`
	Target  string  `json:"target"`
	Field   string  `json:"field"`
	Verdict Verdict `json:"verdict"`
	Want    *Column `json:"want,omitempty"` // the true mapping's column
	Got     *Column `json:"got,omitempty"`  // the suggestion's column
}

// Comparison is the result of Compare.
type Comparison struct {
	Fields  []FieldDiff `json:"fields"` // by source, target, then field
	True    int         `json:"true_fields"`
	Kept    int         `json:"kept"`
	Changed int         `json:"changed"`
	Missing int         `json:"missing"`
	Extra   int         `json:"extra"`
	// Score is Kept / (True + Extra): the share of fields an investigator
	// keeps unchanged, each suggested field that is not in the true
	// mapping counting as one more to change (docs/format/mapping.md).
	Score float64 `json:"score"`
}

// Compare scores a suggested mapping against the true one. A field is kept
// when the suggestion maps the same source table onto the same target and
// gives the field the same column, unit, currency, JSON path and lookup;
// units a loader would read the same way are equal (no unit and "datetime"
// for times, no unit and "hex" for a txid, no unit and "major" for a fiat
// amount). Source tables compare without regard to case; confidences are
// ignored.
func Compare(truth, got *Mapping) *Comparison {
	type key struct{ source, target string }
	index := func(m *Mapping) (map[key]Table, []key) {
		out := map[key]Table{}
		var keys []key
		for _, t := range m.Tables {
			k := key{strings.ToLower(t.Source), t.Target}
			if _, dup := out[k]; dup {
				continue
			}
			out[k] = t
			keys = append(keys, k)
		}
		return out, keys
	}
	want, wantKeys := index(truth)
	have, haveKeys := index(got)
	all := append(append([]key{}, wantKeys...), haveKeys...)
	sort.Slice(all, func(i, j int) bool {
		if all[i].source != all[j].source {
			return all[i].source < all[j].source
		}
		return all[i].target < all[j].target
	})
	c := &Comparison{}
	for i, k := range all {
		if i > 0 && all[i-1] == k {
			continue
		}
		wt, inWant := want[k]
		ht := have[k]
		src := wt.Source
		if !inWant {
			src = ht.Source
		}
		var fields []string
		for f := range wt.Columns {
			fields = append(fields, f)
		}
		for f := range ht.Columns {
			if _, ok := wt.Columns[f]; !ok {
				fields = append(fields, f)
			}
		}
		sort.Strings(fields)
		for _, f := range fields {
			d := FieldDiff{Source: src, Target: k.target, Field: f}
			w, okW := wt.Columns[f]
			h, okH := ht.Columns[f]
			if okW {
				d.Want = &w
			}
			if okH {
				d.Got = &h
			}
			switch {
			case okW && !okH:
				d.Verdict = Missing
				c.Missing++
			case !okW:
				d.Verdict = Extra
				c.Extra++
			case sameColumn(f, w, h):
				d.Verdict = Kept
				c.Kept++
			default:
				d.Verdict = Changed
				c.Changed++
			}
			if okW {
				c.True++
			}
			c.Fields = append(c.Fields, d)
		}
	}
	if n := c.True + c.Extra; n > 0 {
		c.Score = float64(c.Kept) / float64(n)
	}
	return c
}

// sameColumn reports whether two columns of field f load the same values.
func sameColumn(f string, a, b Column) bool {
	if a.Column != b.Column || a.JSON != b.JSON || normUnit(f, a.Unit) != normUnit(f, b.Unit) ||
		!strings.EqualFold(a.Currency, b.Currency) {
		return false
	}
	if (a.Lookup == nil) != (b.Lookup == nil) {
		return false
	}
	return a.Lookup == nil || (strings.EqualFold(a.Lookup.Table, b.Lookup.Table) &&
		a.Lookup.Key == b.Lookup.Key && a.Lookup.Value == b.Lookup.Value)
}

// normUnit gives the unit a loader uses when a field of f names none.
func normUnit(f, unit string) string {
	if unit != "" {
		return unit
	}
	switch f {
	case "created_at", "paid_at", "login_at", "started_at":
		return "datetime"
	case "txid":
		return "hex"
	case "fiat_amount":
		return "major"
	}
	return ""
}

// describe writes a column as "col", "col $.path", "col (unit)" or with
// its lookup.
func describe(c *Column) string {
	if c == nil {
		return "-"
	}
	s := c.Column
	if c.Lookup != nil {
		s += fmt.Sprintf(" → %s.%s=%s.%s", c.Lookup.Table, c.Lookup.Key, c.Lookup.Table, c.Lookup.Value)
	}
	if c.JSON != "" {
		s += " " + c.JSON
	}
	var attrs []string
	if c.Unit != "" {
		attrs = append(attrs, c.Unit)
	}
	if c.Currency != "" {
		attrs = append(attrs, c.Currency)
	}
	if len(attrs) > 0 {
		s += " (" + strings.Join(attrs, ", ") + ")"
	}
	return sanitize.Terminal(s) // names come from seized data
}

// Write prints the comparison: per table and field the verdict and, where
// they differ, the true and the suggested column; then the score.
func (c *Comparison) Write(w io.Writer) error {
	var b strings.Builder
	last := ""
	for _, d := range c.Fields {
		if t := d.Source + " → " + d.Target; t != last {
			last = t
			fmt.Fprintf(&b, "%s\n", sanitize.Terminal(t))
		}
		switch d.Verdict {
		case Kept, Missing:
			fmt.Fprintf(&b, "  %-8s %-14s %s\n", d.Verdict, d.Field, describe(d.Want))
		case Extra:
			fmt.Fprintf(&b, "  %-8s %-14s %s\n", d.Verdict, d.Field, describe(d.Got))
		default:
			fmt.Fprintf(&b, "  %-8s %-14s %s, suggested %s\n", d.Verdict, d.Field, describe(d.Want), describe(d.Got))
		}
	}
	fmt.Fprintf(&b, "kept %d of %d true fields (%d changed, %d missing), %d extra: score %.1f %%\n",
		c.Kept, c.True, c.Changed, c.Missing, c.Extra, 100*c.Score)
	_, err := io.WriteString(w, b.String())
	return err
}
