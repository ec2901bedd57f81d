package mapping

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized"
)

func TestParseJSONPath(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want "" = error
	}{
		{"$", "$"},
		{"$.tx.hash", "$.tx.hash"},
		{"$.outputs[0].address", "$.outputs[0].address"},
		{`$["a.b"][2]`, `$["a.b"][2]`},
		{`$["x]y"].z`, `$["x]y"].z`},
		{"tx.hash", ""},
		{"$.", ""},
		{"$..a", ""},
		{"$[x]", ""},
		{"$[-1]", ""},
		{"$[01]", ""},
		{"$[1", ""},
		{`$["a`, ""},
		{"$a", ""},
		{"$" + strings.Repeat(".a", maxPathSteps+1), ""},
	} {
		p, err := parseJSONPath(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("parseJSONPath(%q) = %v, want an error", tc.in, p)
			}
			continue
		}
		if err != nil || p.String() != tc.want {
			t.Errorf("parseJSONPath(%q) = %v, %v; want %s", tc.in, p, err, tc.want)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	cb, err := os.ReadFile("testdata/json/callback.json")
	if err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1)
	okDeep := `{"a":` + strings.Repeat("[", MaxJSONDepth-1) + `"x"` + strings.Repeat("]", MaxJSONDepth-1) + "}"
	huge := `{"a":"` + strings.Repeat("x", MaxJSONBytes) + `"}`
	for _, tc := range []struct {
		name, data, path string
		want             string // "" with found false
		found            bool
		err              string // substring of the error
	}{
		{name: "string", data: string(cb), path: "$.tx.hash", want: "6f1f2b7a7c4d2d3e8f5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6", found: true},
		{name: "index", data: string(cb), path: "$.tx.outputs[0].address", want: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", found: true},
		{name: "number as written", data: `{"amount":0.01230000}`, path: "$.amount", want: "0.01230000", found: true},
		{name: "bool", data: `{"ok":true}`, path: "$.ok", want: "true", found: true},
		{name: "object compact, keys sorted", data: `{"a":{"z":1, "b":[1, 2]}}`, path: "$.a", want: `{"b":[1,2],"z":1}`, found: true},
		{name: "missing member", data: string(cb), path: "$.tx.txid"},
		{name: "index past end", data: string(cb), path: "$.tx.outputs[3].address"},
		{name: "index into object", data: string(cb), path: "$.tx[0]"},
		{name: "member of string", data: string(cb), path: "$.status.x"},
		{name: "null", data: `{"tx":null}`, path: "$.tx"},
		{name: "array root", data: `[{"h":"a"}]`, path: "$[0].h", want: "a", found: true},
		{name: "escaped brackets in strings", data: `{"a":"[[[{{{\"]]","b":"c"}`, path: "$.b", want: "c", found: true},
		{name: "unicode escape", data: `{"a":"\u00e9"}`, path: "$.a", want: "é", found: true},
		{name: "malformed", data: `{"tx":{"hash":"ab"`, path: "$.tx.hash", err: "malformed"},
		{name: "not json", data: `paid`, path: "$.tx", err: "malformed"},
		{name: "trailing text", data: `{"a":1} x`, path: "$.a", err: "text after"},
		{name: "two values", data: `{"a":1}{"a":2}`, path: "$.a", err: "text after"},
		{name: "deep nesting", data: deep, path: "$[0]", err: "nested deeper"},
		{name: "deep object nesting", data: strings.Repeat(`{"a":`, 100000), path: "$.a", err: "nested deeper"},
		{name: "at the depth bound", data: okDeep, path: "$.a", found: true, want: "[" + strings.Repeat("[", MaxJSONDepth-2) + `"x"` + strings.Repeat("]", MaxJSONDepth-1)},
		{name: "huge string", data: huge, path: "$.a", err: "over"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parseJSONPath(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			got, found, err := evalJSON([]byte(tc.data), p)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || found != tc.found || string(got) != tc.want {
				t.Errorf("= %q, %v, %v; want %q, %v", got, found, err, tc.want, tc.found)
			}
		})
	}
}

// TestMapJSONField maps payments whose txid, address and amount are in a
// gateway's callback column: a missing path is NULL, malformed JSON sets
// the row aside with the reason map: <field>: json: ….
func TestMapJSONField(t *testing.T) {
	m := &Mapping{Version: Version, Tables: []Table{{Source: "orders", Target: "payments", Columns: map[string]Column{
		"account_key": {Column: "user_id"},
		"txid":        {Column: "callback", JSON: "$.tx.hash"},
		"address":     {Column: "callback", JSON: "$.tx.outputs[0].address"},
		"amount":      {Column: "callback", JSON: "$.amount", Unit: "btc"},
	}}}}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	tbl := &seized.Table{Name: "orders", Columns: []seized.Column{{Name: "user_id"}, {Name: "callback"}}}
	rm := m.Bind(tbl)
	cb, _ := os.ReadFile("testdata/json/callback.json")
	for _, tc := range []struct {
		name, callback string
		null           bool
		want           []any // account, address, sats, txid
		err            string
	}{
		{name: "callback", callback: string(bytes.TrimSpace(cb)), want: []any{"7", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", int64(1230000), "6f1f2b7a7c4d2d3e8f5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6"}},
		{name: "no tx yet", callback: `{"amount":"0.5","status":"pending"}`, want: []any{"7", nil, int64(50000000), nil}},
		{name: "NULL column", null: true, want: []any{"7", nil, nil, nil}},
		{name: "malformed", callback: `{"tx":{"hash":"ab`, err: "json: malformed"},
		{name: "too deep", callback: strings.Repeat("[", 10000), err: "json: nested deeper"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out seized.Records
			row := []seized.Value{{Data: []byte("7")}, {Data: []byte(tc.callback), Null: tc.null}}
			err := rm.Map(row, &out)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Payments) != 1 {
				t.Fatalf("payments = %v", out.Payments)
			}
			p := out.Payments[0]
			got := []any{p[0], p[1], p[2], p[5]}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("payment = %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
}

func TestValidateJSONPath(t *testing.T) {
	m := &Mapping{Version: Version, Tables: []Table{{Source: "orders", Target: "payments", Columns: map[string]Column{
		"txid": {Column: "callback", JSON: "tx.hash"},
	}}}}
	err := m.Validate()
	if err == nil || !strings.Contains(err.Error(), "must start with $") {
		t.Fatalf("Validate = %v", err)
	}
	if !errors.Is(err, coinsift.ErrInvalid) {
		t.Errorf("error not wrapped: %v", err)
	}
}

// FuzzEvalJSON holds the evaluator to its bounds: it never panics, and a
// value it finds is no longer than the input's text.
func FuzzEvalJSON(f *testing.F) {
	if b, err := os.ReadFile("testdata/json/callback.json"); err == nil {
		f.Add(b, "$.tx.hash")
		f.Add(b, "$.tx.outputs[0].address")
	}
	f.Add([]byte(`{"a":[1,{"b":"c"}]}`), `$.a[1]["b"]`)
	f.Add([]byte(strings.Repeat("[", 100)), "$[0]")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		p, err := parseJSONPath(path)
		if err != nil {
			return
		}
		if got := p.String(); got != path {
			if q, err := parseJSONPath(got); err != nil || q.String() != got {
				t.Fatalf("path %q prints as %q, which does not parse back", path, got)
			}
		}
		out, found, err := evalJSON(data, p)
		if err != nil && found {
			t.Fatal("found with an error")
		}
		if len(data) > MaxJSONBytes && err == nil {
			t.Fatal("oversized value parsed")
		}
		_ = out
	})
}
