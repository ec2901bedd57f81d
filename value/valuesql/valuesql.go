package valuesql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/value"
)

// Tables lists the tables [Save] replaces.
var Tables = []string{"payment_values", "value_problems", "value_runs"}

// LoadItems reads the matched outputs of every payment whose link status
// means money arrived (verified, late, partial, amount_mismatch,
// paid_again), in key and output order.
func LoadItems(ctx context.Context, db *sql.DB) ([]value.Item, error) {
	rows, err := db.QueryContext(ctx, `SELECT o.evidence_id, o.src_table, o.src_row, o.seq, coalesce(l.account_key, ''),
		o.txid, o.vout, o.sats, o.block_time
		FROM link_outputs o JOIN links l USING (evidence_id, src_table, src_row)
		WHERE l.status IN ('verified', 'late', 'partial', 'amount_mismatch', 'paid_again')
		ORDER BY o.evidence_id, o.src_table, o.src_row, o.seq`)
	if err != nil {
		return nil, fmt.Errorf("load linked outputs: %w", err)
	}
	defer rows.Close()
	var out []value.Item
	for rows.Next() {
		var it value.Item
		var sats int64
		if err := rows.Scan(&it.Evidence, &it.Table, &it.Row, &it.Seq, &it.Account, &it.TxID, &it.Vout, &sats, &it.Time); err != nil {
			return nil, fmt.Errorf("load linked outputs: %w", err)
		}
		it.Sats, it.Time = coinsift.Sats(sats), it.Time.UTC()
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load linked outputs: %w", err)
	}
	return out, nil
}

// Save replaces the stored values in one transaction and returns the rows
// written per table.
func Save(ctx context.Context, db *sql.DB, cfg value.Config, vals []value.Value, probs []value.Problem, now time.Time) (map[string]int64, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("save values: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("save values: %w", err)
	}
	counts, err := save(ctx, conn, cfg, vals, probs, now)
	if err != nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		return nil, fmt.Errorf("save values: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("save values: commit: %w", err)
	}
	return counts, nil
}

func save(ctx context.Context, conn *sql.Conn, cfg value.Config, vals []value.Value, probs []value.Problem, now time.Time) (map[string]int64, error) {
	for _, t := range Tables {
		if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return nil, err
		}
	}
	// The rate goes through VARCHAR into the DECIMAL column: exact.
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS value_stage (
		evidence_id VARCHAR, src_table VARCHAR, src_row BIGINT, seq INTEGER, txid VARCHAR, vout INTEGER,
		sats BIGINT, block_time TIMESTAMP, currency VARCHAR, value_minor BIGINT, rate VARCHAR, method VARCHAR,
		source VARCHAR, rate_time TIMESTAMP, rate_evidence VARCHAR, path VARCHAR)`); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM value_stage`); err != nil {
		return nil, err
	}
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("not a duckdb connection")
		}
		a, err := duckdb.NewAppenderFromConn(c, "", "value_stage")
		if err != nil {
			return fmt.Errorf("value_stage: %w", err)
		}
		for i, v := range vals {
			if i%65536 == 0 && ctx.Err() != nil {
				a.Close()
				return ctx.Err()
			}
			var ev driver.Value
			if v.RateEvidence != "" {
				ev = v.RateEvidence
			}
			if err := a.AppendRow(v.Evidence, v.Table, v.Row, int32(v.Seq), v.TxID, int32(v.Vout), int64(v.Sats), v.Time.UTC(),
				v.Currency, v.Minor, v.Rate.String(), string(v.Method), v.Source, v.RateTime.UTC(), ev, v.Path); err != nil {
				a.Close()
				return fmt.Errorf("value_stage row %d: %w", i, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("value_stage: %w", err)
		}
		a, err = duckdb.NewAppenderFromConn(c, "", "value_problems")
		if err != nil {
			return fmt.Errorf("value_problems: %w", err)
		}
		for i, p := range probs {
			if err := a.AppendRow(p.Evidence, p.Table, p.Row, int32(p.Seq), p.TxID, int32(p.Vout), p.Time.UTC(), p.Reason); err != nil {
				a.Close()
				return fmt.Errorf("value_problems row %d: %w", i, err)
			}
		}
		return a.Close()
	})
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO payment_values SELECT evidence_id, src_table, src_row, seq, txid, vout,
		sats, block_time, currency, value_minor, CAST(rate AS DECIMAL(38, 12)), method, source, rate_time, rate_evidence, path
		FROM value_stage ORDER BY evidence_id, src_table, src_row, seq`); err != nil {
		return nil, fmt.Errorf("payment_values: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM value_stage`); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO value_runs VALUES (?, ?, ?, ?)`, now.UTC(), cfg.Describe(), int64(len(vals)), int64(len(probs))); err != nil {
		return nil, fmt.Errorf("value_runs: %w", err)
	}
	return map[string]int64{"payment_values": int64(len(vals)), "value_problems": int64(len(probs)), "value_runs": 1}, nil
}

// Total is the money one account's payments brought on chain (the
// account_totals view): Minor and Sats are all that arrived (verified,
// late, partial, amount mismatch, paid again), VerifiedMinor the verified
// payments alone.
type Total struct {
	Account          string    `json:"account"`
	Currency         string    `json:"currency"`
	Payments         int64     `json:"payments"`
	Minor            int64     `json:"received_minor"`
	Sats             int64     `json:"received_sats"`
	VerifiedPayments int64     `json:"verified_payments"`
	VerifiedMinor    int64     `json:"verified_minor"`
	First            time.Time `json:"first_payment"`
	Last             time.Time `json:"last_payment"`
}

// Totals reads account_totals, largest total received first, then by
// account; at most limit rows (0: all).
func Totals(ctx context.Context, db *sql.DB, limit int) ([]Total, error) {
	q := `SELECT coalesce(account_key, ''), currency, payments, received_minor, received_sats, verified_payments, verified_minor,
		first_payment, last_payment
		FROM account_totals ORDER BY received_minor DESC, account_key`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("account totals: %w", err)
	}
	defer rows.Close()
	var out []Total
	for rows.Next() {
		var t Total
		if err := rows.Scan(&t.Account, &t.Currency, &t.Payments, &t.Minor, &t.Sats, &t.VerifiedPayments, &t.VerifiedMinor,
			&t.First, &t.Last); err != nil {
			return nil, fmt.Errorf("account totals: %w", err)
		}
		t.First, t.Last = t.First.UTC(), t.Last.UTC()
		out = append(out, t)
	}
	return out, rows.Err()
}
