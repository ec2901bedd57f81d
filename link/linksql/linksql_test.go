package linksql_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/link"
	"github.com/coinsift/coinsift/link/linksql"
	"github.com/coinsift/coinsift/value/valuesql"
)

// TestSavePaidAgainAndServiceWallet stores a payment, a further payment to
// its invoice and the service's wallet: the further payment has a key of
// its own, and valuation reads its output like the verified one's.
func TestSavePaidAgainAndServiceWallet(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	db := c.DB()
	when := time.Date(2022, 11, 24, 12, 0, 0, 0, time.UTC)
	out := func(o int64, sats coinsift.Sats) []link.Match {
		return []link.Match{{Output: o, TxID: coinsift.TxID{byte(o)}, Vout: 0, Sats: sats, Height: coinsift.Height(o), Time: when.Add(time.Duration(o) * time.Hour)}}
	}
	orig := link.Key{Evidence: "ev1", Table: "src_invoices", Row: 12}
	r := &link.Result{
		Config: link.DefaultConfig(),
		Links: []link.Link{
			{Key: orig, Account: "7", Address: "dep1", AddressID: 3, Status: link.Verified, By: "address",
				Want: 1000, Paid: 1000, Outputs: out(10, 1000), Reason: "paid"},
			{Key: orig.Again(1), Account: "7", Address: "dep1", AddressID: 3, Status: link.PaidAgain, By: "cluster",
				Paid: 500, Delta: 500, Outputs: out(20, 500), Reason: "paid again"},
		},
		Unrecorded: []link.Deposit{},
		Wallet:     []link.WalletPart{},
		Service: []link.ServiceAddress{
			{AddressID: 3, Address: "dep1", Cluster: 3, Why: link.WhyDeposit},
			{AddressID: 4, Address: "svc1", Cluster: 3, Why: link.WhyChange, Via: "dep1", TxID: coinsift.TxID{20}.String(), Round: 1},
		},
		Stats: link.Stats{Payments: 1, ByStatus: map[link.Status]int{link.Verified: 1, link.PaidAgain: 1}},
	}
	for round := 0; round < 2; round++ { // saving again replaces
		counts, err := linksql.Save(ctx, db, r, when)
		if err != nil {
			t.Fatal(err)
		}
		if counts["links"] != 2 || counts["link_outputs"] != 2 || counts["service_addresses"] != 2 {
			t.Fatalf("Save counts = %v", counts)
		}
	}
	var table, status string
	var recorded any
	if err := db.QueryRowContext(ctx, `SELECT src_table, status, recorded_sats FROM links WHERE evidence_id = 'ev1' AND src_row = 12 AND status = 'paid_again'`).Scan(&table, &status, &recorded); err != nil {
		t.Fatal(err)
	}
	if table != "src_invoices+again1" || recorded != nil {
		t.Errorf("paid again row: table %q, recorded %v; want src_invoices+again1, NULL", table, recorded)
	}
	var why, via, txid string
	var round int
	if err := db.QueryRowContext(ctx, `SELECT why, via, txid, round FROM service_addresses WHERE address = 'svc1'`).Scan(&why, &via, &txid, &round); err != nil {
		t.Fatal(err)
	}
	if why != "change" || via != "dep1" || txid != (coinsift.TxID{20}).String() || round != 1 {
		t.Errorf("service address svc1: %s via %s in %s, round %d", why, via, txid, round)
	}
	items, err := valuesql.LoadItems(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]coinsift.Sats{}
	for _, it := range items {
		got[it.Table] += it.Sats
	}
	if len(items) != 2 || got["src_invoices"] != 1000 || got["src_invoices+again1"] != 500 {
		t.Errorf("value items %+v; want the verified and the paid-again output", items)
	}
}
