package chainsql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"

	"github.com/duckdb/duckdb-go/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Tables are the tables Sync writes, in the order rows are counted.
var Tables = []string{"chain_blocks", "chain_txs", "chain_inputs", "chain_outputs", "chain_addresses"}

// Options configure Sync.
type Options struct {
	// ChunkTxs bounds the transactions written per database transaction
	// (default 1,000,000); each chunk is committed, so a cancelled sync
	// resumes from the last chunk.
	ChunkTxs int64
	// Progress reports blocks written.
	Progress coinsift.ProgressFunc
	Logger   *slog.Logger
}

func (o *Options) ensureDefaults() {
	if o.ChunkTxs <= 0 {
		o.ChunkTxs = 1_000_000
	}
	if o.Progress == nil {
		o.Progress = coinsift.NopProgressFunc
	}
}

// Result says what Sync changed.
type Result struct {
	From       coinsift.Height  `json:"from_height"` // heights appended: From..To (From > To when none)
	To         coinsift.Height  `json:"to_height"`
	RolledBack int              `json:"rolled_back"` // blocks deleted above the common height
	Rows       map[string]int64 `json:"rows"`        // rows appended per table
}

// Sync brings the chain_* tables of db up to date with the index x: it
// finds the highest block both hold with the same hash, deletes the rows
// above it, and appends the index's blocks from there in chunks of about
// ChunkTxs transactions, each in one database transaction.
func Sync(ctx context.Context, db *sql.DB, x *chainindex.Index, opts Options) (res Result, err error) {
	opts.ensureDefaults()
	res.Rows = map[string]int64{}
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("chain tables: %w", err)
	}
	defer conn.Close()
	common, tableTip, err := commonHeight(ctx, conn, x)
	if err != nil {
		return res, fmt.Errorf("chain tables: %w", err)
	}
	if common < tableTip {
		res.RolledBack = int(tableTip - common)
		if opts.Logger != nil {
			opts.Logger.Info("chain tables: rolling back", slog.Int(coinsift.LogKeyHeight, int(common)), slog.Int("blocks", res.RolledBack))
		}
		if err := inTx(ctx, conn, func() error { return rollback(ctx, conn, common) }); err != nil {
			return res, fmt.Errorf("chain tables: roll back to %d: %w", common, err)
		}
	}
	res.From, res.To = common+1, common
	tip := x.Tip()
	if common >= tip {
		return res, nil
	}
	s := &syncer{x: x, conn: conn, rows: res.Rows}
	if err := s.start(ctx, common); err != nil {
		return res, fmt.Errorf("chain tables: %w", err)
	}
	p := opts.Progress("chain tables", "blocks")
	defer p.Done()
	p.SetTotal(int64(tip - common))
	for from := common + 1; from <= tip; {
		to := from
		first := x.Block(from).FirstTx
		for to < tip && x.Block(to+1).FirstTx-first < opts.ChunkTxs {
			to++
		}
		if err := inTx(ctx, conn, func() error { return s.chunk(ctx, from, to) }); err != nil {
			return res, fmt.Errorf("chain tables: blocks %d-%d: %w", from, to, err)
		}
		res.To = to
		p.Add(int64(to - from + 1))
		from = to + 1
	}
	return res, nil
}

// commonHeight returns the highest height whose block hash the tables and
// the index agree on (-1 when none), and the tables' tip.
func commonHeight(ctx context.Context, conn *sql.Conn, x *chainindex.Index) (common, tableTip coinsift.Height, err error) {
	var tt sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT max(height) FROM chain_blocks`).Scan(&tt); err != nil {
		return 0, 0, err
	}
	tableTip = -1
	if tt.Valid {
		tableTip = coinsift.Height(tt.Int64)
	}
	h := min(tableTip, x.Tip())
	const page = 1000
	for h >= 0 {
		rows, err := conn.QueryContext(ctx, `SELECT height, hash FROM chain_blocks WHERE height <= ? AND height > ? ORDER BY height DESC`, int64(h), int64(h-page))
		if err != nil {
			return 0, 0, err
		}
		found := false
		for rows.Next() {
			var height int64
			var hash string
			if err := rows.Scan(&height, &hash); err != nil {
				rows.Close()
				return 0, 0, err
			}
			if x.Block(coinsift.Height(height)).Hash.String() == hash {
				h, found = coinsift.Height(height), true
				break
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return 0, 0, err
		}
		if found {
			return h, tableTip, nil
		}
		h -= page
	}
	return -1, tableTip, nil
}

func inTx(ctx context.Context, conn *sql.Conn, fn func() error) error {
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		_, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return errors.Join(err, rerr)
	}
	_, err := conn.ExecContext(ctx, "COMMIT")
	return err
}

// rollback deletes every row above height h and restores spenders and
// last heights.
func rollback(ctx context.Context, conn *sql.Conn, h coinsift.Height) error {
	var t1, i1 sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT min(tx) FROM chain_txs WHERE height > ?`, int64(h)).Scan(&t1); err != nil {
		return err
	}
	if t1.Valid {
		if err := conn.QueryRowContext(ctx, `SELECT min(input) FROM chain_inputs WHERE tx >= ?`, t1.Int64).Scan(&i1); err != nil {
			return err
		}
	}
	type stmt struct {
		q    string
		args []any
	}
	stmts := []stmt{
		{`DELETE FROM chain_blocks WHERE height > ?`, []any{int64(h)}},
		{`DELETE FROM chain_txs WHERE height > ?`, []any{int64(h)}},
		{`DELETE FROM chain_addresses WHERE first_height > ?`, []any{int64(h)}},
	}
	if t1.Valid {
		stmts = append(stmts, stmt{`DELETE FROM chain_inputs WHERE tx >= ?`, []any{t1.Int64}},
			stmt{`DELETE FROM chain_outputs WHERE tx >= ?`, []any{t1.Int64}})
	}
	if i1.Valid {
		stmts = append(stmts, stmt{`UPDATE chain_outputs SET spent_by_input = NULL WHERE spent_by_input >= ?`, []any{i1.Int64}})
	}
	stmts = append(stmts, stmt{recomputeLast, []any{int64(h), int64(h), int64(h)}})
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.q, s.args...); err != nil {
			return fmt.Errorf("%.40s…: %w", s.q, err)
		}
	}
	return nil
}

// recomputeLast sets last_height of the addresses last seen above a
// height from the rows that remain.
const recomputeLast = `
UPDATE chain_addresses SET last_height = n.h FROM (
    SELECT address_id, max(h) AS h FROM (
        SELECT o.address_id, t.height AS h
        FROM chain_outputs o JOIN chain_txs t ON t.tx = o.tx
        WHERE o.address_id IN (SELECT address_id FROM chain_addresses WHERE last_height > ?)
        UNION ALL
        SELECT o.address_id, t.height
        FROM chain_outputs o JOIN chain_inputs i ON i.input = o.spent_by_input JOIN chain_txs t ON t.tx = i.tx
        WHERE o.address_id IN (SELECT address_id FROM chain_addresses WHERE last_height > ?)
    ) GROUP BY address_id
) n
WHERE chain_addresses.address_id = n.address_id AND chain_addresses.last_height > ?`

// syncer appends chunks of blocks.
type syncer struct {
	x    *chainindex.Index
	conn *sql.Conn
	rows map[string]int64
	// State at the start of this run: outputs below o0 were written with
	// their spenders as of an earlier run.
	o0 int64
	// Addresses with ids below nextAddr are in chain_addresses.
	nextAddr uint32
}

func (s *syncer) start(ctx context.Context, common coinsift.Height) error {
	var o, a sql.NullInt64
	if err := s.conn.QueryRowContext(ctx, `SELECT max(output) FROM chain_outputs`).Scan(&o); err != nil {
		return err
	}
	if err := s.conn.QueryRowContext(ctx, `SELECT max(address_id) FROM chain_addresses`).Scan(&a); err != nil {
		return err
	}
	s.o0, s.nextAddr = o.Int64+1, uint32(a.Int64+1)
	if !o.Valid {
		s.o0 = 0
	}
	if !a.Valid {
		s.nextAddr = 1
	}
	for _, q := range []string{
		`CREATE TEMP TABLE IF NOT EXISTS chain_sync_spends (output BIGINT, input BIGINT)`,
		`CREATE TEMP TABLE IF NOT EXISTS chain_sync_seen (address_id UINTEGER, h INTEGER)`,
	} {
		if _, err := s.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

type appenders struct {
	m    map[string]*duckdb.Appender
	rows map[string]int64
}

func (a *appenders) row(table string, v ...driver.Value) error {
	if err := a.m[table].AppendRow(v...); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	a.rows[table]++
	return nil
}

func (a *appenders) close() error {
	var errs []error
	for name, ap := range a.m {
		if err := ap.Close(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func null[T comparable](v, none T) driver.Value {
	if v == none {
		return nil
	}
	return v
}

// chunk appends blocks from..to inside the caller's transaction.
func (s *syncer) chunk(ctx context.Context, from, to coinsift.Height) error {
	rows := map[string]int64{}
	app := &appenders{m: map[string]*duckdb.Appender{}, rows: rows}
	err := s.conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("not a duckdb connection")
		}
		for _, t := range Tables {
			a, err := duckdb.NewAppenderFromConn(c, "", t)
			if err != nil {
				app.close()
				return fmt.Errorf("%s: %w", t, err)
			}
			app.m[t] = a
		}
		for _, t := range []string{"chain_sync_spends", "chain_sync_seen"} {
			a, err := duckdb.NewAppender(c, "temp", "main", t)
			if err != nil {
				app.close()
				return fmt.Errorf("%s: %w", t, err)
			}
			app.m[t] = a
		}
		err := s.fill(ctx, app, from, to)
		return errors.Join(err, app.close())
	})
	if err != nil {
		return err
	}
	// Outputs written by an earlier run that this chunk spends, and
	// addresses written by an earlier chunk that it pays or spends from.
	for _, q := range []string{
		`UPDATE chain_outputs SET spent_by_input = s.input FROM chain_sync_spends s WHERE chain_outputs.output = s.output`,
		`UPDATE chain_addresses SET last_height = n.h
		 FROM (SELECT address_id, max(h) AS h FROM chain_sync_seen GROUP BY address_id) n
		 WHERE chain_addresses.address_id = n.address_id AND n.h > chain_addresses.last_height`,
		`DELETE FROM chain_sync_spends`,
		`DELETE FROM chain_sync_seen`,
	} {
		if rows["chain_sync_spends"]+rows["chain_sync_seen"] == 0 {
			break
		}
		if _, err := s.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, t := range Tables {
		s.rows[t] += rows[t]
	}
	return nil
}

// fill streams the index's blocks from..to into the appenders.
func (s *syncer) fill(ctx context.Context, app *appenders, from, to coinsift.Height) error {
	x := s.x
	for h := from; h <= to; h++ {
		b := x.Block(h)
		if err := app.row("chain_blocks", int32(h), b.Hash.String(), b.Time, int32(b.NumTx), int32(b.Size)); err != nil {
			return err
		}
	}
	chunkAddr := s.nextAddr // addresses from here on are new in this chunk
	type addrRow struct {
		id          uint32
		first, last coinsift.Height
	}
	var newAddrs []addrRow
	seen := func(a uint32, h coinsift.Height) error {
		switch {
		case a == 0:
		case a >= chunkAddr:
			if a == s.nextAddr { // first appearance: ids are allotted in output order
				newAddrs = append(newAddrs, addrRow{a, h, h})
				s.nextAddr++
			}
			if r := &newAddrs[a-chunkAddr]; h > r.last {
				r.last = h
			}
		default:
			return app.row("chain_sync_seen", a, int32(h))
		}
		return nil
	}
	err := x.ScanBlocks(ctx, from, to, func(t int64, r *chainindex.TxRecord) error {
		h := r.Height
		var fee coinsift.Sats
		feeOK := !r.Coinbase
		for k, in := range r.Inputs {
			if in.Spent < 0 {
				feeOK = false
			} else {
				o := x.Output(in.Spent)
				fee += o.Value
				if err := seen(o.Addr, h); err != nil {
					return err
				}
				if in.Spent < s.o0 {
					if err := app.row("chain_sync_spends", in.Spent, in.Num); err != nil {
						return err
					}
				}
			}
			if err := app.row("chain_inputs", in.Num, t, int32(k), null(in.Spent, -1), in.Sequence, in.Witness); err != nil {
				return err
			}
		}
		for k, o := range r.Outputs {
			fee -= o.Value
			if err := seen(o.Addr, h); err != nil {
				return err
			}
			if err := app.row("chain_outputs", o.Num, t, int32(k), int64(o.Value), o.Type.String(), null(o.Addr, 0), null(o.Spender, -1)); err != nil {
				return err
			}
		}
		var feeV driver.Value
		if feeOK {
			feeV = int64(fee)
		}
		return app.row("chain_txs", t, r.TxID.String(), int32(h), r.Time, r.Version, r.LockTime, int32(r.Size), int32(r.VSize),
			feeV, int32(r.NumInputs), int32(r.NumOutputs), r.Coinbase)
	})
	if err != nil {
		return err
	}
	for _, a := range newAddrs {
		if err := app.row("chain_addresses", a.id, x.AddressString(a.id), x.Address(a.id).Kind.String(), int32(a.first), int32(a.last)); err != nil {
			return err
		}
	}
	return nil
}
