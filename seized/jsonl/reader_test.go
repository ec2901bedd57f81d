package jsonl_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/jsonl"
	"github.com/google/go-cmp/cmp"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cols []string
		rows []string
	}{
		{"union of keys", "{\"id\":1,\"name\":\"ann\"}\n{\"id\":2,\"email\":\"b@x.org\",\"name\":null}\n",
			[]string{"id", "name", "email"}, []string{`1:0:1|ann|\N`, `2:22:2|\N|b@x.org`}},
		{"nested and literals", `{"a":{"b": [1, 2]},"t":true,"n":1.50,"s":"x\"y\u00e9"}` + "\n",
			[]string{"a", "t", "n", "s"}, []string{`1:0:{"b":[1,2]}|true|1.50|x"yé`}},
		{"bad lines", "{\"a\":1}\nnot json\n[1,2]\n\n{\"a\":2}\r\n{\"a\":\n",
			[]string{"a"}, []string{"1:0:1", "ERR 2:8: not valid JSON", "ERR 3:17: not a JSON object", "5:24:2", "ERR 6:33: not valid JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols, err := jsonl.Scan(strings.NewReader(tt.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.cols, cols); diff != "" {
				t.Errorf("Scan (-want +got):\n%s", diff)
			}
			r := jsonl.NewReader(strings.NewReader(tt.in), cols, nil)
			var got []string
			for {
				err := r.Next()
				if err == io.EOF {
					break
				}
				var le *jsonl.LineError
				if errors.As(err, &le) {
					got = append(got, fmt.Sprintf("ERR %d:%d: %s", le.Line, le.Offset, le.Reason))
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
				got = append(got, fmt.Sprintf("%d:%d:%s", r.Line(), r.Offset(), strings.Join(fs, "|")))
			}
			if diff := cmp.Diff(tt.rows, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanTooManyColumns(t *testing.T) {
	if _, err := jsonl.Scan(strings.NewReader(`{"a":1,"b":2,"c":3}`), &jsonl.Options{MaxColumns: 2}); !errors.Is(err, jsonl.ErrTooManyColumns) {
		t.Errorf("Scan = %v; want ErrTooManyColumns", err)
	}
}

// FuzzReader checks that the reader never panics and yields rows of the
// scanned width.
func FuzzReader(f *testing.F) {
	f.Add("{\"id\":1,\"name\":\"ann\"}\n{\"id\":2,\"x\":[1,{}]}\nbad\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1<<16 {
			t.Skip()
		}
		opts := &jsonl.Options{MaxLine: 1 << 10, MaxColumns: 64}
		cols, err := jsonl.Scan(strings.NewReader(in), opts)
		if err != nil {
			return
		}
		r := jsonl.NewReader(strings.NewReader(in), cols, opts)
		for {
			err := r.Next()
			if err == io.EOF {
				return
			}
			var le *jsonl.LineError
			if err != nil && !errors.As(err, &le) {
				t.Fatal(err)
			}
			if err == nil && len(r.Fields()) != len(cols) {
				t.Fatalf("%d fields, %d columns", len(r.Fields()), len(cols))
			}
		}
	})
}
