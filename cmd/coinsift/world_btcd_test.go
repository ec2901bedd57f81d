package main

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/world"
)

// TestBtcdAcceptsSignedWorld submits every main-chain block of a signed tiny
// world to a real btcd node in regtest, in height order, and checks that
// the node accepts them all and ends on the same tip: the generated chain is
// consensus-valid (signatures, scripts, maturity, BIP 34, SegWit, Taproot).
func TestBtcdAcceptsSignedWorld(t *testing.T) {
	if os.Getenv("COINSIFT_INTEGRATION") != "1" {
		t.Skip("set COINSIFT_INTEGRATION=1 to run against a real btcd (built from the module proxy)")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "world")
	cfg := world.DefaultConfig()
	cfg.Sign = true
	if _, err := world.Generate(ctx, cfg, dir, coinsift.NopProgressFunc); err != nil {
		t.Fatal(err)
	}
	src, err := blockfile.Open(ctx, filepath.Join(dir, "blocks"), blockfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	tip, err := src.Tip(ctx)
	if err != nil {
		t.Fatal(err)
	}
	node := startBtcd(t, newWallet(t, "coinsift world miner").addr)
	var buf []byte
	for h := coinsift.Height(1); h <= tip; h++ {
		raw, err := src.Block(ctx, h, buf)
		if err != nil {
			t.Fatal(err)
		}
		buf = raw
		var reason *string
		node.call(t, "submitblock", []any{hex.EncodeToString(raw)}, &reason)
		if reason != nil {
			t.Fatalf("btcd rejected block %d: %s", h, *reason)
		}
	}
	var count int64
	node.call(t, "getblockcount", nil, &count)
	var best string
	node.call(t, "getbestblockhash", nil, &best)
	want, _ := src.Hash(ctx, tip)
	if count != int64(tip) || best != want.String() {
		t.Fatalf("btcd tip %d %s; want %d %s", count, best, tip, want)
	}
	t.Logf("btcd accepted all %d blocks of the signed tiny world", tip)
}
