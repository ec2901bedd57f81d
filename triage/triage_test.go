package triage_test

import (
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/rule"
)

func gbp(p int64) coinsift.Money { return coinsift.Money{Minor: p, Currency: "GBP"} }

func TestRankISpoofRule(t *testing.T) {
	all := []triage.Suspect{
		{Person: "p1", Country: "GB", Confidence: 0.9, Received: gbp(24000), Payments: 2, Calls: 300, Victims: 40},
		{Person: "p2", Country: "GB", Confidence: 0.9, Received: gbp(9999), Payments: 1},  // £99.99: below
		{Person: "p3", Country: "GB", Confidence: 0.3, Received: gbp(50000), Payments: 3}, // not confident
		{Person: "p4", Country: "NL", Confidence: 0.9, Received: gbp(50000), Payments: 3}, // elsewhere
		{Person: "p5", Received: gbp(80000), Payments: 5},                                 // unplaced
		{Person: "p6", Country: "GB", Confidence: 0.5, Received: gbp(10000), Payments: 1, Exchanges: []string{"Coinbase"}, Direct: true},
		{Person: "p0", Country: "GB", Confidence: 0.8, Received: gbp(10000), Payments: 1},
	}
	var def triage.NamedRule
	for _, r := range triage.BuiltinRules {
		if r.Name == "ispoof-uk" {
			def = r
		}
	}
	r, err := rule.Parse(def.Expr, triage.Schema("GBP"))
	if err != nil {
		t.Fatal(err)
	}
	got := triage.Rank(all, r)
	var order []string
	for _, s := range got {
		order = append(order, s.Person)
	}
	want := []string{"p1", "p0", "p6"} // p0 and p6 tie on score and paid: person order
	if len(order) != len(want) {
		t.Fatalf("Rank = %v; want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("Rank = %v; want %v", order, want)
		}
	}
	if got[2].Reasons[2] != "paid straight from Coinbase" {
		t.Errorf("reasons = %q", got[2].Reasons)
	}
	ref, _ := rule.Parse(`placed && country != "GB" && paid_gbp >= 100`, triage.Schema("GBP"))
	if got := triage.Rank(all, ref); len(got) != 1 || got[0].Person != "p4" {
		t.Errorf("referrals = %+v", got)
	}
}

func TestVictims(t *testing.T) {
	t0 := time.Date(2021, 6, 1, 10, 0, 0, 0, time.UTC)
	dir := triage.NewDirectory([]triage.Organisation{
		{Name: "Barclays", Country: "GB", OfficialNumber: "+442079460001", Template: "barclays_fraud_v3"},
		{Name: "HMRC", Country: "GB", OfficialNumber: "+441314960009", Template: "hmrc_tax"},
	})
	one := func(acct, caller, dest string, cc coinsift.Country, start time.Time, d time.Duration, tmpl string) triage.Calls {
		return triage.Calls{Account: acct, CallerID: caller, Destination: dest, Country: cc, Template: tmpl,
			Count: 1, Longest: d, Total: d, First: start, Last: start}
	}
	calls := []triage.Calls{
		one("7", "+442079460001", "+447700900001", "GB", t0, 90*time.Second, ""),
		one("8", "+443000000000", "+447700900001", "GB", t0.Add(time.Hour), 300*time.Second, "hmrc_tax"),
		one("7", "", "+61400000000", "AU", t0, 61*time.Second, "westpac_au"),
		one("7", "", "", "", t0, time.Hour, ""),
		{Destination: "+449999", Count: 0},
	}
	v := triage.Victims(calls, dir)
	if len(v) != 2 || v[0].Country != "AU" || v[1].E164 != "+447700900001" {
		t.Fatalf("Victims = %+v", v)
	}
	gb := v[1]
	if gb.Calls != 2 || gb.LongestCall != 300*time.Second || !gb.FirstCall.Equal(t0) || len(gb.Accounts) != 2 {
		t.Errorf("GB victim = %+v", gb)
	}
	if len(gb.Organisations) != 2 || gb.Organisations[0] != "Barclays" || gb.Organisations[1] != "HMRC" {
		t.Errorf("organisations = %v", gb.Organisations)
	}
	if v[0].Organisations[0] != "westpac_au" {
		t.Errorf("unknown template kept as is: %v", v[0].Organisations)
	}
}

// TestMoneyFields checks that every money field of a rule reads its own link
// status, that received is their sum and that paid stays its deprecated
// name, with and without the currency suffix.
func TestMoneyFields(t *testing.T) {
	s := triage.Suspect{Person: "p1", Country: "GB", Confidence: 0.9,
		Received: gbp(20700), Verified: gbp(10000), Late: gbp(5000), Partial: gbp(2000), Mismatch: gbp(3000), PaidAgain: gbp(700),
		Payments: 5, VerifiedPayments: 1}
	for _, tc := range []struct {
		expr string
		want bool
	}{
		{`verified == 100`, true},
		{`verified_gbp == 100`, true},
		{`verified_gbp >= 100.01`, false},
		{`late_gbp == 50`, true},
		{`partial_gbp == 20`, true},
		{`mismatch_gbp == 30`, true},
		{`paid_again_gbp == 7`, true},
		{`paid_again == 7`, true},
		{`received_gbp == 207`, true},
		{`received == 207`, true},
		{`paid_gbp == 207`, true}, // deprecated name of received
		{`paid == 207`, true},
		{`payments == 5 && verified_payments == 1`, true},
		{`verified_gbp >= 150`, false}, // the mixed total would pass
		{`received_gbp >= 150`, true},
	} {
		r, err := rule.Parse(tc.expr, triage.Schema("GBP"))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.expr, err)
			continue
		}
		if got := r.Match(&s); got != tc.want {
			t.Errorf("%q = %v; want %v", tc.expr, got, tc.want)
		}
	}
	if _, err := rule.Parse(`verified_eur >= 1`, triage.Schema("GBP")); err == nil {
		t.Error("verified_eur accepted in a GBP case")
	}
}

// TestReasonsKeepVerifiedApart checks that a suspect's reasons never call
// late or partial money verified.
func TestReasonsKeepVerifiedApart(t *testing.T) {
	all := []triage.Suspect{
		{Person: "mixed", Country: "GB", Confidence: 0.9, Received: gbp(17000), Verified: gbp(10000), Late: gbp(5000), Partial: gbp(2000),
			Payments: 3, VerifiedPayments: 1},
		{Person: "clean", Country: "GB", Confidence: 0.9, Received: gbp(10000), Verified: gbp(10000), Payments: 2, VerifiedPayments: 2},
	}
	r, err := rule.Parse(`payments > 0`, triage.Schema("GBP"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"mixed": "received GBP 170.00 on chain in 3 payment(s): verified GBP 100.00 (1), late GBP 50.00, partial GBP 20.00",
		"clean": "received GBP 100.00 on chain in 2 payment(s), all verified",
	}
	for _, s := range triage.Rank(all, r) {
		if s.Reasons[1] != want[s.Person] {
			t.Errorf("%s: reason %q; want %q", s.Person, s.Reasons[1], want[s.Person])
		}
	}
}

// TestReasonsNameHopsPerExchange: an exchange two hops back is not said to
// have paid straight (issue 17).
func TestReasonsNameHopsPerExchange(t *testing.T) {
	tests := []struct {
		ex   []string
		hops map[string]int
		want string
	}{
		{[]string{"binance", "kraken"}, map[string]int{"binance": 1, "kraken": 2}, "paid straight from binance; kraken 2 hops back"},
		{[]string{"binance", "coinbase"}, map[string]int{"binance": 1, "coinbase": 1}, "paid straight from binance, coinbase"},
		{[]string{"Kraken Pro", "bitstamp"}, map[string]int{"Kraken Pro": 3, "bitstamp": 2}, "funded through Kraken Pro (3 hops back), bitstamp (2 hops back)"},
	}
	r, err := rule.Parse(`true`, triage.Schema("GBP"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		s := triage.Suspect{Person: "1", Exchanges: tt.ex, Direct: tt.hops[tt.ex[0]] == 1 || tt.hops[tt.ex[len(tt.ex)-1]] == 1, Hops: tt.hops}
		got := triage.Rank([]triage.Suspect{s}, r)[0].Reasons
		if got[len(got)-1] != tt.want {
			t.Errorf("reasons for %v = %q; want last %q", tt.hops, got, tt.want)
		}
	}
}
