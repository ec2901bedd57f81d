package sqldump_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coinsift/coinsift/seized/sqldump"
)

// FuzzSQLDump checks that the reader never panics, always terminates, and
// reads the same events whatever its buffer size.
func FuzzSQLDump(f *testing.F) {
	files, _ := filepath.Glob("testdata/dump-*.sql.gz")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(gunzip(f, b))
	}
	f.Add([]byte("INSERT INTO t VALUES ('a\\"))
	f.Add([]byte("CREATE TABLE `t` (`a` int, b blob) DEFAULT CHARSET=latin1;\nINSERT INTO t (b,a) VALUES (0x00,1),(_binary 'x',NULL);"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 1<<16 {
			t.Skip()
		}
		opts := &sqldump.Options{MaxField: 1 << 10, MaxRow: 1 << 12, MaxStatement: 1 << 12, MaxDecompressed: 1 << 20}
		start := time.Now()
		a := events(t, in, opts)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("reading %d bytes took %v", len(in), d)
		}
		small := *opts
		small.BufferSize = 3
		// A read error (corrupt gzip) may surface at a different event with
		// another buffer size; compare only clean reads.
		if b := events(t, in, &small); !bytes.HasSuffix(a, []byte{'F'}) && !bytes.HasSuffix(b, []byte{'F'}) && !bytes.Equal(a, b) {
			t.Fatalf("buffer size changes the result:\n%q\n%q", a, b)
		}
	})
}

// events reads in and returns a compact rendering of what was read.
func events(t *testing.T, in []byte, opts *sqldump.Options) []byte {
	r, err := sqldump.NewReader(bytes.NewReader(in), opts)
	if err != nil {
		return []byte("newreader error")
	}
	var out []byte
	for n := 0; ; n++ {
		if n > 1<<20 {
			t.Fatalf("no progress after %d events", n)
		}
		ev, err := r.Next()
		if err == io.EOF {
			return out
		}
		var re *sqldump.RowError
		if errors.As(err, &re) {
			out = append(out, 'E')
			out = append(out, re.Reason...)
			continue
		}
		if err != nil {
			return append(out, 'F')
		}
		out = append(out, byte(ev))
		if ev == sqldump.EventRow {
			row := r.Row()
			if len(row) != len(r.Table().Columns) {
				t.Fatalf("row has %d values for %d columns", len(row), len(r.Table().Columns))
			}
			for _, v := range row {
				if len(v.Data) > opts.MaxField {
					t.Fatalf("value of %d bytes exceeds MaxField", len(v.Data))
				}
				out = append(out, byte(v.Kind))
				out = append(out, v.Data...)
			}
		}
	}
}
