package sqldump_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/sqldump"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render reads the whole dump and renders every event as one line.
func render(tb testing.TB, in []byte, opts *sqldump.Options) string {
	tb.Helper()
	r, err := sqldump.NewReader(bytes.NewReader(in), opts)
	if err != nil {
		tb.Fatalf("NewReader: %v", err)
	}
	defer r.Close()
	var b strings.Builder
	for i := 0; i < 1e6; i++ {
		ev, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *sqldump.RowError
		if errors.As(err, &re) {
			fmt.Fprintf(&b, "error %s\n", re.Error())
			continue
		}
		if err != nil {
			fmt.Fprintf(&b, "fatal %v\n", err)
			break
		}
		t := r.Table()
		switch ev {
		case sqldump.EventTable:
			fmt.Fprintf(&b, "table %s charset=%q tz=%q\n", t.QualifiedName(), t.Charset, t.TimeZone)
			for _, c := range t.Columns {
				fmt.Fprintf(&b, "  column %q %q charset=%q binary=%v null=%v\n", c.Name, c.Type, c.Charset, c.Binary, c.Nullable)
			}
		case sqldump.EventRow:
			fmt.Fprintf(&b, "row %s #%d @%d:", t.QualifiedName(), r.RowNumber(), r.Offset())
			for k, v := range r.Row() {
				fmt.Fprintf(&b, " %s=", t.Columns[k].Name)
				switch v.Kind {
				case sqldump.Null:
					b.WriteString("NULL")
				case sqldump.Bytes:
					fmt.Fprintf(&b, "bytes(%x)", v.Data)
				default:
					fmt.Fprintf(&b, "%s%q", v.Kind, v.Data)
				}
				if v.Introducer != "" {
					fmt.Fprintf(&b, "(_%s)", v.Introducer)
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func gunzip(tb testing.TB, b []byte) []byte {
	tb.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/dump-*.sql.gz")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			gz := readTestdata(t, name)
			got := render(t, gz, nil)
			// The plain form must read the same.
			if plain := render(t, gunzip(t, gz), nil); plain != got {
				t.Errorf("plain and gzip differ:\n%s", cmp.Diff(got, plain))
			}
			// A tiny buffer exercises every refill path.
			if small := render(t, gz, &sqldump.Options{BufferSize: 1}); small != got {
				t.Errorf("BufferSize 1 differs:\n%s", cmp.Diff(got, small))
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".sql.gz")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("render(%s) mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // rendered row values
	}{
		{"escapes", `'\0\'\"\b\n\r\t\Z\\\%\_\q'`, "string\"\\x00'\\\"\\b\\n\\r\\t\\x1a\\\\\\\\%\\\\_q\""},
		{"doubled quote", `'it''s'`, `string"it's"`},
		{"double quoted", `"a""b\"c"`, `string"a\"b\"c"`},
		{"empty", `''`, `string""`},
		{"null", `NULL`, `NULL`},
		{"null lower", `null`, `NULL`},
		{"negative", `-12.5`, `number"-12.5"`},
		{"exponent", `1.5e-10`, `number"1.5e-10"`},
		{"huge", `18446744073709551615`, `number"18446744073709551615"`},
		{"hex", `0xDEADbeef`, `bytes(deadbeef)`},
		{"hex odd", `0xABC`, `bytes(0abc)`},
		{"hex quoted", `X'00ff'`, `bytes(00ff)`},
		{"bit", `b'1010000001'`, `bytes(0281)`},
		{"bit zero", `b'0'`, `bytes(00)`},
		{"bit 0b", `0b11`, `bytes(03)`},
		{"binary introducer", `_binary '\0x'`, `string"\x00x"(_binary)`},
		{"utf8mb4 introducer", `_utf8mb4'ü'`, `string"ü"(_utf8mb4)`},
		{"introducer hex", `_latin1 0xE9`, `bytes(e9)(_latin1)`},
		{"keyword", `TRUE`, `keyword"TRUE"`},
		{"nul byte raw", "'a\x00b'", `string"a\x00b"`},
		{"newline raw", "'a\nb'", `string"a\nb"`},
		{"semicolon", `';),('`, `string";),("`},
		{"emoji", `'😀'`, `string"😀"`},
		{"invalid utf8", "'\xff\xfe'", `string"\xff\xfe"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "CREATE TABLE t (a text);\nINSERT INTO t VALUES (" + tt.in + ");\n"
			got := render(t, []byte(in), nil)
			want := "table t charset=\"\" tz=\"\"\n  column \"a\" \"text\" charset=\"\" binary=false null=true\nrow t #1 @46: a=" + tt.want + "\n"
			if got != want {
				t.Errorf("value %s:\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

func TestRowErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts *sqldump.Options
		want string
	}{
		{"too few values", "INSERT INTO t VALUES (1,2),(3),(4,5);\n", nil,
			"row t #1 @21: c1=number\"1\" c2=number\"2\"\nerror sqldump: offset 27: table t: row 2: row has 1 values, want 2\nrow t #3 @31: c1=number\"4\" c2=number\"5\"\n"},
		{"garbage resyncs", "INSERT INTO t VALUES (1),(@@),(2);\nINSERT INTO t VALUES (3);\n", nil,
			"row t #1 @21: c1=number\"1\"\nerror sqldump: offset 25: table t: row 2: unexpected '@' at start of value\nrow t #3 @56: c1=number\"3\"\n"},
		{"oversized field", "INSERT INTO t VALUES ('abcdef'),('ab');\n", &sqldump.Options{MaxField: 4},
			"error sqldump: offset 21: table t: row 1: value 1 exceeds 4 bytes\nrow t #2 @32: c1=string\"ab\"\n"},
		{"unterminated", "INSERT INTO t VALUES ('abc", nil,
			"error sqldump: offset 21: table t: row 1: unterminated string\n"},
		{"no values", "INSERT INTO t SELECT 1;\nINSERT INTO t VALUES (1);", nil,
			"error sqldump: offset 0: INSERT without VALUES\nrow t #1 @45: c1=number\"1\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, []byte(tt.in), tt.opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("render(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestResyncBufferSize checks the errors reported after a resync, and for a
// statement truncated by the end of input, at every small buffer size: where
// the buffer is refilled must not change what is read.
func TestResyncBufferSize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"fuzz: truncated INSERT after resync",
			"000`0`0000000000000`00000`0``0``0``0``0``0``0``0;INSERT`00000`VALUE(00A000000000000000000000000;\nINSERT`",
			"error sqldump: offset 67: table 00000: row 1: expected , or ) after value 1, got 'A'\n" +
				"error sqldump: offset 97: INSERT without VALUES\n"},
		{"truncated keyword after resync",
			"INSERT INTO t VALUES (1,@);\nINSERT",
			"error sqldump: offset 21: table t: row 1: unexpected '@' at start of value\n" +
				"error sqldump: offset 28: INSERT without VALUES\n"},
		{"CRLF lines, truncated quoted name",
			"INSERT INTO t VALUES (@);\r\r\nINSERT INTO t VALUES (2);\r\nINSERT INTO `t",
			"error sqldump: offset 21: table t: row 1: unexpected '@' at start of value\n" +
				"row t #2 @49: c1=number\"2\"\n" +
				"error sqldump: offset 55: INSERT without VALUES\n"},
		{"truncated row after resync",
			"INSERT INTO t VALUES (@) x;\nINSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3,'ab",
			"error sqldump: offset 21: table t: row 1: unexpected '@' at start of value\n" +
				"row t #2 @49: c1=number\"2\"\n" +
				"error sqldump: offset 75: table t: row 3: unterminated string\n"},
		{"line not ending with the delimiter is skipped with the next",
			"INSERT INTO t VALUES (@);x\nINSERT INTO t VALUES (2);\nINSERT",
			"error sqldump: offset 21: table t: row 1: unexpected '@' at start of value\n" +
				"error sqldump: offset 53: INSERT without VALUES\n"},
		{"delimiter just before the error position",
			"DELIMITER ab\nINSERT INTO t VALUES (X'ab\nINSERT",
			"error sqldump: offset 34: table t: row 1: bad hex literal\n" +
				"error sqldump: offset 40: INSERT without VALUES\n"},
		{"number then dot in the table name",
			"INSERT INTO `d`.t VALUES (1);\nINSERT INTO                    0.x VALUES (2);\n",
			"row d.t #1 @25: c1=number\"1\"\n" +
				"row 0.x #1 @72: c1=number\"2\"\n"},
		{"DELIMITER line too long",
			"DELIMITER" + strings.Repeat(" ", 70000) + "$$\nINSERT INTO t VALUES (1);\n",
			"error sqldump: offset 0: bad DELIMITER\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for size := 0; size <= 16; size++ {
				got := render(t, []byte(tt.in), &sqldump.Options{BufferSize: size})
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("BufferSize %d (0 = default): mismatch (-want +got):\n%s", size, diff)
				}
			}
		})
	}
}

func TestDecompressionLimit(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("INSERT INTO t VALUES ('" + strings.Repeat("a", 1<<20) + "');\n"))
	zw.Close()
	r, err := sqldump.NewReader(&buf, &sqldump.Options{MaxDecompressed: 1 << 16})
	if err != nil {
		t.Fatal(err)
	}
	for {
		_, err = r.Next()
		if err == io.EOF {
			t.Fatal("Next reached EOF; want a size error")
		}
		if err != nil && !errors.Is(err, sqldump.ErrTooLarge) {
			var re *sqldump.RowError
			if errors.As(err, &re) {
				continue
			}
			t.Fatalf("Next() = %v; want ErrTooLarge", err)
		}
		if err != nil {
			break
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		in      string
		charset string
		want    string
		ok      bool
	}{
		{"caf\xe9", "latin1", "café", true},
		{"\x80", "latin1", "€", true},
		{"\x81", "latin1", "\u0081", true},
		{"café", "utf8mb4", "café", true},
		{"\xff", "utf8mb4", "", false},
		{"\xff", "binary", "", false},
	}
	for _, tt := range tests {
		got, ok := sqldump.Decode(nil, sqldump.Value{Kind: sqldump.String, Data: []byte(tt.in)}, tt.charset)
		if ok != tt.ok || (ok && string(got) != tt.want) {
			t.Errorf("Decode(%q, %s) = %q, %v; want %q, %v", tt.in, tt.charset, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReaderSkipTable(t *testing.T) {
	const body = "CREATE TABLE `a` (`id` int, `s` text);\n" +
		"INSERT INTO `a` VALUES (1,'x'),(2,'it\\'s (a) \\n),(\\\\'),(3,'');\n" +
		"INSERT INTO `a` VALUES (4,'y'),(5,')(');\n" +
		"CREATE TABLE `b` (`id` int);\n" +
		"INSERT INTO `b` VALUES (1),(2);\n" +
		"INSERT INTO `b` VALUES (3);\n"
	tests := []struct {
		name   string
		header string
		count  bool
		ok     bool
		want   string // rows seen: table id, and the skip results
	}{
		{"mysqldump counted", "-- MySQL dump 10.13  Distrib 8.0.36\n", true, true, "a1 skip(4) b1 skip(2)"},
		{"mariadb-dump uncounted", "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n", false, true, "a1 skip(-1) b1 skip(-1)"},
		{"no header", "-- some other tool\n", true, false, "a1 a2 a3 a4 a5 b1 b2 b3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := sqldump.NewReader(strings.NewReader(tt.header+body), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				ev, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				if ev != sqldump.EventRow {
					continue
				}
				got = append(got, fmt.Sprintf("%s%s", r.Table().Name, r.Row()[0].Data))
				if n, ok := r.SkipTable(tt.count); ok {
					got = append(got, fmt.Sprintf("skip(%d)", n))
				} else if ok != tt.ok && tt.ok {
					t.Errorf("SkipTable(%v) = _, false; want true", tt.count)
				}
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("rows = %s; want %s", s, tt.want)
			}
			if tt.count && tt.ok && r.Tables()[0].Rows != 5 {
				t.Errorf("table a: Rows = %d; want 5", r.Tables()[0].Rows)
			}
		})
	}
}

// TestReaderSkipTableSeek: with Options.Seek, SkipTable without count
// jumps over long runs of INSERT lines and lands where reading every line
// does: the same tables, the same first rows, the same statements after.
func TestReaderSkipTableSeek(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- MySQL dump 10.13  Distrib 8.0.36\n")
	line := func(table string, i int) {
		fmt.Fprintf(&b, "INSERT INTO `%s` VALUES (%d,'x\\n),(\\'%s'),(%d,'%s');\n", table, i, strings.Repeat("y", i%300), i+1, strings.Repeat("z", i%1000))
	}
	tables := []struct {
		name  string
		lines int
	}{{"a", 20000}, {"b", 3}, {"c", 9000}, {"a_2", 1}, {"d", 30000}}
	for _, tb := range tables {
		fmt.Fprintf(&b, "CREATE TABLE `%s` (`id` int, `s` text);\n/*!40000 ALTER TABLE `%s` DISABLE KEYS */;\n", tb.name, tb.name)
		for i := range tb.lines {
			line(tb.name, 2*i+1)
		}
		fmt.Fprintf(&b, "/*!40000 ALTER TABLE `%s` ENABLE KEYS */;\nUNLOCK TABLES;\n", tb.name)
	}
	dump := b.String()
	if len(dump) < 20<<20 {
		t.Fatalf("dump of %d bytes: too small to seek in", len(dump))
	}
	read := func(seek bool, use string) (string, int64) {
		in := strings.Replace(dump, "\n", "\n"+use, 1)
		var o sqldump.Options
		if seek {
			o.Seek, o.SeekSize = strings.NewReader(in), int64(len(in))
		}
		cr := &countReader{r: strings.NewReader(in)}
		r, err := sqldump.NewReader(cr, &o)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			ev, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if ev != sqldump.EventRow {
				continue
			}
			got = append(got, fmt.Sprintf("%s:%s@%d", r.Table().Name, r.Row()[0].Data, r.Offset()))
			if _, ok := r.SkipTable(false); !ok {
				t.Fatal("SkipTable: false")
			}
		}
		return strings.Join(got, " "), cr.n
	}
	want, _ := read(false, "")
	if got, n := read(true, ""); got != want {
		t.Errorf("with Seek:\n got %s\nwant %s", got, want)
	} else if n >= int64(len(dump))/4 {
		t.Errorf("with Seek: read %d of %d bytes in order; want under a quarter", n, len(dump))
	}
	if !strings.Contains(want, "d:1@") || strings.Count(want, " ") != len(tables)-1 {
		t.Errorf("rows = %s; want the first row of each table", want)
	}
	// After a USE statement (a dump of several databases) it reads on.
	use := "USE `shop`;\n"
	if got, n := read(true, use); !strings.Contains(got, "d:1@") || n < int64(len(dump)) {
		t.Errorf("after USE: read %d of %d bytes, rows %s; want all bytes read", n, len(dump), got)
	}
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
