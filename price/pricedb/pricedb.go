// Package pricedb stores price series in a case's DuckDB store: bulk
// loading through the DuckDB Appender, and reading series back into a
// price.Book.
//
// # Tables
//
// prices and price_imports are created by casefile's migration
// 030_prices.sql; docs/format/prices.md describes them.
//
// # Loading
//
// Import loads one price file in one transaction. Malformed rows do not
// abort the load: they are returned as BadRows for the caller to quarantine.
// An evidence id already in price_imports is not loaded again.
package pricedb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
	"github.com/duckdb/duckdb-go/v2"
)

// ErrImported reports that an evidence file was imported before.
var ErrImported = errors.New("pricedb: evidence already imported")

// BadRow is a row the reader could not use.
type BadRow struct {
	Row    int64
	Offset int64
	Reason string
	Raw    []byte
}

// Result summarises an import.
type Result struct {
	Evidence string       `json:"evidence"`
	Source   string       `json:"source"`
	Format   price.Format `json:"format"`
	Points   int64        `json:"points"`
	Skipped  int64        `json:"skipped"` // empty cells (N/A)
	Bad      []BadRow     `json:"-"`
}

// Imported reports whether evidence was imported into prices.
func Imported(ctx context.Context, db *sql.DB, evidence string) (bool, error) {
	var n int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM price_imports WHERE evidence_id = ?`, evidence).Scan(&n); err != nil {
		return false, fmt.Errorf("price imports: %w", err)
	}
	return n > 0, nil
}

// checkEvery is how many rows pass between context checks.
const checkEvery = 10_000

// Import streams r into table prices in one transaction, recording the
// import in price_imports. Every point gets evidence as its evidence id.
// Rows the reader rejects are returned in Result.Bad; any other error
// rolls the transaction back. now is the import time.
func Import(ctx context.Context, db *sql.DB, r *price.Reader, evidence string, now time.Time, p coinsift.Progress) (res Result, err error) {
	if p == nil {
		p = coinsift.NopProgress{}
	}
	defer p.Done()
	res = Result{Evidence: evidence, Source: r.Source(), Format: r.Format()}
	if done, err := Imported(ctx, db, evidence); err != nil {
		return res, err
	} else if done {
		return res, fmt.Errorf("import prices %s: %w", evidence, ErrImported)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("import prices: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return res, fmt.Errorf("import prices: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_, rerr := conn.ExecContext(context.Background(), "ROLLBACK")
			err = errors.Join(err, rerr)
		}
	}()
	err = conn.Raw(func(dc any) error {
		dconn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("driver connection %T is not a driver.Conn", dc)
		}
		app, err := duckdb.NewAppenderFromConn(dconn, "", "prices")
		if err != nil {
			return err
		}
		for n := int64(0); ; n++ {
			if n%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					app.Close()
					return err
				}
				p.Add(checkEvery)
			}
			pt, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var ie *coinsift.InputError
				if r.Err() == nil && errors.As(err, &ie) {
					res.Bad = append(res.Bad, BadRow{Row: ie.Row, Offset: ie.Offset, Reason: ie.Err.Error(), Raw: append([]byte(nil), r.Raw()...)})
					if len(res.Bad) > maxBad {
						app.Close()
						return fmt.Errorf("more than %d bad rows, giving up (is --format right?): %w", maxBad, err)
					}
					continue
				}
				app.Close()
				return err
			}
			if err := app.AppendRow(pt.Base, pt.Quote, pt.Source, pt.Time.UTC(), int64(pt.Interval/time.Second),
				dec(pt.Open), dec(pt.High), dec(pt.Low), dec(pt.Close), dec(pt.Volume),
				string(r.Format()), evidence, pt.Row); err != nil {
				app.Close()
				return fmt.Errorf("append row %d: %w", pt.Row, err)
			}
			res.Points++
		}
		return app.Close()
	})
	if err != nil {
		return res, fmt.Errorf("import prices %s: %w", evidence, err)
	}
	res.Skipped = r.Skipped()
	if _, err = conn.ExecContext(ctx, `INSERT INTO price_imports VALUES (?, ?, ?, ?, ?, ?, ?)`,
		evidence, res.Source, string(res.Format), res.Points, int64(len(res.Bad)), res.Skipped, now.UTC()); err != nil {
		return res, fmt.Errorf("import prices %s: record: %w", evidence, err)
	}
	if _, err = conn.ExecContext(ctx, "COMMIT"); err != nil {
		return res, fmt.Errorf("import prices %s: commit: %w", evidence, err)
	}
	return res, nil
}

// maxBad bounds the bad rows kept from one file: beyond it the file is
// almost certainly of another format.
const maxBad = 1_000_000

func dec(d price.Decimal) driver.Value {
	if !d.Valid() {
		return nil
	}
	return duckdb.Decimal{Width: 38, Scale: price.Scale, Value: d.Units()}
}

// SeriesSummary describes one stored series.
type SeriesSummary struct {
	Pair      string    `json:"pair"`
	Source    string    `json:"source"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Points    int64     `json:"points"`
	Formats   string    `json:"formats"`
	Evidence  string    `json:"evidence"` // comma-separated evidence ids
	HasOHLC   bool      `json:"ohlc"`
	HasVolume bool      `json:"volume"`
}

// List summarises the stored series by pair and source.
func List(ctx context.Context, db *sql.DB) ([]SeriesSummary, error) {
	rows, err := db.QueryContext(ctx, `SELECT base || '/' || quote, source, min(ts), max(ts), count(*),
		string_agg(DISTINCT format, ',' ORDER BY format), string_agg(DISTINCT evidence_id, ',' ORDER BY evidence_id),
		count(open) > 0, count(volume) > 0
		FROM prices GROUP BY base, quote, source ORDER BY base, quote, source`)
	if err != nil {
		return nil, fmt.Errorf("list prices: %w", err)
	}
	defer rows.Close()
	var out []SeriesSummary
	for rows.Next() {
		var s SeriesSummary
		if err := rows.Scan(&s.Pair, &s.Source, &s.From, &s.To, &s.Points, &s.Formats, &s.Evidence, &s.HasOHLC, &s.HasVolume); err != nil {
			return nil, fmt.Errorf("list prices: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list prices: %w", err)
	}
	return out, nil
}

// LoadBook reads the stored series whose base and quote are both among
// currencies (all series when currencies is empty) into a book.
func LoadBook(ctx context.Context, db *sql.DB, currencies []string) (*price.Book, error) {
	q := `SELECT base, quote, source, ts, interval_s, CAST(open AS VARCHAR), CAST(high AS VARCHAR),
		CAST(low AS VARCHAR), CAST(close AS VARCHAR), CAST(volume AS VARCHAR), evidence_id, row_no FROM prices`
	var args []any
	if len(currencies) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(currencies)), ",")
		q += " WHERE base IN (" + ph + ") AND quote IN (" + ph + ")"
		for range 2 {
			for _, c := range currencies {
				args = append(args, c)
			}
		}
	}
	q += " ORDER BY base, quote, source, ts, evidence_id, row_no"
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("load prices: %w", err)
	}
	defer rows.Close()
	b := price.NewBook()
	for rows.Next() {
		var p price.Point
		var iv int64
		var o, h, l, c, v sql.NullString
		if err := rows.Scan(&p.Base, &p.Quote, &p.Source, &p.Time, &iv, &o, &h, &l, &c, &v, &p.Evidence, &p.Row); err != nil {
			return nil, fmt.Errorf("load prices: %w", err)
		}
		p.Time = p.Time.UTC()
		p.Interval = time.Duration(iv) * time.Second
		for _, f := range []struct {
			s sql.NullString
			d *price.Decimal
		}{{o, &p.Open}, {h, &p.High}, {l, &p.Low}, {c, &p.Close}, {v, &p.Volume}} {
			if !f.s.Valid {
				continue
			}
			d, err := price.ParseDecimal(f.s.String)
			if err != nil {
				return nil, fmt.Errorf("load prices %s row %d: %w: %w", p.Evidence, p.Row, err, coinsift.ErrCorrupt)
			}
			*f.d = d
		}
		b.Add(p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load prices: %w", err)
	}
	b.Freeze()
	return b, nil
}
