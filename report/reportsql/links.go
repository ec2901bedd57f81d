package reportsql

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"github.com/coinsift/coinsift/report"
)

// maxBehind bounds the rows or transactions listed behind one link per
// account: a login address shared for years has hundreds of logins.
const maxBehind = 3

// loadLinks reads the person links that touch the accounts, with a
// strength when the persons table records one (a column "strength"), and
// what lies behind each: for a paying cluster, the payments made from it;
// for a login address, the logins; for a phone, e-mail or bitcoin
// address, the seized rows that hold it.
func (l *Loader) loadLinks(ctx context.Context, db *sql.DB, keys []string) error {
	l.links = map[string][]report.PersonLink{}
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_columns()
		WHERE table_name = 'person_links' AND column_name = 'strength'`).Scan(&n)
	if err != nil {
		return fmt.Errorf("person links: %w", err)
	}
	strength := `''`
	if n > 0 {
		strength = `coalesce(CAST(strength AS VARCHAR), '')`
	}
	var all []report.PersonLink
	err = each(ctx, db, `SELECT account_a, account_b, reason, coalesce(detail, ''), `+strength+` FROM person_links
		WHERE account_a IN `+inList+` OR account_b IN `+inList+`
		ORDER BY account_a, account_b, reason, detail`, []any{keys, keys}, func(r *sql.Rows) error {
		var pl report.PersonLink
		if err := r.Scan(&pl.AccountA, &pl.AccountB, &pl.Kind, &pl.Detail, &pl.Strength); err != nil {
			return err
		}
		all = append(all, pl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("person links: %w", err)
	}
	behind := map[[3]string][]string{} // account, kind, detail → rows
	add := func(k [3]string, s string) {
		if len(behind[k]) < maxBehind {
			behind[k] = append(behind[k], s)
		} else if len(behind[k]) == maxBehind {
			behind[k] = append(behind[k], "…")
		}
	}
	err = each(ctx, db, `SELECT pp.account_key, CAST(pp.paying_cluster AS VARCHAR), pp.src_table || ':' || pp.src_row, min(lo.txid)
		FROM payment_payers pp JOIN link_outputs lo USING (evidence_id, src_table, src_row)
		WHERE pp.account_key IN `+inList+` AND pp.paying_cluster IS NOT NULL
		GROUP BY ALL ORDER BY 1, 2, 4, 3`, []any{keys}, func(r *sql.Rows) error {
		var k, cl, inv, tx string
		if err := r.Scan(&k, &cl, &inv, &tx); err != nil {
			return err
		}
		add([3]string{k, "paying_cluster", cl}, "account "+k+" paid invoice "+inv+" in tx "+tx)
		return nil
	})
	if err != nil {
		return fmt.Errorf("person link payments: %w", err)
	}
	err = each(ctx, db, `SELECT account_key, ip, count(*), min(login_at), max(login_at), any_value(evidence_id), any_value(src_table)
		FROM logins WHERE account_key IN `+inList+` AND ip IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`, []any{keys}, func(r *sql.Rows) error {
		var k, ip, ev, table string
		var c int
		var first, last sql.NullTime
		if err := r.Scan(&k, &ip, &c, &first, &last, &ev, &table); err != nil {
			return err
		}
		add([3]string{k, "login_ip", ip}, "account "+k+": "+strconv.Itoa(c)+" login(s) "+first.Time.UTC().Format("2006-01-02")+
			" to "+last.Time.UTC().Format("2006-01-02")+" (evidence "+ev+", table "+table+")")
		return nil
	})
	if err != nil {
		return fmt.Errorf("person link logins: %w", err)
	}
	err = each(ctx, db, `SELECT account_key, kind, coalesce(normalized, value), evidence_id, src_table, src_row, src_column
		FROM identifiers WHERE account_key IN `+inList+` AND kind IN ('phone', 'email', 'btc_address')
		ORDER BY 1, 2, 3, 4, 5, 6`, []any{keys}, func(r *sql.Rows) error {
		var k, kind, v, ev, table, col string
		var row int64
		if err := r.Scan(&k, &kind, &v, &ev, &table, &row, &col); err != nil {
			return err
		}
		add([3]string{k, kind, v}, fmt.Sprintf("account %s: evidence %s, table %s, row %d, column %s", k, ev, table, row, col))
		return nil
	})
	if err != nil {
		return fmt.Errorf("person link identifiers: %w", err)
	}
	for _, pl := range all {
		pl.Behind = append(slices.Clone(behind[[3]string{pl.AccountA, pl.Kind, pl.Detail}]), behind[[3]string{pl.AccountB, pl.Kind, pl.Detail}]...)
		l.links[pl.AccountA] = append(l.links[pl.AccountA], pl)
		if pl.AccountB != pl.AccountA {
			l.links[pl.AccountB] = append(l.links[pl.AccountB], pl)
		}
	}
	return nil
}

// personLinks returns the links between the given accounts (one person's),
// each once, in (account, account, kind, detail) order.
func (l *Loader) personLinks(keys []string) []report.PersonLink {
	in := map[string]bool{}
	for _, k := range keys {
		in[k] = true
	}
	var out []report.PersonLink
	for _, k := range keys {
		for _, pl := range l.links[k] {
			if in[pl.AccountA] && in[pl.AccountB] {
				out = append(out, pl)
			}
		}
	}
	slices.SortFunc(out, func(a, b report.PersonLink) int {
		return cmp.Or(cmp.Compare(a.AccountA, b.AccountA), cmp.Compare(a.AccountB, b.AccountB),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Detail, b.Detail))
	})
	return slices.CompactFunc(out, func(a, b report.PersonLink) bool {
		return a.AccountA == b.AccountA && a.AccountB == b.AccountB && a.Kind == b.Kind && a.Detail == b.Detail
	})
}
