package report

import (
	"math"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/coinsift/coinsift"
)

// TestSheetValue checks how each Go value becomes a cell: its stored
// value, its style (number format) and the width it is given.
func TestSheetValue(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	gbp, err := st.moneyStyle("GBP")
	if err != nil {
		t.Fatal(err)
	}
	bt := time.Date(2021, 2, 4, 14, 5, 9, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		name  string
		in    any
		value any // stored value
		style int // 0: none
		width int
	}{
		{"text", "=1+1", "=1+1", st.text, 5},
		{"phone", "+447700900123", "+447700900123", st.text, 14},
		{"control", "a\nb", `a\x0ab`, st.text, 7},
		{"empty text is an empty cell", "", nil, 0, 0},
		{"int", 42, int64(42), 0, 2},
		{"int64", int64(-7), int64(-7), 0, 2},
		{"float", 0.5, 0.5, 0, 3},
		{"float NaN stays visible as text", math.NaN(), "NaN", st.text, 4},
		{"money", coinsift.Money{Minor: 123456, Currency: "GBP"}, 1234.56, gbp, 10},
		{"btc", coinsift.Sats(1_234_567), 0.01234567, st.btc, 10},
		{"ratio rounded", ratio(0.763272329044081), 0.763, st.ratio, 5},
		{"ratio Inf as text", ratio(math.Inf(1)), "+Inf", st.text, 5},
		{"rate kept whole", rate("28403.270738000000"), 28403.270738, st.rate, 9},
		{"rate not a number as text", rate("n/a"), "n/a", st.text, 4},
		{"time in UTC", bt, bt.UTC(), st.time, 23},
		{"zero time is an empty cell", time.Time{}, nil, 0, 0},
	}
	s := &sheet{f: f, st: st, name: "Sheet1"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, n, err := s.value(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			style := 0
			if c, ok := v.(excelize.Cell); ok {
				v, style = c.Value, c.StyleID
			}
			if v != tt.value || style != tt.style || n != tt.width {
				t.Errorf("value(%#v) = %#v style %d width %d; want %#v style %d width %d", tt.in, v, style, n, tt.value, tt.style, tt.width)
			}
		})
	}
	if _, _, err := s.value(uint8(1)); err == nil {
		t.Error("value(uint8) did not fail")
	}
}

// TestMoneyStyle checks the currency formats, including a currency code
// that is not one (it is shown without a sign, never spliced into the
// format).
func TestMoneyStyle(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	for cur, want := range map[string]string{
		"GBP":     `"£"#,##0.00;-"£"#,##0.00`,
		"EUR":     `"€"#,##0.00;-"€"#,##0.00`,
		"CHF":     `#,##0.00 "CHF"`,
		`X"];@`:   `#,##0.00`,
		"":        `#,##0.00`,
		"gbp":     `#,##0.00`,
		"ABCD":    `#,##0.00`,
		"£":       `#,##0.00`,
		"USD":     `"$"#,##0.00;-"$"#,##0.00`,
		"A\"C":    `#,##0.00`,
		"\x00BC":  `#,##0.00`,
		"ABC\x00": `#,##0.00`,
	} {
		id, err := st.moneyStyle(cur)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if s.CustomNumFmt == nil || *s.CustomNumFmt != want {
			t.Errorf("moneyStyle(%q) format %v; want %q", cur, s.CustomNumFmt, want)
		}
	}
}
