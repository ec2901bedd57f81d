package duckarrow_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/coinsift/coinsift/internal/duckarrow"
)

// batches is a RecordReader over fixed batches that fails with err after
// them, if err is set.
type batches struct {
	schema *arrow.Schema
	recs   []arrow.RecordBatch
	i      int
	err    error
}

func (b *batches) Retain()                        {}
func (b *batches) Release()                       {}
func (b *batches) Schema() *arrow.Schema          { return b.schema }
func (b *batches) Record() arrow.RecordBatch      { return b.recs[b.i-1] }
func (b *batches) RecordBatch() arrow.RecordBatch { return b.recs[b.i-1] }
func (b *batches) Err() error {
	if b.i > len(b.recs) {
		return b.err
	}
	return nil
}
func (b *batches) Next() bool {
	b.i++
	return b.i <= len(b.recs)
}

func schema() *arrow.Schema {
	return arrow.NewSchema([]arrow.Field{
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "b", Type: arrow.BinaryTypes.Binary, Nullable: true},
		{Name: "n", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "t", Type: &arrow.TimestampType{Unit: arrow.Microsecond}, Nullable: true},
	}, nil)
}

func build(t *testing.T, rows int, start int) arrow.RecordBatch {
	t.Helper()
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema())
	defer b.Release()
	for i := start; i < start+rows; i++ {
		if i%7 == 3 {
			for _, f := range b.Fields() {
				f.AppendNull()
			}
			continue
		}
		b.Field(0).(*array.StringBuilder).Append(strings.Repeat("é'\"\\", i%5) + "<script>" + string(rune('a'+i%26)))
		b.Field(1).(*array.BinaryBuilder).Append([]byte{0, byte(i), 0xff, 0xfe})
		b.Field(2).(*array.Int64Builder).Append(int64(i) - 1<<40)
		b.Field(3).(*array.TimestampBuilder).Append(arrow.Timestamp(int64(i) * 1_000_000))
	}
	return b.NewRecordBatch()
}

func open(t *testing.T) (*sql.Conn, func()) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return conn, func() { conn.Close(); db.Close() }
}

func TestRegisterInsert(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		batches []int // rows per batch
	}{
		{"empty stream", nil},
		{"one row", []int{1}},
		{"many batches", []int{5000, 1, 2048, 3000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, done := open(t)
			defer done()
			if _, err := conn.ExecContext(ctx, `CREATE TABLE x (s VARCHAR, b BLOB, n BIGINT, t TIMESTAMP, ev VARCHAR)`); err != nil {
				t.Fatal(err)
			}
			r := &batches{schema: schema()}
			want := 0
			for _, n := range tc.batches {
				r.recs = append(r.recs, build(t, n, want))
				want += n
			}
			err := conn.Raw(func(dc any) error {
				release, err := duckarrow.Register(dc.(driver.Conn), r, "v")
				if err != nil {
					return err
				}
				_, err = dc.(driver.ExecerContext).ExecContext(ctx, `INSERT INTO x SELECT s, b, n, t, ? FROM v`,
					[]driver.NamedValue{{Ordinal: 1, Value: "ev1"}})
				return errors.Join(err, release())
			})
			if err != nil {
				t.Fatal(err)
			}
			var n, nulls, bad int
			if err := conn.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (s IS NULL),
				count(*) FILTER (ev <> 'ev1' OR (s IS NOT NULL AND (octet_length(b) <> 4 OR epoch(t) <> n + 1099511627776))) FROM x`).Scan(&n, &nulls, &bad); err != nil {
				t.Fatal(err)
			}
			if n != want || bad != 0 {
				t.Errorf("rows = %d (want %d), %d wrong", n, want, bad)
			}
			// Every value, in order.
			rows, err := conn.QueryContext(ctx, `SELECT s, b, n FROM x`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			i := 0
			for rows.Next() {
				var s sql.NullString
				var b []byte
				var v sql.NullInt64
				if err := rows.Scan(&s, &b, &v); err != nil {
					t.Fatal(err)
				}
				if i%7 == 3 {
					if s.Valid || b != nil || v.Valid {
						t.Fatalf("row %d: want NULLs, got %v %v %v", i, s, b, v)
					}
				} else if want := strings.Repeat("é'\"\\", i%5) + "<script>" + string(rune('a'+i%26)); s.String != want || v.Int64 != int64(i)-1<<40 || b[1] != byte(i) {
					t.Fatalf("row %d: got %q %x %d", i, s.String, b, v.Int64)
				}
				i++
			}
		})
	}
}

func TestReaderError(t *testing.T) {
	ctx := context.Background()
	conn, done := open(t)
	defer done()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE x (s VARCHAR, b BLOB, n BIGINT, t TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	r := &batches{schema: schema(), recs: []arrow.RecordBatch{build(t, 10, 0)}, err: errors.New("source broke at byte 42")}
	err := conn.Raw(func(dc any) error {
		release, err := duckarrow.Register(dc.(driver.Conn), r, "v")
		if err != nil {
			return err
		}
		_, err = dc.(driver.ExecerContext).ExecContext(ctx, `INSERT INTO x SELECT * FROM v`, nil)
		return errors.Join(err, release())
	})
	if err == nil || !strings.Contains(err.Error(), "source broke at byte 42") {
		t.Fatalf("err = %v, want the reader's error", err)
	}
}

type otherConn struct{ driver.Conn }

func TestUnsupported(t *testing.T) {
	for _, dc := range []driver.Conn{nil, otherConn{}, &otherConn{}} {
		if _, err := duckarrow.Register(dc, &batches{schema: schema()}, "v"); !errors.Is(err, duckarrow.ErrUnsupported) {
			t.Errorf("%T: err = %v, want ErrUnsupported", dc, err)
		}
	}
}

// repeat is a RecordReader that gives one batch n times and cancels its
// context on the first call of Next.
type repeat struct {
	schema *arrow.Schema
	rec    arrow.RecordBatch
	n      int
	cancel func()
}

func (e *repeat) Retain()                        {}
func (e *repeat) Release()                       {}
func (e *repeat) Schema() *arrow.Schema          { return e.schema }
func (e *repeat) Record() arrow.RecordBatch      { return e.rec }
func (e *repeat) RecordBatch() arrow.RecordBatch { return e.rec }
func (e *repeat) Err() error                     { return nil }
func (e *repeat) Next() bool {
	e.cancel()
	e.n--
	return e.n >= 0
}

// TestCancelledInsert cancels the context of a statement over the view
// while DuckDB's threads read the stream. duckdb-go then returns at once,
// but DuckDB's threads read on until the connection's next statement
// cleans the query up, so a stream freed right after ExecContext crashed
// the process ("misuse of an invalid Handle"). Release must wait for that
// clean-up; the view is gone after it, and the connection works on.
func TestCancelledInsert(t *testing.T) {
	conn, done := open(t)
	defer done()
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE x (s VARCHAR, b BLOB, n BIGINT, t TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	rec := build(t, 2048, 0)
	defer rec.Release()
	for i := range 40 {
		cctx, cancel := context.WithCancel(ctx)
		r := &repeat{schema: schema(), rec: rec, n: 100, cancel: cancel}
		err := conn.Raw(func(dc any) error {
			release, err := duckarrow.Register(dc.(driver.Conn), r, "v")
			if err != nil {
				return err
			}
			_, err = dc.(driver.ExecerContext).ExecContext(cctx, `INSERT INTO x SELECT * FROM v`, nil)
			if rerr := release(); rerr != nil {
				t.Fatalf("run %d: release: %v", i, rerr)
			}
			return err
		})
		cancel()
		if err == nil {
			t.Fatalf("run %d: an insert under a cancelled context succeeded", i)
		}
		var views int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_views() WHERE view_name = 'v'`).Scan(&views); err != nil || views != 0 {
			t.Fatalf("run %d: %d views named v after release (%v)", i, views, err)
		}
	}
}
