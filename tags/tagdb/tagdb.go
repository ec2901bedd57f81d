// Package tagdb stores attribution tags and actors in a case's DuckDB
// store: bulk loading through the DuckDB Appender, listing and the case's
// own tags.
//
// # Tables
//
// tags, actors and tag_imports are created by casefile's migration
// 040_tags.sql; docs/format/tags.md describes them.
//
// # Loading
//
// Import loads the result of tags.Read for one evidence file in one
// transaction; an evidence id already in tag_imports is not loaded again,
// except by Reimport, which replaces what an earlier reading stored (a
// file read before the case's network was known, read again after).
package tagdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/tags"
)

// ErrImported reports that an evidence file was imported before.
var ErrImported = errors.New("tagdb: evidence already imported")

// Imported reports whether evidence was imported into tags.
func Imported(ctx context.Context, db *sql.DB, evidence string) (bool, error) {
	var n int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM tag_imports WHERE evidence_id = ?`, evidence).Scan(&n); err != nil {
		return false, fmt.Errorf("tag imports: %w", err)
	}
	return n > 0, nil
}

// Import loads res, read from evidence, in one transaction.
func Import(ctx context.Context, db *sql.DB, evidence string, res *tags.Result, now time.Time) (err error) {
	if done, err := Imported(ctx, db, evidence); err != nil {
		return err
	} else if done {
		return fmt.Errorf("import tags %s: %w", evidence, ErrImported)
	}
	return load(ctx, db, evidence, res, now, false)
}

// Addresses returns the distinct addresses of the tags stored from
// evidence, in order.
func Addresses(ctx context.Context, db *sql.DB, evidence string) ([]coinsift.Address, error) {
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT address FROM tags WHERE evidence_id = ? ORDER BY address`, evidence)
	if err != nil {
		return nil, fmt.Errorf("tag addresses of %s: %w", evidence, err)
	}
	defer rows.Close()
	var out []coinsift.Address
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("tag addresses of %s: %w", evidence, err)
		}
		out = append(out, coinsift.Address(a))
	}
	return out, rows.Err()
}

// Stored returns the number of tags stored from evidence.
func Stored(ctx context.Context, db *sql.DB, evidence string) (int64, error) {
	var n int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM tags WHERE evidence_id = ?`, evidence).Scan(&n); err != nil {
		return 0, fmt.Errorf("tags of %s: %w", evidence, err)
	}
	return n, nil
}

// Reimport replaces, in one transaction, the tags, actors and import record
// of evidence by res: a file read again once the case's network is known
// (late resolution) keeps the tags an earlier reading set aside.
func Reimport(ctx context.Context, db *sql.DB, evidence string, res *tags.Result, now time.Time) error {
	return load(ctx, db, evidence, res, now, true)
}

func load(ctx context.Context, db *sql.DB, evidence string, res *tags.Result, now time.Time, replace bool) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("import tags: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("import tags: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_, rerr := conn.ExecContext(context.Background(), "ROLLBACK")
			err = errors.Join(err, rerr)
		}
	}()
	if replace {
		for _, t := range []string{"tags", "actors", "tag_imports"} {
			if _, err = conn.ExecContext(ctx, "DELETE FROM "+t+" WHERE evidence_id = ?", evidence); err != nil {
				return fmt.Errorf("import tags %s again: %s: %w", evidence, t, err)
			}
		}
	}
	if err = appendAll(ctx, conn, res.Tags, res.Actors, string(res.Format), now); err != nil {
		return fmt.Errorf("import tags %s: %w", evidence, err)
	}
	if _, err = conn.ExecContext(ctx, `INSERT INTO tag_imports VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, evidence, string(res.Format), res.Pack,
		int64(len(res.Tags)), int64(len(res.Actors)), res.SkippedOther, int64(len(res.Bad)), now.UTC()); err != nil {
		return fmt.Errorf("import tags %s: record: %w", evidence, err)
	}
	if _, err = conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("import tags %s: commit: %w", evidence, err)
	}
	return nil
}

func appendAll(ctx context.Context, conn *sql.Conn, ts []tags.Tag, as []tags.Actor, format string, now time.Time) error {
	return conn.Raw(func(dc any) error {
		dconn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("driver connection %T is not a driver.Conn", dc)
		}
		if len(ts) > 0 {
			app, err := duckdb.NewAppenderFromConn(dconn, "", "tags")
			if err != nil {
				return err
			}
			for i, t := range ts {
				if i%10_000 == 0 {
					if err := ctx.Err(); err != nil {
						app.Close()
						return err
					}
				}
				if err := app.AppendRow(tagRow(t, format, now)...); err != nil {
					app.Close()
					return fmt.Errorf("append tag row %d: %w", t.Row, err)
				}
			}
			if err := app.Close(); err != nil {
				return err
			}
		}
		if len(as) > 0 {
			app, err := duckdb.NewAppenderFromConn(dconn, "", "actors")
			if err != nil {
				return err
			}
			for _, a := range as {
				js := make([]string, len(a.Jurisdictions))
				for i, j := range a.Jurisdictions {
					js[i] = string(j)
				}
				if err := app.AppendRow(a.ID, a.Label, nullStr(a.URI), strings.Join(js, ","), strings.Join(a.Categories, ","), a.Evidence, a.Row); err != nil {
					app.Close()
					return fmt.Errorf("append actor %d: %w", a.Row, err)
				}
			}
			return app.Close()
		}
		return nil
	})
}

func tagRow(t tags.Tag, format string, now time.Time) []driver.Value {
	var lvl driver.Value
	if t.ConfidenceLevel >= 0 && t.Confidence != "" {
		lvl = int32(t.ConfidenceLevel)
	}
	var row driver.Value
	if t.Row > 0 {
		row = t.Row
	}
	return []driver.Value{string(t.Address), t.Currency, t.Label, nullStr(t.Category), nullStr(t.Abuse), nullStr(t.Actor),
		nullStr(t.Source), nullStr(t.Confidence), lvl, t.IsClusterDefiner, nullStr(t.Pack), format, t.Evidence == "",
		nullStr(t.Evidence), row, now.UTC()}
}

func nullStr(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// AddOwn stores one tag of the case's own (no evidence).
func AddOwn(ctx context.Context, db *sql.DB, t tags.Tag, now time.Time) error {
	t.Evidence, t.Row = "", 0
	if _, err := db.ExecContext(ctx, `INSERT INTO tags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, anys(tagRow(t, "own", now))...); err != nil {
		return fmt.Errorf("add tag %s: %w", t.Address, err)
	}
	return nil
}

func anys(vs []driver.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// Filter selects tags for List.
type Filter struct {
	Address  coinsift.Address
	Category string
	OwnOnly  bool
	Limit    int // 0: no limit
}

// List returns the tags matching f ordered by address, label, source,
// evidence and row.
func List(ctx context.Context, db *sql.DB, f Filter) ([]tags.Tag, error) {
	q := `SELECT address, currency, label, coalesce(category, ''), coalesce(abuse, ''), coalesce(actor, ''),
		coalesce(source, ''), coalesce(confidence, ''), coalesce(confidence_level, -1), is_cluster_definer,
		coalesce(pack, ''), coalesce(evidence_id, ''), coalesce(row_no, 0) FROM tags WHERE true`
	var args []any
	if f.Address != "" {
		q += ` AND address = ?`
		args = append(args, string(f.Address))
	}
	if f.Category != "" {
		q += ` AND category = ?`
		args = append(args, f.Category)
	}
	if f.OwnOnly {
		q += ` AND own`
	}
	q += ` ORDER BY address, label, source NULLS FIRST, evidence_id NULLS FIRST, row_no NULLS FIRST, created_at`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	var out []tags.Tag
	for rows.Next() {
		var t tags.Tag
		var lvl int32
		if err := rows.Scan(&t.Address, &t.Currency, &t.Label, &t.Category, &t.Abuse, &t.Actor, &t.Source, &t.Confidence,
			&lvl, &t.IsClusterDefiner, &t.Pack, &t.Evidence, &t.Row); err != nil {
			return nil, fmt.Errorf("list tags: %w", err)
		}
		t.ConfidenceLevel = int(lvl)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return out, nil
}
