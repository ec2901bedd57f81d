package delim_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/delim"
	"github.com/google/go-cmp/cmp"
)

// readAll renders every record ("line:offset:f1|f2", NULL as \N) and every
// error ("ERR line:offset: reason").
func readAll(t testing.TB, in string, opts *delim.Options) (delim.Dialect, []string, []string) {
	t.Helper()
	r, err := delim.NewReader(strings.NewReader(in), opts)
	if err != nil {
		return delim.Dialect{}, nil, []string{"NEW " + err.Error()}
	}
	var out []string
	for {
		err := r.Next()
		if err == io.EOF {
			break
		}
		var re *delim.RecordError
		if errors.As(err, &re) {
			out = append(out, fmt.Sprintf("ERR %d:%d: %s", re.Line, re.Offset, re.Reason))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var fs []string
		for _, f := range r.Fields() {
			if f.Null {
				fs = append(fs, `\N`)
			} else {
				fs = append(fs, string(f.Data))
			}
		}
		out = append(out, fmt.Sprintf("%d:%d:%s", r.Line(), r.Offset(), strings.Join(fs, "|")))
	}
	return r.Dialect(), r.Header(), out
}

func TestReader(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		comma   byte
		header  []string
		records []string
	}{
		{"crlf", "id,name\r\n1,ann\r\n2,\"b,\"\"o\"\"b\"\r\n", ',', []string{"id", "name"},
			[]string{"2:9:1|ann", "3:16:2|b,\"o\"b"}},
		{"null and empty", "a,b,c\n1,,\"\"\n", ',', []string{"a", "b", "c"}, []string{`2:6:1|\N|`}},
		{"multi-line field", "a,b\n1,\"x\r\ny\"\n2,z\n", ',', []string{"a", "b"}, []string{"2:4:1|x\r\ny", "4:13:2|z"}},
		{"unterminated quote resyncs", "a,b\n1,ok\n9,\"unterminated,quote\n2,fine\n3,\"q\"\n", ',', []string{"a", "b"},
			[]string{"2:4:1|ok", "ERR 3:9: unexpected 'q' after closing quote of field 2", "4:31:2|fine", "5:38:3|q"}},
		{"unterminated at end", "a,b\n1,\"open\n", ',', []string{"a", "b"}, []string{"ERR 2:4: unterminated quoted field"}},
		{"text after quote", "a,b\n1,\"x\"y\n2,z\n", ',', []string{"a", "b"},
			[]string{"ERR 2:4: unexpected 'y' after closing quote of field 2", "3:11:2|z"}},
		{"wrong count", "a,b\n1,2,3\n4,5\n", ',', []string{"a", "b"}, []string{"ERR 2:4: record has 3 fields, want 2", "3:10:4|5"}},
		{"tsv with \\N", "a\tb\n1\t\\N\n", '\t', []string{"a", "b"}, []string{`2:4:1|\N`}},
		{"semicolon", "a;b\n1;2\n3;4\n", ';', []string{"a", "b"}, []string{"2:4:1|2", "3:8:3|4"}},
		{"no header", "1,alice@example.com\n2,bob@example.com\n", ',', []string{"column1", "column2"},
			[]string{"1:0:1|alice@example.com", "2:20:2|bob@example.com"}},
		{"duplicate names", "a,a,\n1,2,3\n", ',', []string{"a", "a_2", "column3"}, []string{"2:5:1|2|3"}},
		{"blank lines and BOM", "\xef\xbb\xbfa,b\n\n1,2\n\n", ',', []string{"a", "b"}, []string{"3:8:1|2"}},
		{"no final newline", "a,b\n1,2", ',', []string{"a", "b"}, []string{"2:4:1|2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, header, records := readAll(t, tt.in, nil)
			if d.Comma != tt.comma {
				t.Errorf("comma = %q; want %q", d.Comma, tt.comma)
			}
			if diff := cmp.Diff(tt.header, header); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.records, records); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderLimits(t *testing.T) {
	in := "a,b\n1,\"" + strings.Repeat("x\n", 20) + "\"\n2,ok\n"
	_, _, got := readAll(t, in, &delim.Options{MaxRecordLines: 5})
	if len(got) == 0 || !strings.HasPrefix(got[0], "ERR 2:4: quoted field longer than 5 lines") || got[len(got)-1] != "23:49:2|ok" {
		t.Errorf("records = %q; want an error for line 2, then 2|ok", got)
	}
	if _, _, got := readAll(t, "", nil); len(got) != 1 || !strings.Contains(got[0], "empty input") {
		t.Errorf("empty input = %q; want an error", got)
	}
}

// FuzzReader checks that the reader never panics, terminates, and resumes
// after every bad record.
func FuzzReader(f *testing.F) {
	f.Add("id,name\r\n1,ann\r\n2,\"b,\"\"o\"\"b\"\r\n")
	f.Add("a,b\n1,ok\n9,\"unterminated,quote\n2,fine\n")
	f.Add("a\tb\n1\t\\N\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1<<16 {
			t.Skip()
		}
		r, err := delim.NewReader(strings.NewReader(in), &delim.Options{MaxRecord: 1 << 10, MaxRecordLines: 50, MaxColumns: 64})
		if err != nil {
			return
		}
		for n := 0; ; n++ {
			if n > len(in)+2 {
				t.Fatalf("more records than lines in %d bytes", len(in))
			}
			err := r.Next()
			if err == io.EOF {
				return
			}
			var re *delim.RecordError
			if err != nil && !errors.As(err, &re) {
				t.Fatalf("Next: %v", err)
			}
			if err == nil && len(r.Fields()) != len(r.Header()) {
				t.Fatalf("%d fields, header has %d", len(r.Fields()), len(r.Header()))
			}
		}
	})
}
