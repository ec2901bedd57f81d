package report

import (
	"bytes"
	"testing"
	"time"
)

// TestSuspectsJSONStream checks that suspects.json written one suspect at
// a time is what marshalling the whole file gives.
func TestSuspectsJSONStream(t *testing.T) {
	c := Case{Name: "Operation <Elaborate>", Generated: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), Currency: "GBP"}
	for _, n := range []int{0, 1, 3} {
		r := Referral{Country: "NL", Agency: "Politie & co (NL)"}
		for i := range n {
			r.Suspects = append(r.Suspects, testSuspect(i+1, i, `<script>alert("x")</script> & \u2028`))
		}
		for _, rd := range []redaction{{}, {"email": true}} {
			h := c.Heuristics
			if h == nil {
				h = []Heuristic{}
			}
			ss := r.Suspects
			if ss == nil {
				ss = []Suspect{}
			}
			want, err := marshal(suspectsFile{Format: SuspectsFormat, Case: c.Name, Country: r.Country, Agency: r.Agency,
				Generated: c.Generated, Tool: tool(c), Currency: c.Currency, Redacted: rd.list(), Heuristics: h, Suspects: ss})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeSuspectsJSON(&got, c, r, rd); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%d suspects, redacted %v: streamed JSON differs\ngot:\n%s\nwant:\n%s", n, rd.list(), got.Bytes(), want)
			}
		}
	}
}

func TestRateText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"28403.270738000000", "28403.270738"},
		{"19480.21", "19480.21"},
		{"17000.000000000000", "17000"},
		{"", ""},
		{"n/a", "n/a"},
		{"1.2.3", "1.2.3"},
	}
	for _, tt := range tests {
		if got := rateText(tt.in); got != tt.want {
			t.Errorf("rateText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
