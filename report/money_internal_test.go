package report

import (
	"testing"

	"github.com/coinsift/coinsift"
)

// mixedSuspect has one verified, one late and one partial payment (the
// partial one in two outputs) and one paid again.
func mixedSuspect() Suspect {
	g := func(m int64) coinsift.Money { return coinsift.Money{Minor: m, Currency: "GBP"} }
	s := Suspect{Rank: 1, Person: "P-1",
		Received: g(17700), Verified: g(10000), Late: g(5000), Partial: g(2000), PaidAgain: g(700), Mismatch: g(0),
		VerifiedPayments: 1, ReceivedPayments: 4}
	for _, p := range []struct {
		row    string
		status string
		sats   coinsift.Sats
	}{{"1", "verified", 100_000}, {"2", "late", 50_000}, {"3", "partial", 10_000}, {"3", "partial", 10_000}, {"4", "paid_again", 7_000}} {
		s.Payments = append(s.Payments, Payment{Account: "a1", Status: p.status, Sats: p.sats,
			Provenance: "evidence ev, table src_invoices, row " + p.row})
	}
	return s
}

// TestEvidenceMoneyKeepsVerifiedApart checks the evidence sheet's money
// lines: verified holds verified money alone, and every other status is
// named with its own money and count.
func TestEvidenceMoneyKeepsVerifiedApart(t *testing.T) {
	got := moneyPairs(mixedSuspect())
	want := [][2]string{
		{"Received on chain", "£177.00  (4 payment(s), verified or not; 0.00177000 BTC in all listed payments)"},
		{"Verified", "£100.00  (1 of 4 payments)"},
		{"Received, not verified", "late £50.00 (1); partial £20.00 (1); paid again £7.00 (1)"},
	}
	for i := range want {
		want[i][1] = latin(want[i][1]) // the PDF's encoding
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("line %d = %q; want %q", i, got[i], want[i])
		}
	}
	clean := mixedSuspect()
	clean.Payments = clean.Payments[:1]
	clean.Received, clean.Late, clean.Partial, clean.PaidAgain = clean.Verified, clean.Mismatch, clean.Mismatch, clean.Mismatch
	if got := moneyPairs(clean)[2][1]; got != "none" {
		t.Errorf("all verified: not verified = %q; want none", got)
	}
}

// TestSuspectColumnsKeepVerifiedApart checks that suspects.csv has a
// column per status and that "verified" is verified money alone.
func TestSuspectColumnsKeepVerifiedApart(t *testing.T) {
	row := suspectRow(mixedSuspect())
	if len(row) != len(SuspectColumns) {
		t.Fatalf("%d cells for %d columns", len(row), len(SuspectColumns))
	}
	col := map[string]string{}
	for i, c := range SuspectColumns {
		col[c] = row[i]
	}
	for c, want := range map[string]string{
		"received": "177.00", "verified": "100.00", "verified_payments": "1", "late": "50.00",
		"partial": "20.00", "amount_mismatch": "0.00", "paid_again": "7.00", "currency": "GBP",
	} {
		if col[c] != want {
			t.Errorf("column %s = %q; want %q", c, col[c], want)
		}
	}
	if _, ok := col["paid"]; ok {
		t.Error(`column "paid" still present: its meaning was not said`)
	}
}
