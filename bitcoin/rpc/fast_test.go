package rpc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// checkFast fails when parseFast accepts b and encoding/json reads it
// differently (or not at all).
func checkFast(t *testing.T, b []byte) bool {
	t.Helper()
	r, ok := parseFast(b)
	if !ok {
		return false
	}
	var want response
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("parseFast accepted %q, encoding/json: %v", b, err)
	}
	if !bytes.Equal(r.Result, want.Result) || (r.Error == nil) != (want.Error == nil) ||
		(r.ID == nil) != (want.ID == nil) || (r.ID != nil && *r.ID != *want.ID) {
		t.Fatalf("parseFast(%q) = %q, %v, %v; encoding/json: %q, %v, %v", b, r.Result, r.Error, r.ID, want.Result, want.Error, want.ID)
	}
	return true
}

func TestParseFast(t *testing.T) {
	hx := strings.Repeat("0123456789abcdef", 8)
	tests := []struct {
		body string
		fast bool
	}{
		{`{"result":"` + hx + `","error":null,"id":7}`, true}, // bitcoind
		{`{"result":"` + hx + `","error":null,"id":7}` + "\n", true},
		{`{"jsonrpc":"1.0","result":"ab","error":null,"id":1}`, true},
		{` { "id" : 3 , "error" : null , "result" : "ab" } `, true},
		{"{\"result\":\"ab\"\t,\r\n\"error\":null}", true},
		{`{"result":"ab"}`, true},
		{`{"result":""}`, true},
		// Anything else goes to encoding/json.
		{`{"result":"a\"b","error":null}`, false},
		{`{"result":"a\u0062","error":null}`, false},
		{"{\"result\":\"a\x01\",\"error\":null}", false},
		{`{"result":"é"}`, false},
		{`{"result":null,"error":{"code":-5,"message":"Block not found"},"id":3}`, false},
		{`{"result":"ab","error":{"code":-1}}`, false},
		{`{"result":12,"error":null}`, false},
		{`{"result":{"chain":"main"},"error":null}`, false},
		{`{"Result":"ab"}`, false},
		{`{"result":"ab","result":"cd"}`, false},
		{`{"result":"ab","id":01}`, false},
		{`{"result":"ab","id":-1}`, false},
		{`{"result":"ab","id":1.0}`, false},
		{`{"result":"ab","id":null}`, false},
		{`{"result":"ab","id":99999999999999999999}`, false},
		{`{"result":"ab","error":nullx}`, false},
		{`{"result":"ab","extra":1}`, false},
		{`{"result":"ab",}`, false},
		{`{"result":"ab"} x`, false},
		{`{"result":"ab"`, false},
		{`{"error":null,"id":1}`, false},
		{`{}`, false},
		{``, false},
		{`[{"result":"ab"}]`, false},
	}
	for _, tt := range tests {
		if got := checkFast(t, []byte(tt.body)); got != tt.fast {
			t.Errorf("parseFast(%q) accepted = %v, want %v", tt.body, got, tt.fast)
		}
	}
}

// FuzzParseFast checks that whatever parseFast accepts, encoding/json
// reads the same way.
func FuzzParseFast(f *testing.F) {
	f.Add([]byte(`{"result":"00ff","error":null,"id":3}`))
	f.Add([]byte(` { "id" : 3 , "jsonrpc":"1.0", "error" : null , "result" : "ab" } `))
	f.Add([]byte(`{"result":"a\"b","error":null}`))
	f.Add([]byte(`{"result":"ab","id":01}`))
	f.Fuzz(func(t *testing.T, b []byte) { checkFast(t, b) })
}
