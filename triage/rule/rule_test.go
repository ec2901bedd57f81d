package rule_test

import (
	"errors"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/triage/rule"
)

var schema = rule.Schema{"country": rule.String, "confidence": rule.Number, "paid_gbp": rule.Number, "direct": rule.Bool}

type rec map[string]rule.Value

func (r rec) Field(n string) (rule.Value, bool) { v, ok := r[n]; return v, ok }

func TestMatch(t *testing.T) {
	uk := rec{"country": rule.Str("GB"), "confidence": rule.Num(0.8), "paid_gbp": rule.Num(240), "direct": rule.Boolean(true)}
	nl := rec{"country": rule.Str("NL"), "confidence": rule.Num(0.9), "paid_gbp": rule.Num(99.99)}
	unplaced := rec{"paid_gbp": rule.Num(5000)}
	tests := []struct {
		src              string
		uk, nl, unplaced bool
	}{
		{`country == "GB" && confidence >= 0.6 && paid_gbp >= 100`, true, false, false},
		{`country in ("NL", "AU", "FR", "IE")`, false, true, false},
		{`country not in ("GB")`, false, true, false}, // an unknown country compares false, in or not in
		{`not (country == "GB")`, false, true, true},
		{`paid_gbp >= 100 or country == "NL"`, true, true, true},
		{`direct == true`, true, false, false},
		{`direct != true`, false, false, false}, // missing field: comparisons false
		{`(paid_gbp > 1_000)`, false, false, true},
		{`country == "GB" AND paid_gbp < 0`, false, false, false},
		{`true`, true, true, true},
	}
	for _, tt := range tests {
		r, err := rule.Parse(tt.src, schema)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		for name, c := range map[string]struct {
			f    rec
			want bool
		}{"uk": {uk, tt.uk}, "nl": {nl, tt.nl}, "unplaced": {unplaced, tt.unplaced}} {
			if got := r.Match(c.f); got != c.want {
				t.Errorf("%q on %s = %v; want %v", tt.src, name, got, c.want)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		{`country == "GB`, 11, "unterminated string"},
		{`country = "GB"`, 8, "unexpected character"},
		{`paid >= 100`, 0, "unknown field"},
		{`country >= 100`, 8, "cannot compare"},
		{`paid_gbp`, 0, "must be true or false"},
		{`country == "GB" &&`, 18, "expected a value"},
		{`country in "GB"`, 11, "expected '('"},
		{`(country == "GB"`, 16, "expected ')'"},
		{`country == "GB" garbage`, 16, "unexpected"},
		{`direct < true`, 7, "compare only with"},
		{strings.Repeat("(", 100) + "true" + strings.Repeat(")", 100), 33, "nested deeper"},
		{strings.Repeat("x", rule.MaxLen+1), rule.MaxLen, "longer than"},
		{`country in ("GB", 3)`, 18, "list of string"},
		{"country == \x00", 11, "unexpected character"},
	}
	for _, tt := range tests {
		_, err := rule.Parse(tt.src, schema)
		var se *rule.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.40q) = %v; want a SyntaxError", tt.src, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) || !errors.Is(err, coinsift.ErrInvalid) {
			t.Errorf("Parse(%.40q) = offset %d %q; want offset %d containing %q", tt.src, se.Offset, se.Msg, tt.offset, tt.msg)
		}
	}
}

func TestFields(t *testing.T) {
	r, err := rule.Parse(`paid_gbp >= 100 && (country == "GB" || country in ("IE"))`, schema)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Fields(), ","); got != "country,paid_gbp" {
		t.Errorf("Fields = %s", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`country == "GB" && confidence >= 0.6 && paid_gbp >= 100`, `not (a in (1,2))`, `"\"`, `((((`, `x != -1.5e3`} {
		f.Add(s)
	}
	rec := rec{"country": rule.Str("GB"), "confidence": rule.Num(1), "paid_gbp": rule.Num(1), "direct": rule.Boolean(true)}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := rule.Parse(src, schema)
		if err != nil {
			return
		}
		r.Match(rec)
		r.Fields()
	})
}
