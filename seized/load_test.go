package seized_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/seized"
	"github.com/google/go-cmp/cmp"
)

// MustInit creates a case in a temporary directory and returns it open.
func MustInit(tb testing.TB) *casefile.Case {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "case")
	t := time.Date(2022, 11, 24, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { t = t.Add(time.Second); return t }
	c, err := casefile.Init(context.Background(), dir, casefile.InitOptions{Name: "test", Options: casefile.Options{Now: now, Version: "test"}})
	if err != nil {
		tb.Fatalf("Init: %v", err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// MustEvidence registers path in c.
func MustEvidence(tb testing.TB, c *casefile.Case, path string) casefile.Evidence {
	tb.Helper()
	ev, _, err := c.AddEvidence(context.Background(), path, casefile.KindSeized, "", nil)
	if err != nil {
		tb.Fatalf("AddEvidence: %v", err)
	}
	return ev
}

func query(tb testing.TB, db *sql.DB, q string, args ...any) string {
	tb.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteString("|")
			}
			switch v := v.(type) {
			case []byte:
				fmt.Fprintf(&b, "%x", v)
			case nil:
				b.WriteString("NULL")
			default:
				fmt.Fprintf(&b, "%v", v)
			}
		}
		b.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestLoadRaw(t *testing.T) {
	c := MustInit(t)
	ev := MustEvidence(t, c, "testdata/dump-escapes.sql.gz")
	ctx := context.Background()
	res, err := seized.Load(ctx, c, ev, seized.LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if res.Rows != 8 || res.Quarantined != 0 {
		t.Errorf("Load = %d rows, %d quarantined; want 8, 0", res.Rows, res.Quarantined)
	}
	got := query(t, c.DB(), `SELECT id, name, note, "blob", flags, created, amount, _row, _offset FROM src_shop_users ORDER BY _row`)
	want := "1|O'Brien|a\x00b\"c\bd\ne\rf\tg\x1ah\\i\\%j\\_k||0281|2020-01-02 03:04:05|-0.00000001|1|1321\n" +
		"2|it's|NULL|00000a|NULL|0000-00-00 00:00:00|12345678901234.12345678|2|1421\n" +
		"3|😀 emoji|dq \"x\" ''|deadbeef|00|2038-01-19 03:14:07|1e3|3|1534\n" +
		"4|NULL|NULL|NULL|NULL|NULL|0|4|1719\n" +
		"5|NULL|NULL|NULL|NULL|NULL|-7|5|1725\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("src_shop_users mismatch (-want +got):\n%s", diff)
	}
	got = query(t, c.DB(), `SELECT x FROM src_other_users ORDER BY _row`)
	if want := "a\nb\né\n"; got != want {
		t.Errorf("src_other_users = %q; want %q", got, want)
	}
	// Loading again is a no-op.
	res, err = seized.Load(ctx, c, ev, seized.LoadOptions{})
	if err != nil || !res.AlreadyLoaded {
		t.Fatalf("second Load = %+v, %v; want AlreadyLoaded", res, err)
	}
	if got := query(t, c.DB(), `SELECT count(*) FROM src_shop_users`); got != "5\n" {
		t.Errorf("after second load: %s rows; want 5", got)
	}
}

func TestLoadQuarantine(t *testing.T) {
	c := MustInit(t)
	path := filepath.Join(t.TempDir(), "bad.sql")
	dump := "SET NAMES utf8mb4;\nCREATE TABLE t (a int, b varchar(10));\n" +
		"INSERT INTO t VALUES (1,'ok'),(2),(3,'\xff\xfe'),(4,'fine');\n" +
		"INSERT INTO t VALUES (5,@bad),(6,'lost');\nINSERT INTO t VALUES (7,'x');\n"
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := MustEvidence(t, c, path)
	res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if res.Rows != 3 || res.Quarantined != 3 {
		t.Errorf("Load = %d rows, %d quarantined; want 3, 3", res.Rows, res.Quarantined)
	}
	got := query(t, c.DB(), `SELECT a, b, _row FROM src_t ORDER BY _row`)
	if want := "1|ok|1\n4|fine|4\n7|x|6\n"; got != want {
		t.Errorf("src_t = %q; want %q", got, want)
	}
	got = query(t, c.DB(), `SELECT src_table, row_no, byte_offset, reason FROM quarantine ORDER BY byte_offset`)
	want := "t|2|88|row has 1 values, want 2\n" +
		"t|3|92|column b: not valid utf8mb4 text\n" +
		"t|5|134|unexpected '@' at start of value\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quarantine mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadCancelRollsBack(t *testing.T) {
	c := MustInit(t)
	ev := MustEvidence(t, c, "testdata/dump-escapes.sql.gz")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := seized.Load(ctx, c, ev, seized.LoadOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Load(cancelled) = %v; want context.Canceled", err)
	}
	got := query(t, c.DB(), `SELECT (SELECT count(*) FROM seized_loads) + (SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'src_%')`)
	if got != "0\n" {
		t.Errorf("after cancelled load: %s loads+src tables; want 0", got)
	}
	// And a later load works.
	if res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{}); err != nil || res.Rows != 8 {
		t.Fatalf("Load after cancel = %+v, %v", res, err)
	}
}

func TestLoadDelimitedAndJSONL(t *testing.T) {
	tests := []struct {
		name, file, content string
		format              seized.Format
		rows                string // src rows: cols|_row|_offset
		quarantine          string // src_table|row_no|byte_offset|reason
	}{
		{"csv", "users.csv", "id,name\r\n1,ann\r\n2,\"unterminated,quote\r\n3,\"b\"\"ob\"\r\n",
			seized.FormatCSV, "1|ann|2|9\n3|b\"ob|4|39\n", "users|3|16|unexpected 'b' after closing quote of field 2\n"},
		{"tsv", "calls.tsv.gz", "id\tdst\n1\t\\N\n2\t+447700900123\n",
			seized.FormatTSV, "1|NULL|2|7\n2|+447700900123|3|12\n", ""},
		{"jsonl", "logins.jsonl", "{\"id\":1,\"ip\":\"10.0.0.1\"}\n{\"id\":2,\"ua\":{\"x\":1}}\nnot json\n",
			seized.FormatJSONL, "1|10.0.0.1|NULL|1|0\n2|NULL|{\"x\":1}|2|25\n", "logins|3|47|not valid JSON\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := MustInit(t)
			path := filepath.Join(t.TempDir(), tt.file)
			data := []byte(tt.content)
			if strings.HasSuffix(tt.file, ".gz") {
				var b bytes.Buffer
				zw := gzip.NewWriter(&b)
				zw.Write(data)
				zw.Close()
				data = b.Bytes()
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := seized.Load(context.Background(), c, MustEvidence(t, c, path), seized.LoadOptions{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if res.Format != tt.format {
				t.Errorf("format = %s; want %s", res.Format, tt.format)
			}
			table := seized.SrcTableName(seized.FileTable(tt.file))
			got := query(t, c.DB(), `SELECT * EXCLUDE (_evidence) FROM `+table+` ORDER BY _row`)
			if diff := cmp.Diff(tt.rows, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", table, diff)
			}
			got = query(t, c.DB(), `SELECT src_table, row_no, byte_offset, reason FROM quarantine ORDER BY row_no`)
			if diff := cmp.Diff(tt.quarantine, got); diff != "" {
				t.Errorf("quarantine (-want +got):\n%s", diff)
			}
		})
	}
}
