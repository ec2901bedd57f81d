package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/report"
	"github.com/coinsift/coinsift/report/reportsql"
)

// TestReferralWithdrawalsFilled runs the demo on a tiny world and checks,
// for every package it writes, that every funding withdrawal carries what
// a production order needs: the txid, the exchange's sending and the
// customer's receiving addresses, the block time, the amount withdrawn,
// its value with the rate's source, the traced share and the model, and
// the exchange's jurisdiction from the actor packs; and that the orders
// built from them list each withdrawal txid once. Then it sets the report
// settings with flags and checks they are kept in case.toml.
func TestReferralWithdrawalsFilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole demo")
	}
	out := filepath.Join(t.TempDir(), "demo")
	mustRun(t, "demo", "--scale", "tiny", "--out", out)
	pkgs, err := filepath.Glob(filepath.Join(out, "referrals", "*", "suspects.json"))
	if err != nil || len(pkgs) == 0 {
		t.Fatalf("no packages (%v)", err)
	}
	withdrawals, items := 0, 0
	for _, p := range pkgs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Country  coinsift.Country `json:"country"`
			Suspects []report.Suspect `json:"suspects"`
		}
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, s := range f.Suspects {
			for _, src := range s.Sources {
				if src.Jurisdiction == "" || len(src.Jurisdictions) == 0 || src.WithdrawalTime.IsZero() || src.Address == "" || src.Model == "" {
					t.Errorf("%s person %s source %s: jurisdiction %q %v, withdrawal time %v, exchange address %q, model %q",
						f.Country, s.Person, src.Exchange, src.Jurisdiction, src.Jurisdictions, src.WithdrawalTime, src.Address, src.Model)
				}
				if len(src.Withdrawals) == 0 {
					t.Errorf("%s person %s source %s: no withdrawals", f.Country, s.Person, src.Exchange)
				}
				for _, w := range src.Withdrawals {
					withdrawals++
					checkWithdrawal(t, string(f.Country)+" person "+s.Person+" "+src.Exchange, w)
				}
			}
		}
		for _, o := range reportsql.Orders(f.Country, f.Suspects) {
			if o.Jurisdiction == "" || o.Label == "" {
				t.Errorf("%s order %s: jurisdiction %q, label %q", f.Country, o.Exchange, o.Jurisdiction, o.Label)
			}
			seen := map[coinsift.TxID]bool{}
			for _, it := range o.Items {
				items++
				if seen[it.TxID] {
					t.Errorf("%s order %s lists %s twice", f.Country, o.Exchange, it.TxID)
				}
				seen[it.TxID] = true
				checkWithdrawal(t, string(f.Country)+" order "+o.Exchange, it)
			}
		}
	}
	if withdrawals == 0 || items == 0 {
		t.Fatalf("the demo packages hold %d withdrawals and %d order items; want some", withdrawals, items)
	}

	c := filepath.Join(out, "case")
	mustRun(t, "--case", c, "report", "referrals", "--out", filepath.Join(out, "again"), "--rule", "ispoof-uk", "--countries", "GB",
		"--authority", "Metropolitan Police Service", "--legal-basis", "Proceeds of Crime Act 2002, s.345", "--officer", "DC A. Smith")
	mustRun(t, "--case", c, "report", "referrals", "--out", filepath.Join(out, "third"), "--rule", "ispoof-uk", "--countries", "GB", "--officer", "DC B. Jones")
	cs, err := casefile.Open(context.Background(), c, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	want := casefile.ReportSettings{Authority: "Metropolitan Police Service", LegalBasis: "Proceeds of Crime Act 2002, s.345", Officer: "DC B. Jones"}
	if got := cs.Config().Settings.Report; got != want {
		t.Errorf("case.toml report settings = %+v; want %+v", got, want)
	}
}

// checkWithdrawal fails the test for every field of w a production order
// needs that is empty.
func checkWithdrawal(t *testing.T, where string, w report.Withdrawal) {
	t.Helper()
	empty := map[string]bool{
		"txid":                w.TxID == (coinsift.TxID{}),
		"height":              w.Height == 0,
		"time":                w.Time.IsZero(),
		"exchange addresses":  len(w.ExchangeAddresses) == 0,
		"receiving addresses": len(w.ReceivingAddresses) == 0 || w.Address == "",
		"amount":              w.Sats <= 0,
		"value":               w.Value.Minor <= 0 || w.Value.Currency == "",
		"rate":                w.Rate == "" || w.RateSource == "" || w.RateTime.IsZero() || w.RateEvidence == "",
		"traced":              w.TracedSats <= 0 || len(w.Traced) == 0,
		"model":               w.Model == "",
		"reference":           w.Person == "" || w.Account == "",
	}
	for f, e := range empty {
		if e {
			t.Errorf("%s withdrawal %s: %s empty", where, w.TxID, f)
		}
	}
}
