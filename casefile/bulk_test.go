package casefile_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/coinsift/coinsift/casefile"
)

// TestAppendArrow loads the same rows (NULLs, empty and hostile strings,
// more than one batch) with AppendRows and AppendArrow and compares them.
func TestAppendArrow(t *testing.T) {
	ctx := context.Background()
	c := MustInit(t)
	db := c.DB()
	for _, tb := range []string{"a", "b"} {
		if _, err := db.Exec(`CREATE TABLE ` + tb + ` (s VARCHAR NOT NULL, n BIGINT, f DOUBLE NOT NULL, o VARCHAR)`); err != nil {
			t.Fatal(err)
		}
	}
	const n = 70000 // two batches
	val := func(i int) (string, any, float64, any) {
		var num, opt any
		if i%3 != 0 {
			num = int64(i) * -7
		}
		if i%5 != 0 {
			opt = strings.Repeat("<'\"\x00é", i%4)
		}
		return fmt.Sprintf("row %d =cmd|' /C calc'!A0", i), num, float64(i) / 3, opt
	}
	err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		return casefile.AppendRows(ctx, conn, "a", n, func(i int) []driver.Value {
			s, num, f, opt := val(i)
			return []driver.Value{s, num, f, opt}
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "s", Type: arrow.BinaryTypes.String},
		{Name: "n", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "f", Type: arrow.PrimitiveTypes.Float64},
		{Name: "o", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	fill := func(i int, b *array.RecordBuilder) {
		s, num, f, opt := val(i)
		b.Field(0).(*array.StringBuilder).Append(s)
		if num == nil {
			b.Field(1).AppendNull()
		} else {
			b.Field(1).(*array.Int64Builder).Append(num.(int64))
		}
		b.Field(2).(*array.Float64Builder).Append(f)
		if opt == nil {
			b.Field(3).AppendNull()
		} else {
			b.Field(3).(*array.StringBuilder).Append(opt.(string))
		}
	}
	if err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		return casefile.AppendArrow(ctx, conn, "b", schema, n, fill)
	}); err != nil {
		t.Fatal(err)
	}
	var diff, rows int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b)) + (SELECT count(*) FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a)), (SELECT count(*) FROM b)`).Scan(&diff, &rows); err != nil {
		t.Fatal(err)
	}
	if diff != 0 || rows != n {
		t.Errorf("AppendArrow: %d rows, %d differ from AppendRows; want %d, 0", rows, diff, n)
	}

	// A cancelled context stops the load and the transaction rolls back.
	cctx, cancel := context.WithCancel(ctx)
	err = casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		return casefile.AppendArrow(cctx, conn, "b", schema, n, func(i int, b *array.RecordBuilder) {
			if i == 100 {
				cancel()
			}
			fill(i, b)
		})
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled AppendArrow: err = %v, want context.Canceled", err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM b`).Scan(&rows); err != nil || rows != n {
		t.Errorf("after a cancelled append: %d rows (%v), want %d", rows, err, n)
	}
}
