package reportsql_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/report"
	"github.com/coinsift/coinsift/report/reportsql"
)

// TestSummaryKeepsVerifiedApart builds a case with late, partial, mismatched,
// paid-again and duplicate payments beside verified ones and checks that the
// summary's "verified" figures hold verified payments alone, each other
// status apart, and the money received on chain in all.
func TestSummaryKeepsVerifiedApart(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{Name: "money"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	db := c.DB()
	t0 := time.Date(2022, 3, 1, 12, 0, 0, 0, time.UTC)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO accounts VALUES ('a1', 'u1', NULL, NULL, 'ev', 'src_users', 1)`)
	for i, p := range []struct {
		status string
		value  int64 // pence; 0: no output
	}{
		{"verified", 10000}, {"verified", 25000}, {"late", 5000}, {"partial", 2000}, {"amount_mismatch", 3000},
		{"paid_again", 700}, {"duplicate", 0}, {"unpaid", 0}, {"not_found", 0},
	} {
		outputs := 0
		if p.value > 0 {
			outputs = 1
		}
		exec(`INSERT INTO payments (account_key, evidence_id, src_table, src_row) VALUES ('a1', 'ev', 'src_invoices', ?)`, i+1)
		exec(`INSERT INTO links VALUES ('ev', 'src_invoices', ?, 'a1', 'bc1qdeposit', NULL, ?, 'address', 1000, 1000, 0, ?, ?, 'test')`,
			i+1, p.status, outputs, t0)
		if outputs > 0 {
			exec(`INSERT INTO link_outputs VALUES ('ev', 'src_invoices', ?, 0, ?, 'tx', 0, 1000, 700000, ?)`, i+1, i, t0)
			exec(`INSERT INTO payment_values VALUES ('ev', 'src_invoices', ?, 0, 'tx', 0, 1000, ?, 'GBP', ?, 30000, 'open', 'test', ?, NULL, 'BTC/GBP')`,
				i+1, t0, p.value, t0)
		}
	}
	s, err := reportsql.Summary(ctx, db, report.Case{Name: "money", Currency: "GBP", Generated: t0})
	if err != nil {
		t.Fatal(err)
	}
	gbp := func(m int64) coinsift.Money { return coinsift.Money{Minor: m, Currency: "GBP"} }
	if s.Payments != 9 || s.VerifiedPayments != 2 || s.Verified != gbp(35000) || s.Received != gbp(45700) {
		t.Errorf("payments %d, verified %d worth %v, received %v; want 9, 2 worth GBP 350.00, GBP 457.00",
			s.Payments, s.VerifiedPayments, s.Verified, s.Received)
	}
	want := []report.StatusTotal{{Status: "late", Payments: 1, Value: gbp(5000)}, {Status: "partial", Payments: 1, Value: gbp(2000)}, {Status: "amount_mismatch", Payments: 1, Value: gbp(3000)},
		{Status: "paid_again", Payments: 1, Value: gbp(700)}, {Status: "duplicate", Payments: 1, Value: gbp(0)}}
	if d := cmp.Diff(want, s.ByStatus); d != "" {
		t.Errorf("ByStatus (-want +got):\n%s", d)
	}
	if len(s.PaymentsByMonth) != 1 || s.PaymentsByMonth[0].Count != 2 || s.PaymentsByMonth[0].Total != gbp(35000) {
		t.Errorf("verified payments by month = %+v; want 2 worth GBP 350.00", s.PaymentsByMonth)
	}

	dir := filepath.Join(t.TempDir(), "summary")
	if _, err := report.WriteSummary(ctx, dir, s); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "summary.html"))
	if err != nil {
		t.Fatal(err)
	}
	figure := regexp.MustCompile(`<tr><th scope="row">([^<]*)</th><td class="num">([^<]*)</td></tr>`)
	got := map[string]string{}
	for _, m := range figure.FindAllStringSubmatch(string(page), -1) {
		got[strings.ReplaceAll(m[1], "&#39;", "'")] = m[2]
	}
	for label, value := range map[string]string{
		"Payments verified on chain":                                                "2 (22.2%)",
		"Value of verified payments":                                                "£350.00",
		"Late payments (paid in full after the window)":                             "1, worth £50.00",
		"Partial payments (underpaid)":                                              "1, worth £20.00",
		"Amount-mismatched payments (overpaid or another amount)":                   "1, worth £30.00",
		"Paid again (further payments to a paid invoice's address)":                 "1, worth £7.00",
		"Duplicate records (add no money)":                                          "1",
		"Value received on chain (verified, late, partial, mismatched, paid again)": "£457.00",
	} {
		if got[label] != value {
			t.Errorf("summary.html %q = %q; want %q", label, got[label], value)
		}
	}
	// The chart of money by status: one bar per status, verified alone.
	for _, text := range []string{">£350.00 (2 payments)<", ">£50.00 (1 payments)<", ">£20.00 (1 payments)<", ">£30.00 (1 payments)<", ">£7.00 (1 payments)<"} {
		if !strings.Contains(string(page), text) {
			t.Errorf("summary.html: no chart bar %q", text)
		}
	}
}
