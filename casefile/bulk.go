package casefile

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/duckdb/duckdb-go/v2"
)

// InTx runs fn on one connection inside a transaction: committed when fn
// returns nil, rolled back otherwise (and when ctx is cancelled), so that a
// replaced table is never left half-written.
func InTx(ctx context.Context, db *sql.DB, fn func(conn *sql.Conn) error) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(conn); err != nil {
		_, rerr := conn.ExecContext(context.Background(), "ROLLBACK")
		return errors.Join(err, rerr)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// AppendRows bulk-loads n rows into table through DuckDB's Appender on conn
// (usually inside InTx). row(i) returns the values of row i in column order.
// ctx is checked every 64k rows.
func AppendRows(ctx context.Context, conn *sql.Conn, table string, n int, row func(i int) []driver.Value) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("append %s: not a driver connection", table)
		}
		a, err := duckdb.NewAppenderFromConn(c, "", table)
		if err != nil {
			return fmt.Errorf("append %s: %w", table, err)
		}
		for i := 0; i < n; i++ {
			if i%65536 == 0 {
				if err := ctx.Err(); err != nil {
					a.Close()
					return err
				}
			}
			if err := a.AppendRow(row(i)...); err != nil {
				a.Close()
				return fmt.Errorf("append %s row %d: %w", table, i, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("append %s: %w", table, err)
		}
		return nil
	})
}
