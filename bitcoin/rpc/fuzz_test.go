package rpc_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/rpc"
)

// fuzzTransport answers getblockchaininfo and getblockhash like a regtest
// node and every other call with body.
type fuzzTransport struct{ body []byte }

func (f *fuzzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var req struct{ Method string }
	json.NewDecoder(r.Body).Decode(&req)
	body := f.body
	switch req.Method {
	case "getblockchaininfo":
		body = []byte(`{"result":{"chain":"regtest"},"error":null}`)
	case "getblockhash":
		body = []byte(`{"result":"` + bitcoin.RegTest.Genesis.String() + `","error":null}`)
	}
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: -1, Header: http.Header{}, Request: r}, nil
}

// FuzzResponse feeds arbitrary bytes to the client as a getblock and a
// getblockcount response: errors are fine, panics and unbounded
// allocations are not.
func FuzzResponse(f *testing.F) {
	f.Add([]byte(`{"result":"00","error":null,"id":3}`))
	f.Add([]byte(`{"result":null,"error":{"code":-5,"message":"Block not found"},"id":3}`))
	f.Add([]byte(`{"result":"` + strings.Repeat("ab", 100) + `"}`))
	f.Add([]byte(`{"result":12,"id":"x"}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 1<<16 {
			return
		}
		ft := &fuzzTransport{}
		c, err := rpc.Dial(context.Background(), rpc.Config{URL: "http://127.0.0.1:1", Retries: -1, MaxResponse: 1 << 15,
			HTTPClient: &http.Client{Transport: ft}})
		if err != nil {
			t.Fatal(err)
		}
		ft.body = body
		c.Tip(context.Background())
		if b, err := c.Block(context.Background(), 1, nil); err == nil && len(b) < bitcoin.HeaderSize {
			t.Fatalf("Block returned %d bytes without error", len(b))
		}
	})
}
