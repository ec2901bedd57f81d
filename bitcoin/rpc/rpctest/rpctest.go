// Package rpctest provides a fake Bitcoin node for tests: an httptest
// server answering the JSON-RPC calls package rpc makes (getblockchaininfo,
// getblockcount, getblockhash, getblock) from blocks held in memory, with
// basic authentication, switchable chains (reorgs) and injectable failures.
package rpctest

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/internal/testchain"
)

// Node is a fake node. Its fields may be changed between calls while
// holding no lock only before the first request; use the methods after.
type Node struct {
	URL        string
	User, Pass string
	// ChainName is getblockchaininfo's chain ("main" by default).
	ChainName string
	// BoolVerbosity makes getblock accept only a boolean second parameter,
	// as older btcd versions did.
	BoolVerbosity bool

	srv    *httptest.Server
	mu     sync.Mutex
	blocks [][]byte
	hashes []coinsift.TxID
	byHash map[coinsift.TxID][]byte
	fail   func(method string, w http.ResponseWriter) bool
	calls  map[string]int
}

// NewNode starts a fake node serving blocks as its best chain, with user
// "user" and password "pass". It is closed when the test ends.
func NewNode(tb testing.TB, blocks [][]byte) *Node {
	tb.Helper()
	n := &Node{User: "user", Pass: "pass", ChainName: "main", byHash: map[coinsift.TxID][]byte{}, calls: map[string]int{}}
	n.SetChain(blocks)
	n.srv = httptest.NewServer(http.HandlerFunc(n.serve))
	n.URL = n.srv.URL
	tb.Cleanup(n.srv.Close)
	return n
}

// SetChain replaces the best chain (a reorg when it shares a prefix with
// the old one). Blocks of earlier chains stay retrievable by hash.
func (n *Node) SetChain(blocks [][]byte) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.blocks = blocks
	n.hashes = make([]coinsift.TxID, len(blocks))
	for i, b := range blocks {
		n.hashes[i] = bitcoin.HeaderHash(b)
		n.byHash[n.hashes[i]] = b
	}
}

// Fail installs a hook called before each request is answered; when it
// returns true it has written the response itself.
func (n *Node) Fail(f func(method string, w http.ResponseWriter) bool) {
	n.mu.Lock()
	n.fail = f
	n.mu.Unlock()
}

// Calls returns how many times method was called.
func (n *Node) Calls(method string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.calls[method]
}

type request struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (n *Node) serve(w http.ResponseWriter, r *http.Request) {
	if u, p, ok := r.BasicAuth(); !ok || u != n.User || p != n.Pass {
		w.Header().Set("WWW-Authenticate", `Basic realm="jsonrpc"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var req request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	n.mu.Lock()
	n.calls[req.Method]++
	fail := n.fail
	n.mu.Unlock()
	if fail != nil && fail(req.Method, w) {
		return
	}
	result, rerr := n.call(req)
	w.Header().Set("Content-Type", "application/json")
	status := http.StatusOK
	if rerr != nil {
		status = http.StatusInternalServerError // as bitcoind does
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"result": result, "error": rerr, "id": req.ID})
}

func (n *Node) call(req request) (any, *rpcError) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch req.Method {
	case "getblockchaininfo":
		return map[string]any{"chain": n.ChainName, "blocks": len(n.blocks) - 1}, nil
	case "getblockcount":
		return len(n.blocks) - 1, nil
	case "getblockhash":
		var h int
		if len(req.Params) != 1 || json.Unmarshal(req.Params[0], &h) != nil {
			return nil, &rpcError{-1, "getblockhash height"}
		}
		if h < 0 || h >= len(n.blocks) {
			return nil, &rpcError{-8, "Block height out of range"}
		}
		return n.hashes[h].String(), nil
	case "getblock":
		var hash string
		if len(req.Params) != 2 || json.Unmarshal(req.Params[0], &hash) != nil {
			return nil, &rpcError{-1, "getblock hash verbosity"}
		}
		var verb any
		json.Unmarshal(req.Params[1], &verb)
		switch v := verb.(type) {
		case bool:
			if v {
				return nil, &rpcError{-1, "verbose output not supported by the fake node"}
			}
		case float64:
			if n.BoolVerbosity {
				return nil, &rpcError{-32602, "invalid parameter: json: cannot unmarshal number into Go value of type bool"}
			}
			if v != 0 {
				return nil, &rpcError{-1, "verbose output not supported by the fake node"}
			}
		default:
			return nil, &rpcError{-1, "getblock verbosity"}
		}
		id, err := coinsift.ParseTxID(hash)
		if err != nil {
			return nil, &rpcError{-8, "blockhash must be hexadecimal"}
		}
		b, ok := n.byHash[id]
		if !ok {
			return nil, &rpcError{-5, "Block not found"}
		}
		return hex.EncodeToString(b), nil
	}
	return nil, &rpcError{-32601, "Method not found"}
}

// Blk14131 returns the blocks of btcd's blk_0_to_14131.dat (mainnet
// heights 0–14131), or skips when the btcd module is not cached.
func Blk14131(tb testing.TB) [][]byte {
	tb.Helper()
	raw, err := os.ReadFile(testchain.Blk14131(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for pos := 0; pos+8 <= len(raw) && bytes.Equal(raw[pos:pos+4], bitcoin.MainNet.Magic[:]); {
		sz := int(binary.LittleEndian.Uint32(raw[pos+4:]))
		out = append(out, raw[pos+8:pos+8+sz])
		pos += 8 + sz
	}
	return out
}

// Fork returns chain[:at+1] followed by n blocks copying chain[at+1:]
// relinked onto each other with altered nonces: a competing branch that
// forks after height at (without proof of work).
func Fork(chain [][]byte, at, n int) [][]byte {
	if at+1+n > len(chain) {
		panic(fmt.Sprintf("rpctest: fork of %d blocks after %d exceeds the %d blocks given", n, at, len(chain)))
	}
	out := append([][]byte{}, chain[:at+1]...)
	prev := bitcoin.HeaderHash(chain[at])
	for i := 0; i < n; i++ {
		b := append([]byte(nil), chain[at+1+i]...)
		copy(b[4:36], prev[:])
		b[76] ^= 0x5a
		prev = bitcoin.HeaderHash(b)
		out = append(out, b)
	}
	return out
}
