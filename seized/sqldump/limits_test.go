package sqldump_test

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/sqldump"
)

// hostileReader yields prefix, then n bytes repeating pattern, then suffix,
// without holding the n bytes in memory.
type hostileReader struct {
	prefix, pattern, suffix string
	n                       int // filler bytes left
	k                       int // position in pattern
}

func (h *hostileReader) Read(p []byte) (int, error) {
	w := 0
	if h.prefix != "" {
		c := copy(p, h.prefix)
		h.prefix = h.prefix[c:]
		w += c
	}
	for w < len(p) && h.n > 0 {
		c := copy(p[w:min(len(p), w+h.n)], h.pattern[h.k:])
		h.k = (h.k + c) % len(h.pattern)
		h.n -= c
		w += c
	}
	if w < len(p) && h.n == 0 && h.suffix != "" {
		c := copy(p[w:], h.suffix)
		h.suffix = h.suffix[c:]
		w += c
	}
	if w == 0 {
		return 0, io.EOF
	}
	return w, nil
}

// TestHostileLimits feeds single tokens, identifiers and statements of many
// megabytes and checks that each one is reported with its offset (or
// skipped) and that memory stays within a few times the configured limits,
// whatever the size of the input.
func TestHostileLimits(t *testing.T) {
	const (
		limit = 64 << 10 // MaxField, MaxRow, MaxStatement; the INSERT header limit is 64 KiB too
		huge  = 2 << 20  // bytes of filler by default: 32 times the limits
	)
	// Every input starts with this, so that offsets are not 0 and t exists.
	const pre = "CREATE TABLE t (a text);\n"
	const at = int64(len(pre))
	tests := []struct {
		name            string
		size            int // bytes of filler; 0 means huge
		head, fill, end string
		// wantOff and wantReason describe the first RowError; wantReason ""
		// means that no error is expected (the text is skipped).
		wantOff    int64
		wantReason string
	}{
		{"INSERT unterminated backquoted table name", 8 << 20, "INSERT INTO `", "a", "", at, "INSERT header exceeds 65536 bytes inside a quoted identifier"},
		{"INSERT unterminated double-quoted table name", 0, "INSERT INTO \"", "a", "", at, "INSERT header exceeds 65536 bytes inside a quoted identifier"},
		{"INSERT unterminated backquote in column list", 0, "INSERT INTO `t` (`a`, `", "b", "", at, "INSERT header exceeds 65536 bytes inside a quoted identifier"},
		{"INSERT huge column list", 0, "INSERT INTO `t` (", "`a`,", ") VALUES (1);\n", at, "INSERT header exceeds 65536 bytes"},
		{"INSERT huge bare word", 0, "INSERT INTO ", "a", " VALUES (1);\n", at, "INSERT header exceeds 65536 bytes"},
		{"INSERT unterminated comment in header", 0, "INSERT INTO t /*", "a", "", at, "INSERT without VALUES"},
		{"CREATE TABLE unterminated quoted name", 0, "CREATE TABLE `", "a", "", at, "CREATE TABLE statement exceeds 65536 bytes"},
		{"CREATE TABLE unterminated quoted column", 0, "CREATE TABLE u (`", "a", "", at, "CREATE TABLE statement exceeds 65536 bytes"},
		{"CREATE TABLE unterminated string", 0, "CREATE TABLE u (a int COMMENT '", "a", "", at, "CREATE TABLE statement exceeds 65536 bytes"},
		{"CREATE TABLE never ends", 0, "CREATE TABLE u (", "b int, ", "", at, "CREATE TABLE statement exceeds 65536 bytes"},
		{"CREATE TABLE in a conditional comment never ends", 0, "/*!40101 CREATE TABLE u (", "b int, ", "", at, "CREATE TABLE statement exceeds 65536 bytes"},
		{"huge SET line", 0, "SET @a = '", "a", "';\n", at, "SET statement exceeds 65536 bytes"},
		{"huge SET NAMES in a conditional comment", 0, "/*!40101 SET NAMES ", "a", " */;\n", at, "SET statement exceeds 65536 bytes"},
		{"huge USE", 0, "USE `", "a", "`;\n", at, "USE statement exceeds 65536 bytes"},
		{"unterminated block comment", 0, "/*", "a", "", at, "unterminated comment"},
		{"unterminated conditional comment", 0, "/*!40101 SET NAMES ", "a", "", at, "SET statement exceeds 65536 bytes"},
		{"huge DELIMITER line", 0, "DELIMITER ", "a", "\n", at, "bad DELIMITER"},
		{"huge string value", 0, "INSERT INTO t VALUES ('", "a", "');\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"unterminated string value", 0, "INSERT INTO t VALUES ('", "a", "", at + 21, "unterminated string"},
		{"huge escaped string value", 0, "INSERT INTO t VALUES ('", `\n`, "');\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge hex value", 0, "INSERT INTO t VALUES (0x", "ab", ");\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge quoted hex value", 0, "INSERT INTO t VALUES (X'", "ab", "');\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge bit value", 0, "INSERT INTO t VALUES (b'", "10", "');\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge 0b bit value", 0, "INSERT INTO t VALUES (0b", "10", ");\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge number", 0, "INSERT INTO t VALUES (", "1", ");\n", at + 21, "value 1 exceeds 65536 bytes"},
		{"huge keyword", 0, "INSERT INTO t VALUES (", "a", ");\n", at + 21, "expected , or ) after value 1, got 'a'"},
		{"huge introducer", 0, "INSERT INTO t VALUES (_", "a", " 'x');\n", at + 21, "expected , or ) after value 1, got 'a'"},
		{"too many values", 0, "INSERT INTO t VALUES (", "'aaaaaaaaaaaaaaa',", "1);\n", at + 21, "more than 256 values"},
		{"huge row", 0, "INSERT INTO t VALUES (", "'" + strings.Repeat("a", 60000) + "',", "1);\n", at + 21, "row exceeds 65536 bytes"},
		{"huge line comment", 0, "-- ", "a", "\n", 0, ""},
		{"huge hash comment", 0, "#", "a", "\n", 0, ""},
		{"huge ignored statement", 0, "CREATE PROCEDURE p() BEGIN SELECT '", "a", "'; END;\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := &sqldump.Options{MaxField: limit, MaxRow: limit, MaxStatement: limit, MaxColumns: 256, BufferSize: 4 << 10}
			n := tt.size
			if n == 0 {
				n = huge
			}
			n -= n % len(tt.fill) // whole repetitions
			in := &hostileReader{prefix: pre + tt.head, pattern: tt.fill, n: n, suffix: tt.end}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r, err := sqldump.NewReader(in, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var first *sqldump.RowError
			for k := 0; ; k++ {
				if k > 1000 {
					t.Fatal("no end after 1000 events")
				}
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				var re *sqldump.RowError
				if errors.As(err, &re) {
					if first == nil {
						first = re
					}
					continue
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
			}
			runtime.ReadMemStats(&after)
			if got := r.BytesRead(); got < int64(n) {
				t.Errorf("BytesRead = %d; want the whole input", got)
			}
			switch {
			case tt.wantReason == "" && first != nil:
				t.Errorf("got error %v; want none", first)
			case tt.wantReason != "" && first == nil:
				t.Errorf("got no error; want %q at offset %d", tt.wantReason, tt.wantOff)
			case tt.wantReason != "" && (first.Offset != tt.wantOff || first.Reason != tt.wantReason):
				t.Errorf("got error %v; want %q at offset %d", first, tt.wantReason, tt.wantOff)
			}
			if first != nil && len(first.Raw) > 4096 {
				t.Errorf("error keeps %d raw bytes", len(first.Raw))
			}
			// A few times the limit: the statement or row buffer grows by
			// doubling up to the limit, plus the read buffer and small change.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*limit {
				t.Errorf("reading %d bytes allocated %d bytes; want at most %d", n, alloc, 4*limit)
			}
		})
	}
}

// TestValueLimits checks that every kind of value counts against MaxField
// and MaxRow: bare words (DEFAULT, TRUE), the padded last byte of an odd hex
// literal, and bit literals, exactly at and just past the limit; and that an
// INSERT may not name more than MaxColumns columns.
func TestValueLimits(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"INSERT names too many columns", "INSERT INTO t (a,a,a,a,a) VALUES (1);\nINSERT INTO t (a,a,a,a) VALUES (1,2,3,4);\n",
			"error sqldump: offset 0: table t: INSERT names more than 4 columns\n" +
				"row t #1 @69: a=number\"1\" a=number\"2\" a=number\"3\" a=number\"4\"\n"},
		{"keywords", "INSERT INTO t VALUES (DEFAULT),(TRUE),(1);\nINSERT INTO u VALUES (TRUE,TRUE);\n",
			"error sqldump: offset 21: table t: row 1: value 1 exceeds 4 bytes\n" +
				"row t #2 @31: c1=keyword\"TRUE\"\n" +
				"row t #3 @38: c1=number\"1\"\n" +
				"error sqldump: offset 64: table u: row 1: row exceeds 6 bytes\n"},
		{"odd hex", "INSERT INTO t VALUES (0x1234567),(0x123456789);\n",
			"row t #1 @21: c1=bytes(01234567)\n" +
				"error sqldump: offset 33: table t: row 2: value 1 exceeds 4 bytes\n"},
		{"bits", "INSERT INTO t VALUES (b'1010101111001101111011110000000'),(b'101010111100110111101111000000011'),(0b100000001);\n",
			"row t #1 @21: c1=bytes(55e6f780)\n" +
				"error sqldump: offset 58: table t: row 2: value 1 exceeds 4 bytes\n" +
				"row t #3 @97: c1=bytes(0101)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, []byte(tt.in), &sqldump.Options{MaxField: 4, MaxRow: 6, MaxColumns: 4})
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
