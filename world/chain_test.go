package world_test

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/chaincfg/chainhash"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"

	"github.com/coinsift/coinsift/world"
)

// readBlocks parses every record of the world's blk files (undoing the XOR
// key when there is one).
func readBlocks(tb testing.TB, dir string) []*wire.MsgBlock {
	tb.Helper()
	key := make([]byte, 8)
	if k, err := os.ReadFile(filepath.Join(dir, "blocks", "xor.dat")); err == nil {
		key = k
	}
	files, _ := filepath.Glob(filepath.Join(dir, "blocks", "blk*.dat"))
	sort.Strings(files)
	var out []*wire.MsgBlock
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for i := range b {
			b[i] ^= key[i%8]
		}
		for off := 0; off < len(b); {
			if m := binary.LittleEndian.Uint32(b[off:]); m != 0xdab5bffa {
				tb.Fatalf("%s: offset %d: magic %#x; want regtest magic", f, off, m)
			}
			n := int(binary.LittleEndian.Uint32(b[off+4:]))
			var blk wire.MsgBlock
			if err := blk.Deserialize(bytes.NewReader(b[off+8 : off+8+n])); err != nil {
				tb.Fatalf("%s: offset %d: %v", f, off, err)
			}
			out = append(out, &blk)
			off += 8 + n
		}
	}
	return out
}

// readTSV reads a truth file into maps keyed by column name.
func readTSV(tb testing.TB, path string) []map[string]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var cols []string
	var rows []map[string]string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = fields
			continue
		}
		m := map[string]string{}
		for i, c := range cols {
			m[c] = fields[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// mainChain orders blocks from genesis to the tip, following the truth's
// block index; stale blocks are returned separately.
func mainChain(tb testing.TB, dir string, blocks []*wire.MsgBlock) (main, stale []*wire.MsgBlock) {
	tb.Helper()
	byHash := map[string]*wire.MsgBlock{}
	for _, b := range blocks {
		byHash[b.BlockHash().String()] = b
	}
	for _, r := range readTSV(tb, filepath.Join(dir, "truth", "blocks.tsv")) {
		b := byHash[r["hash"]]
		if b == nil {
			tb.Fatalf("block %s of the truth is not in the blk files", r["hash"])
		}
		if r["stale"] == "true" {
			stale = append(stale, b)
			continue
		}
		h, _ := strconv.Atoi(r["height"])
		for len(main) <= h {
			main = append(main, nil)
		}
		main[h] = b
	}
	for h := 1; h < len(main); h++ {
		if main[h] == nil || main[h].Header.PrevBlock != main[h-1].BlockHash() {
			tb.Fatalf("main chain broken at height %d", h)
		}
	}
	return main, stale
}

func TestTruthMatchesChain(t *testing.T) {
	for _, cfg := range []world.Config{
		{Scale: world.ScaleTiny, Seed: 7},
		{Scale: world.ScaleTiny, Seed: 8, XOR: true, SchemaVariant: 1},
		{Scale: world.ScaleTiny, Seed: 9, Family: world.FamilyBooter},
		{Scale: world.ScaleTiny, Seed: 10, Family: world.FamilyCardShop},
		{Scale: world.ScaleTiny, Seed: 11, Family: world.FamilyRansomware},
	} {
		t.Run(strconv.FormatUint(cfg.Seed, 10)+string(cfg.Family), func(t *testing.T) {
			dir, sum := MustGenerate(t, cfg)
			blocks := readBlocks(t, dir)
			if len(blocks) != sum.Blocks {
				t.Fatalf("blk files hold %d blocks; summary says %d", len(blocks), sum.Blocks)
			}
			main, stale := mainChain(t, dir, blocks)
			if len(stale) == 0 {
				t.Errorf("no stale blocks")
			}
			if main[0].BlockHash() != *chaincfg.RegressionNetParams.GenesisHash {
				t.Errorf("first block is not the regtest genesis")
			}
			outs := map[wire.OutPoint]*wire.TxOut{}
			var ntx int64
			for _, b := range main {
				for _, tx := range b.Transactions {
					ntx++
					h := tx.TxHash()
					for i, o := range tx.TxOut {
						outs[wire.OutPoint{Hash: h, Index: uint32(i)}] = o
					}
				}
			}
			if ntx != sum.Transactions {
				t.Errorf("main chain has %d txs; summary says %d", ntx, sum.Transactions)
			}
			pays := readTSV(t, filepath.Join(dir, "truth", "payments.tsv"))
			invs := map[string]bool{}
			for _, p := range pays {
				invs[p["invoice_id"]] = true
			}
			if len(invs) != sum.Payments || len(pays) == 0 {
				t.Fatalf("payments.tsv has %d invoices; summary says %d", len(invs), sum.Payments)
			}
			for _, p := range pays {
				h, err := chainhash.NewHashFromStr(p["txid"])
				if err != nil {
					t.Fatal(err)
				}
				vout, _ := strconv.Atoi(p["vout"])
				o := outs[wire.OutPoint{Hash: *h, Index: uint32(vout)}]
				if o == nil {
					t.Errorf("payment %s: %s:%d not on chain", p["invoice_id"], p["txid"], vout)
					continue
				}
				sats, _ := strconv.ParseInt(p["paid_sats"], 10, 64)
				addr, err := btcutil.DecodeAddress(p["address"], &chaincfg.RegressionNetParams)
				if err != nil {
					t.Fatal(err)
				}
				script, _ := txscript.PayToAddrScript(addr)
				if o.Value != sats || !bytes.Equal(o.PkScript, script) {
					t.Errorf("payment %s: output pays %d to %x; truth says %d to %s", p["invoice_id"], o.Value, o.PkScript, sats, p["address"])
				}
			}
			// Every change output of the truth exists.
			for _, c := range readTSV(t, filepath.Join(dir, "truth", "change.tsv")) {
				h, _ := chainhash.NewHashFromStr(c["txid"])
				vout, _ := strconv.Atoi(c["vout"])
				if outs[wire.OutPoint{Hash: *h, Index: uint32(vout)}] == nil {
					t.Fatalf("change %s:%d not on chain", c["txid"], vout)
				}
			}
		})
	}
}
