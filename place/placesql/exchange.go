package placesql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/coinsift/coinsift/place"
)

// ReadExchanges returns the exchange signals of every account whose traced
// payments (payment_payers, written by 'coinsift trace payers') were funded
// by an exchange that an imported actor pack gives jurisdictions: one
// signal per account, exchange and jurisdiction, split as place.Exchanges
// does, with the account's first such payment as its provenance. Exchanges
// without an actor entry, or whose actor lists no jurisdiction (offshore
// and global exchanges should be), give none. An actor id listed by
// several packs takes the entry of the first evidence file.
//
// The result is meant for Options.Extra.
func ReadExchanges(ctx context.Context, db *sql.DB) (map[string][]place.Signal, error) {
	type key struct{ account, exchange string }
	type agg struct {
		label, juris string
		n            int
		table        string
		row          int64
	}
	by := map[key]*agg{}
	var order []key
	err := query(ctx, db, `WITH a AS (
			SELECT id, label, jurisdictions FROM actors
			QUALIFY row_number() OVER (PARTITION BY id ORDER BY evidence_id, row_no) = 1)
		SELECT p.account_key, p.exchange, coalesce(nullif(a.label, ''), p.exchange), a.jurisdictions, p.src_table, p.src_row
		FROM payment_payers p JOIN a ON a.id = p.exchange
		WHERE p.account_key IS NOT NULL AND p.error IS NULL AND a.jurisdictions <> ''
		ORDER BY p.account_key, p.exchange, p.src_table, p.src_row`, func(r *sql.Rows) error {
		var k key
		var label, juris, table string
		var row int64
		if err := r.Scan(&k.account, &k.exchange, &label, &juris, &table, &row); err != nil {
			return err
		}
		if g := by[k]; g != nil {
			g.n++
			return nil
		}
		by[k] = &agg{label: label, juris: juris, n: 1, table: table, row: row}
		order = append(order, k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read exchange jurisdictions: %w", err)
	}
	out := map[string][]place.Signal{}
	for _, k := range order {
		g := by[k]
		for _, s := range place.Exchanges(g.label, strings.Split(g.juris, ","), g.n) {
			s.Table, s.Row = g.table, g.row
			out[k.account] = append(out[k.account], s)
		}
	}
	return out, nil
}
