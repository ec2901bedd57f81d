package placesql_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/place"
	"github.com/coinsift/coinsift/place/placesql"
)

func TestReadExchanges(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, t.TempDir(), casefile.InitOptions{Name: "t"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	db := c.DB()
	for _, q := range []string{
		// bitvavo is listed by two packs: the first evidence file wins.
		`INSERT INTO actors VALUES
			('bitvavo', 'Bitvavo', NULL, 'NL,BE', 'exchange', 'ev1', 1),
			('bitvavo', 'Other', NULL, 'US', 'exchange', 'ev2', 1),
			('coinfloor', 'Coinfloor', NULL, 'GB', 'exchange', 'ev1', 2),
			('binance', 'Binance', NULL, '', 'exchange', 'ev1', 3)`,
		`INSERT INTO payment_payers (evidence_id, src_table, src_row, account_key, sats, direct, exchange, error) VALUES
			('e', 'payments', 9, 'u1', 1, true, 'bitvavo', NULL),
			('e', 'payments', 4, 'u1', 1, true, 'bitvavo', NULL),
			('e', 'payments', 5, 'u1', 1, false, 'coinfloor', NULL),
			('e', 'payments', 6, 'u2', 1, true, 'binance', NULL),
			('e', 'payments', 7, 'u2', 1, true, 'unknown-exchange', NULL),
			('e', 'payments', 8, 'u3', 1, true, 'coinfloor', 'trace failed'),
			('e', 'payments', 10, NULL, 1, true, 'coinfloor', NULL)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	got, err := placesql.ReadExchanges(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	two := "exchange jurisdiction (1 of 2), funded 2 payments"
	want := map[string][]place.Signal{
		"u1": {
			{Kind: place.KindExchange, Country: "NL", Weight: 0.5, Value: "Bitvavo", Detail: two, Table: "payments", Row: 4},
			{Kind: place.KindExchange, Country: "BE", Weight: 0.5, Value: "Bitvavo", Detail: two, Table: "payments", Row: 4},
			{Kind: place.KindExchange, Country: "GB", Weight: 1, Value: "Coinfloor", Detail: "exchange jurisdiction, funded 1 payment", Table: "payments", Row: 5},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadExchanges (-want +got):\n%s", d)
	}
}
