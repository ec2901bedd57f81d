package linksql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
)

// Tables lists the tables [Save] replaces, in the order it writes them.
var Tables = []string{"links", "link_outputs", "unrecorded_deposits", "service_wallet", "service_addresses", "link_runs"}

// LoadPayments reads the canonical payments table in key order. A payment
// without a recorded amount has Sats 0; without a vout, Vout -1.
func LoadPayments(ctx context.Context, db *sql.DB) ([]link.Payment, error) {
	rows, err := db.QueryContext(ctx, `SELECT evidence_id, src_table, src_row, coalesce(account_key, ''),
		coalesce(address, ''), coalesce(amount_sats, 0), coalesce(txid, ''), coalesce(vout, -1),
		coalesce(status, ''), created_at
		FROM payments ORDER BY evidence_id, src_table, src_row`)
	if err != nil {
		return nil, fmt.Errorf("load payments: %w", err)
	}
	defer rows.Close()
	var out []link.Payment
	for rows.Next() {
		var p link.Payment
		var sats int64
		var created sql.NullTime
		if err := rows.Scan(&p.Key.Evidence, &p.Key.Table, &p.Key.Row, &p.Account, &p.Address, &sats,
			&p.TxID, &p.Vout, &p.Status, &created); err != nil {
			return nil, fmt.Errorf("load payments: %w", err)
		}
		p.Sats = coinsift.Sats(sats)
		if created.Valid {
			p.Created = created.Time.UTC()
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load payments: %w", err)
	}
	return out, nil
}

// Save replaces the stored links with r, in one transaction, and returns
// the rows written per table.
func Save(ctx context.Context, db *sql.DB, r *link.Result, now time.Time) (map[string]int64, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("save links: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("save links: %w", err)
	}
	counts, err := save(ctx, conn, r, now)
	if err != nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		return nil, fmt.Errorf("save links: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("save links: commit: %w", err)
	}
	return counts, nil
}

func nullTime(t time.Time) driver.Value {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func save(ctx context.Context, conn *sql.Conn, r *link.Result, now time.Time) (map[string]int64, error) {
	for _, t := range Tables {
		if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return nil, err
		}
	}
	counts := map[string]int64{}
	var outs []struct {
		l *link.Link
		k int
	}
	for i := range r.Links {
		for k := range r.Links[i].Outputs {
			outs = append(outs, struct {
				l *link.Link
				k int
			}{&r.Links[i], k})
		}
	}
	err := AppendRows(ctx, conn, counts, []Rows{
		{"links", len(r.Links), func(i int) []driver.Value {
			l := r.Links[i]
			var addr, first, want driver.Value
			if l.AddressID != 0 {
				addr = l.AddressID
			}
			if len(l.Outputs) > 0 {
				first = l.Outputs[0].Time.UTC()
			}
			if l.Want != 0 {
				want = int64(l.Want)
			}
			return []driver.Value{l.Key.Evidence, l.Key.Table, l.Key.Row, l.Account, l.Address, addr, string(l.Status),
				nullStr(l.By), want, int64(l.Paid), int64(l.Delta), int32(len(l.Outputs)), first, l.Reason}
		}},
		{"link_outputs", len(outs), func(i int) []driver.Value {
			l, k := outs[i].l, outs[i].k
			m := l.Outputs[k]
			return []driver.Value{l.Key.Evidence, l.Key.Table, l.Key.Row, int32(k), m.Output, m.TxID.String(), int32(m.Vout),
				int64(m.Sats), int32(m.Height), m.Time.UTC()}
		}},
		{"unrecorded_deposits", len(r.Unrecorded), func(i int) []driver.Value {
			d := r.Unrecorded[i]
			return []driver.Value{d.Output, d.TxID.String(), int32(d.Vout), int64(d.Sats), int32(d.Height), d.Time.UTC(),
				d.Address, d.AddressID, d.Cluster, d.Recorded}
		}},
		{"service_wallet", len(r.Wallet), func(i int) []driver.Value {
			w := r.Wallet[i]
			dest, _ := json.Marshal(w.Destinations)
			return []driver.Value{w.Cluster, int32(w.Size), int32(w.DepositAddresses), int64(w.Received), int32(w.Sweeps),
				int64(w.Swept), nullTime(w.FirstSweep), nullTime(w.LastSweep), string(dest)}
		}},
		{"service_addresses", len(r.Service), func(i int) []driver.Value {
			a := r.Service[i]
			return []driver.Value{a.AddressID, a.Address, a.Cluster, string(a.Why), nullStr(a.Via), nullStr(a.TxID), int32(a.Round)}
		}},
	})
	if err != nil {
		return nil, err
	}
	stats, _ := json.Marshal(r.Stats)
	if _, err := conn.ExecContext(ctx, `INSERT INTO link_runs VALUES (?, ?, ?)`, now.UTC(), r.Config.Describe(), string(stats)); err != nil {
		return nil, fmt.Errorf("link_runs: %w", err)
	}
	counts["link_runs"] = 1
	return counts, nil
}

func nullStr(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// Rows is one table to bulk-load: n rows, the i-th given by Row.
type Rows struct {
	Table string
	N     int
	Row   func(i int) []driver.Value
}

// AppendRows bulk-loads tables through DuckDB's Appender on conn, checking
// ctx every 64k rows, and records the rows written in counts.
func AppendRows(ctx context.Context, conn *sql.Conn, counts map[string]int64, tables []Rows) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("not a duckdb connection")
		}
		for _, t := range tables {
			a, err := duckdb.NewAppenderFromConn(c, "", t.Table)
			if err != nil {
				return fmt.Errorf("%s: %w", t.Table, err)
			}
			for i := 0; i < t.N; i++ {
				if i%65536 == 0 {
					if err := ctx.Err(); err != nil {
						a.Close()
						return err
					}
				}
				if err := a.AppendRow(t.Row(i)...); err != nil {
					a.Close()
					return fmt.Errorf("%s row %d: %w", t.Table, i, err)
				}
			}
			if err := a.Close(); err != nil {
				return fmt.Errorf("%s: %w", t.Table, err)
			}
			counts[t.Table] = int64(t.N)
		}
		return nil
	})
}

// LoadRun returns the stored link settings, or an error of kind
// coinsift.ErrNotFound when 'coinsift link' has not been run.
func LoadRun(ctx context.Context, db *sql.DB) (settings string, at time.Time, err error) {
	err = db.QueryRowContext(ctx, `SELECT settings, created_at FROM link_runs LIMIT 1`).Scan(&settings, &at)
	if err == sql.ErrNoRows {
		return "", at, fmt.Errorf("no links: run 'coinsift link' first: %w", coinsift.ErrNotFound)
	}
	if err != nil {
		return "", at, fmt.Errorf("load link run: %w", err)
	}
	return settings, at, nil
}
