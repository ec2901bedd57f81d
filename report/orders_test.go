package report_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/report"
)

// withdrawalFor returns a withdrawal of the exchange that funded s's
// first payment, with every field an order needs.
func withdrawalFor(tb testing.TB, s report.Suspect, seed string, sats coinsift.Sats, traced coinsift.Sats) report.Withdrawal {
	tb.Helper()
	src := s.Sources[0]
	return report.Withdrawal{
		Person: s.Person, Account: s.Accounts[0].Key, TxID: txid(tb, seed), Height: src.WithdrawalHeight,
		Time: src.WithdrawalTime, Address: "bc1qcustomer" + strings.ToLower(seed), Sats: sats,
		Value:              gbp(int64(sats) * 1948021 / 100_000_000),
		ExchangeAddresses:  []string{"bc1qexchangehotwallet00000000000000000000", "3ExchangeColdWallet1111111111111111"},
		ReceivingAddresses: []string{"bc1qcustomer" + strings.ToLower(seed)},
		Outputs:            []report.WithdrawalOutput{{Vout: 1, Address: "bc1qcustomer" + strings.ToLower(seed), Sats: sats}},
		Rate:               "19480.21", RateSource: "coindesk-bpi-gbp (close)", RateTime: src.WithdrawalTime.Truncate(24 * time.Hour),
		RateEvidence: "1a2b3c4d", TracedSats: traced, Model: "haircut",
		Traced: []report.Traced{{Person: s.Person, Account: s.Accounts[0].Key, Invoice: s.Payments[0].Invoice, Sats: traced, Hops: src.Hops}},
	}
}

// orderReferral is sampleReferral with the withdrawal detail the loader
// fills: jurisdictions, labels and one withdrawal per suspect, the first
// shared by both suspects' payments (one txid, two traced parts).
func orderReferral(tb testing.TB) (report.Case, report.Referral) {
	tb.Helper()
	c, r := sampleCase(), sampleReferral(tb)
	c.Authority = "Politie, Team High Tech Crime"
	c.Officer = "Inspecteur J. de Vries"
	shared := withdrawalFor(tb, r.Suspects[1], "W1", 2_600_000, 1_250_000)
	other := withdrawalFor(tb, r.Suspects[0], "W1", 2_600_000, 1_100_000)
	own := withdrawalFor(tb, r.Suspects[0], "W2", 900_000, 150_000)
	for i, s := range r.Suspects {
		s.Sources = append([]report.Source(nil), s.Sources...)
		src := &s.Sources[0]
		src.Label, src.Jurisdictions = "Bitvavo", []coinsift.Country{"NL", "BE"}
		if i == 0 {
			src.Withdrawals = []report.Withdrawal{other, own}
		} else {
			src.Withdrawals = []report.Withdrawal{shared}
		}
		r.Suspects[i] = s
	}
	merged := shared
	merged.Traced = append(append([]report.Traced(nil), shared.Traced...), other.Traced...)
	merged.TracedSats = shared.TracedSats + other.TracedSats
	r.Orders = []report.ProductionOrder{{Exchange: "bitvavo", Label: "Bitvavo", Jurisdiction: "NL",
		Jurisdictions: []coinsift.Country{"NL", "BE"}, Items: []report.Withdrawal{merged, own}}}
	return c, r
}

func TestOrderTextGolden(t *testing.T) {
	c, r := orderReferral(t)
	golden(t, "order-bitvavo.txt.golden", []byte(report.OrderText(c, r, r.Orders[0])))
}

func TestEvidenceTextGolden(t *testing.T) {
	c, r := orderReferral(t)
	s := r.Suspects[0]
	s.Accounts = append(s.Accounts, report.Account{Key: "u09999", Username: "second", Provenance: "evidence 5891b5b5, table users, row 99"})
	s.Links = []report.PersonLink{
		{AccountA: s.Accounts[0].Key, AccountB: "u09999", Kind: "phone", Strength: "strong", Detail: "+31612340002",
			Behind: []string{"account u01002: evidence 5891b5b5, table users, row 14, column phone"}},
		{AccountA: s.Accounts[0].Key, AccountB: "u09999", Kind: "login_ip", Detail: "145.53.12.2"},
	}
	c.Heuristics = append(c.Heuristics, report.Measured()...)
	golden(t, "evidence-P-000042.txt.golden", []byte(report.EvidenceText(c, r, s)))
}

// TestOrderFields: whatever the case settings hold, an order names the
// exchange's jurisdiction, the authority, legal basis and officer (or a
// placeholder to complete), and every withdrawal's txid in full, the
// exchange's and the customer's addresses, the block time, the amount, its
// value with the rate's source and the traced share; never a blank.
func TestOrderFields(t *testing.T) {
	c, r := orderReferral(t)
	o := r.Orders[0]
	tests := []struct {
		name  string
		edit  func(*report.Case, *report.ProductionOrder)
		want  []string
		never []string
	}{
		{"settings", func(c *report.Case, o *report.ProductionOrder) {
			c.LegalBasis = "Wetboek van Strafvordering, art. 126nd"
		}, []string{"Requesting authority: Politie, Team High Tech Crime", "Officer in charge: Inspecteur J. de Vries",
			"Under Wetboek van Strafvordering, art. 126nd, Politie", "jurisdiction NL (the actor packs list NL, BE)"},
			[]string{"to be completed"}},
		{"no settings", func(c *report.Case, o *report.ProductionOrder) {
			c.Authority, c.LegalBasis, c.Officer = "", "", " "
		}, []string{"[REQUESTING AUTHORITY — to be completed]", "[LEGAL BASIS — to be completed]", "[OFFICER — to be completed]"},
			nil},
		{"no actor pack", func(c *report.Case, o *report.ProductionOrder) {
			o.Jurisdiction, o.Jurisdictions, o.Label = "", nil, ""
		}, []string{"jurisdiction [JURISDICTION — to be completed"}, []string{"(jurisdiction )", "law of ."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, o := c, o
			tt.edit(&c, &o)
			text := report.OrderText(c, r, o)
			for _, w := range append(tt.want,
				"Case reference: "+c.Name, "Order: NL/bitvavo", "Person: P-000042", "Account: u01002") {
				if !strings.Contains(text, w) {
					t.Errorf("order text lacks %q:\n%s", w, text)
				}
			}
			for _, n := range append(tt.never, "(jurisdiction )", "applicable law of .", "£0.00", "\nto\n", "| to |") {
				if strings.Contains(text, n) {
					t.Errorf("order text has %q:\n%s", n, text)
				}
			}
			for _, it := range o.Items {
				for _, w := range []string{it.TxID.String(), it.ExchangeAddresses[0], it.ExchangeAddresses[1], it.ReceivingAddresses[0],
					"- Amount withdrawn | " + it.Sats.String() + " BTC", "coindesk-bpi-gbp (close)", "at 19480.21 GBP/BTC",
					"Traced from the exchange to our suspects (haircut) | " + it.TracedSats.String() + " BTC", "height " + strconv.Itoa(int(it.Height))} {
					if !strings.Contains(text, w) {
						t.Errorf("order text lacks %q for withdrawal %s:\n%s", w, it.TxID, text)
					}
				}
			}
			if n := strings.Count(text, "### Withdrawal "); n != len(o.Items) {
				t.Errorf("order lists %d withdrawals; want %d (one per txid)", n, len(o.Items))
			}
		})
	}
}
