package cluster_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/chaincfg/chainhash"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"

	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/cluster"
	"github.com/coinsift/coinsift/internal/testchain"
)

// TestRealChainMultiInput clusters real mainnet blocks 0–14131 through the
// chain index and checks the multi-input clusters against an independent
// computation from first principles: btcd's wire parser, txscript's address
// extraction and a map-based union-find over address strings.
func TestRealChainMultiInput(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 14,132 real blocks")
	}
	blk := testchain.Blk14131(t)
	raw, err := os.ReadFile(blk)
	if err != nil {
		t.Fatal(err)
	}
	want := independentClusters(t, raw)

	ctx := context.Background()
	blocks := filepath.Join(t.TempDir(), "blocks")
	os.MkdirAll(blocks, 0o755)
	if err := os.Symlink(blk, filepath.Join(blocks, "blk00000.dat")); err != nil {
		t.Fatal(err)
	}
	src, err := blockfile.Open(ctx, blocks, blockfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	idxDir := filepath.Join(t.TempDir(), "chain")
	if _, err := chainindex.Import(ctx, idxDir, src, chainindex.Options{}); err != nil {
		t.Fatal(err)
	}
	x, err := chainindex.Open(idxDir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	cfg := cluster.DefaultConfig()
	cfg.Heuristics, _ = cluster.ParseSet("multi-input")
	r, err := cluster.Run(ctx, cluster.FromIndex(x), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	members := map[uint32][]string{}
	for a := 1; a < len(r.Cluster); a++ {
		members[r.Cluster[a]] = append(members[r.Cluster[a]], x.AddressString(uint32(a)))
	}
	got := canonical(members)
	if len(got) != len(want) {
		t.Fatalf("coinsift found %d multi-address clusters, the independent computation %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("cluster %d differs:\ncoinsift:    %.200s\nindependent: %.200s", i, got[i], want[i])
		}
	}
	if len(want) == 0 {
		t.Fatal("no multi-address clusters in blocks 0–14131; the test checks nothing")
	}
	t.Logf("%d multi-address clusters match; largest has %d addresses", len(want), r.Stats.Largest)
}

// canonical returns the clusters of two or more addresses as sorted,
// space-joined strings, sorted.
func canonical(m map[uint32][]string) []string {
	var out []string
	for _, addrs := range m {
		if len(addrs) < 2 {
			continue
		}
		sort.Strings(addrs)
		out = append(out, strings.Join(addrs, " "))
	}
	sort.Strings(out)
	return out
}

// independentClusters parses a Bitcoin Core blk file with btcd and joins
// the input addresses of every non-coinbase transaction.
func independentClusters(t *testing.T, raw []byte) []string {
	t.Helper()
	params := &chaincfg.MainNetParams
	addrOf := map[wire.OutPoint]string{}
	parent := map[string]string{}
	var find func(string) string
	find = func(a string) string {
		for parent[a] != a {
			parent[a] = parent[parent[a]]
			a = parent[a]
		}
		return a
	}
	add := func(a string) {
		if _, ok := parent[a]; !ok {
			parent[a] = a
		}
	}
	for off := 0; off+8 <= len(raw); {
		if !bytes.Equal(raw[off:off+4], []byte{0xf9, 0xbe, 0xb4, 0xd9}) {
			break
		}
		size := int(uint32(raw[off+4]) | uint32(raw[off+5])<<8 | uint32(raw[off+6])<<16 | uint32(raw[off+7])<<24)
		var b wire.MsgBlock
		if err := b.Deserialize(bytes.NewReader(raw[off+8 : off+8+size])); err != nil {
			t.Fatalf("btcd: block at offset %d: %v", off, err)
		}
		off += 8 + size
		for _, tx := range b.Transactions {
			h := tx.TxHash()
			for i, out := range tx.TxOut {
				_, addrs, _, err := txscript.ExtractPkScriptAddrs(out.PkScript, params)
				if err != nil || len(addrs) != 1 {
					continue
				}
				a := addrs[0]
				if pk, ok := a.(*btcutil.AddressPubKey); ok {
					a = pk.AddressPubKeyHash()
				}
				s := a.EncodeAddress()
				addrOf[wire.OutPoint{Hash: h, Index: uint32(i)}] = s
				add(s)
			}
			if blockchainIsCoinbase(tx) {
				continue
			}
			first := ""
			for _, in := range tx.TxIn {
				s, ok := addrOf[in.PreviousOutPoint]
				if !ok {
					continue
				}
				if first == "" {
					first = s
					continue
				}
				if ra, rb := find(first), find(s); ra != rb {
					parent[rb] = ra
				}
			}
		}
	}
	groups := map[string][]string{}
	for a := range parent {
		r := find(a)
		groups[r] = append(groups[r], a)
	}
	m := map[uint32][]string{}
	i := uint32(0)
	for _, g := range groups {
		m[i] = g
		i++
	}
	return canonical(m)
}

func blockchainIsCoinbase(tx *wire.MsgTx) bool {
	return len(tx.TxIn) == 1 && tx.TxIn[0].PreviousOutPoint.Index == 0xffffffff &&
		tx.TxIn[0].PreviousOutPoint.Hash == chainhash.Hash{}
}
