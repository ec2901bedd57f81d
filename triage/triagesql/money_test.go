package triagesql_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/rule"
	"github.com/coinsift/coinsift/triage/triagesql"
)

// moneyCase returns a case whose links have every status, each payment of
// known value: account a1 has one payment of each status that brings money
// (paid_again rows as h7's link status will write them) and a duplicate;
// a2 has a verified payment, an unpaid one and a verified payment with an
// output that could not be valued.
func moneyCase(t *testing.T) *sql.DB {
	t.Helper()
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{Name: "money"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	db := c.DB()
	t0 := time.Date(2022, 3, 1, 12, 0, 0, 0, time.UTC)
	for i, a := range []string{"a1", "a2"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO accounts VALUES (?, ?, ?, NULL, 'ev', 'src_users', ?)`, a, "user-"+a, t0, i+1); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range []struct {
		account, status string
		outputs         int
		sats            int64
		values          []int64 // per valued output, pence
	}{
		{"a1", "verified", 1, 100_000, []int64{10000}},
		{"a1", "late", 1, 50_000, []int64{5000}},
		{"a1", "partial", 2, 20_000, []int64{1500, 500}},
		{"a1", "amount_mismatch", 1, 30_000, []int64{3000}},
		{"a1", "paid_again", 1, 7_000, []int64{700}},
		{"a1", "duplicate", 0, 0, nil},
		{"a2", "verified", 1, 400_000, []int64{40000}},
		{"a2", "unpaid", 0, 0, nil},
		{"a2", "verified", 2, 90_000, []int64{9000}}, // one output not valued: counts nowhere
	} {
		row := int64(i + 1)
		if _, err := db.ExecContext(ctx, `INSERT INTO links VALUES ('ev', 'src_invoices', ?, ?, 'bc1qdeposit', NULL, ?, 'txid', ?, ?, 0, ?, ?, 'test')`,
			row, p.account, p.status, p.sats, p.sats, p.outputs, t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		for seq, v := range p.values {
			if _, err := db.ExecContext(ctx, `INSERT INTO payment_values VALUES ('ev', 'src_invoices', ?, ?, 'tx', 0, 1, ?, 'GBP', ?, 30000, 'open', 'test', ?, NULL, 'BTC/GBP')`,
				row, seq, t0, v, t0); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db
}

// TestAccountTotalsByStatus checks that account_totals keeps each status's
// money in its own column and that verified is verified alone.
func TestAccountTotalsByStatus(t *testing.T) {
	db := moneyCase(t)
	type totals struct {
		Payments, Received, ReceivedSats, VerifiedPayments, Verified, VerifiedSats int64
		LatePayments, Late, PartialPayments, Partial, MismatchPayments, Mismatch   int64
		PaidAgainPayments, PaidAgain, Duplicates                                   int64
	}
	got := map[string]totals{}
	rows, err := db.Query(`SELECT account_key, payments, received_minor, received_sats, verified_payments, verified_minor, verified_sats,
		late_payments, late_minor, partial_payments, partial_minor, mismatch_payments, mismatch_minor,
		paid_again_payments, paid_again_minor, duplicate_payments FROM account_totals`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var x totals
		if err := rows.Scan(&k, &x.Payments, &x.Received, &x.ReceivedSats, &x.VerifiedPayments, &x.Verified, &x.VerifiedSats,
			&x.LatePayments, &x.Late, &x.PartialPayments, &x.Partial, &x.MismatchPayments, &x.Mismatch,
			&x.PaidAgainPayments, &x.PaidAgain, &x.Duplicates); err != nil {
			t.Fatal(err)
		}
		got[k] = x
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string]totals{
		"a1": {Payments: 5, Received: 20700, ReceivedSats: 207_000, VerifiedPayments: 1, Verified: 10000, VerifiedSats: 100_000,
			LatePayments: 1, Late: 5000, PartialPayments: 1, Partial: 2000, MismatchPayments: 1, Mismatch: 3000,
			PaidAgainPayments: 1, PaidAgain: 700, Duplicates: 1},
		"a2": {Payments: 1, Received: 40000, ReceivedSats: 400_000, VerifiedPayments: 1, Verified: 40000, VerifiedSats: 400_000},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("account_totals (-want +got):\n%s", d)
	}
}

// TestReadSuspectsByStatus checks that suspects carry each status's money
// apart, that the rule fields read them, and that the suspects table keeps
// them.
func TestReadSuspectsByStatus(t *testing.T) {
	db := moneyCase(t)
	ctx := context.Background()
	all, err := triagesql.ReadSuspects(ctx, db, "GBP")
	if err != nil {
		t.Fatal(err)
	}
	gbp := func(m int64) coinsift.Money { return coinsift.Money{Minor: m, Currency: "GBP"} }
	byPerson := map[string]triage.Suspect{}
	for _, s := range all {
		byPerson[s.Person] = s
	}
	a1 := byPerson["account:a1"]
	want := triage.Suspect{Person: "account:a1", Accounts: []string{"a1"},
		Received: gbp(20700), Verified: gbp(10000), Late: gbp(5000), Partial: gbp(2000), Mismatch: gbp(3000), PaidAgain: gbp(700),
		Payments: 5, VerifiedPayments: 1}
	if d := cmp.Diff(want, a1); d != "" {
		t.Errorf("suspect a1 (-want +got):\n%s", d)
	}
	for expr, want := range map[string][]string{
		`verified_gbp >= 100`:         {"account:a2", "account:a1"},
		`verified_gbp >= 150`:         {"account:a2"},
		`received_gbp >= 150`:         {"account:a2", "account:a1"},
		`paid_gbp >= 150`:             {"account:a2", "account:a1"},
		`late_gbp > 0 || partial > 0`: {"account:a1"},
		`paid_again_gbp == 7`:         {"account:a1"},
	} {
		r, err := rule.Parse(expr, triage.Schema("GBP"))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		var got []string
		for _, s := range triage.Rank(all, r) {
			got = append(got, s.Person)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", expr, d)
		}
	}
	r, _ := rule.Parse(`payments > 0`, triage.Schema("GBP"))
	ranked := triage.Rank(all, r)
	if err := triagesql.SaveSuspects(ctx, db, triage.NamedRule{Name: "t", Expr: `payments > 0`}, ranked); err != nil {
		t.Fatal(err)
	}
	var paid, ver, late, partial, mismatch, again, nver int64
	if err := db.QueryRow(`SELECT paid_minor, verified_minor, late_minor, partial_minor, mismatch_minor, paid_again_minor, verified_payments
		FROM suspects WHERE person = 'account:a1'`).Scan(&paid, &ver, &late, &partial, &mismatch, &again, &nver); err != nil {
		t.Fatal(err)
	}
	if got := []int64{paid, ver, late, partial, mismatch, again, nver}; !cmp.Equal(got, []int64{20700, 10000, 5000, 2000, 3000, 700, 1}) {
		t.Errorf("suspects row = %v", got)
	}
}
