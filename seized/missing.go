package seized

import (
	"fmt"
	"sort"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// MissingError reports that a mapping names a source table, or a column of
// one, that the seized data does not have. It is of kind
// coinsift.ErrInvalid.
type MissingError struct {
	Table  string   // the source table the mapping names
	Field  string   // the canonical field ("payments.address"), "" for a missing table
	Column string   // the missing column, "" for a missing table
	In     string   // where it was looked for: "the dump", or the table
	Have   []string // the tables (or columns) there are
	Guess  string   // the closest of Have ("did you mean"), "" if none is close
}

func (e *MissingError) Error() string {
	var b strings.Builder
	if e.Column == "" {
		fmt.Fprintf(&b, "mapping names table %q, which is not in %s", e.Table, e.In)
	} else {
		fmt.Fprintf(&b, "mapping: table %s, field %s: no column %q in %s", e.Table, e.Field, e.Column, e.In)
	}
	if e.Guess != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", e.Guess)
	}
	if len(e.Have) > 0 {
		what := "tables"
		if e.Column != "" {
			what = "columns"
		}
		have := e.Have
		if len(have) > 30 {
			have = append(have[:30:30], "…")
		}
		fmt.Fprintf(&b, "; its %s: %s", what, strings.Join(have, ", "))
	}
	return b.String()
}

// Is reports that a MissingError is of kind coinsift.ErrInvalid.
func (e *MissingError) Is(target error) bool { return target == coinsift.ErrInvalid }

// Closest returns the name of names nearest to name by edit distance
// (ignoring case), if it is close enough to be a likely typo: at most a
// third of the longer name's length, and at most 3 edits. It returns "" if
// none is.
func Closest(name string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		d := editDistance(strings.ToLower(name), strings.ToLower(n))
		if d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	limit := min(3, max(1, max(len(name), len(best))/3))
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		if a == b {
			return 0
		}
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// tableMatches reports whether a mapping's source table name names table
// (as mapping.Bind matches: "users" also matches "shop.users").
func tableMatches(pattern, table string) bool {
	return strings.EqualFold(pattern, table) || strings.HasSuffix(strings.ToLower(table), "."+strings.ToLower(pattern))
}

// missingTables returns a *MissingError for the first table m names that
// the dump does not hold (seen) and no other file of the load
// holds (elsewhere). A truncated dump is not checked: its cut explains a
// missing table.
func missingTables(m Mapper, seen, elsewhere []string, truncated bool) error {
	if truncated {
		return nil
	}
	have := append(append([]string(nil), seen...), elsewhere...)
	bare := make([]string, len(seen))
	for i, s := range seen {
		bare[i] = s[strings.LastIndexByte(s, '.')+1:]
	}
	names := m.SourceTables()
	sort.Strings(names)
	for _, name := range names {
		found := false
		for _, h := range have {
			if tableMatches(name, h) {
				found = true
				break
			}
		}
		if !found {
			return &MissingError{Table: name, In: "the dump", Have: seen, Guess: Closest(name, bare)}
		}
	}
	return nil
}
