package blockfile_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/internal/testchain"
)

const (
	genesisHash = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
	block170    = "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee"
	tip14131    = 14131
)

// records splits blk_0_to_14131.dat into its blocks.
func records(tb testing.TB) [][]byte {
	tb.Helper()
	raw, err := os.ReadFile(testchain.Blk14131(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for pos := 0; pos+8 <= len(raw); {
		if !bytes.Equal(raw[pos:pos+4], bitcoin.MainNet.Magic[:]) {
			break
		}
		n := int(binary.LittleEndian.Uint32(raw[pos+4:]))
		out = append(out, raw[pos+8:pos+8+n])
		pos += 8 + n
	}
	return out
}

func record(magic [4]byte, blk []byte) []byte {
	b := make([]byte, 8, 8+len(blk))
	copy(b, magic[:])
	binary.LittleEndian.PutUint32(b[4:], uint32(len(blk)))
	return append(b, blk...)
}

func writeFile(tb testing.TB, dir string, n int, data []byte, key []byte) {
	tb.Helper()
	if key != nil {
		data = append([]byte(nil), data...)
		for i := range data {
			data[i] ^= key[i%8]
		}
	}
	if err := os.WriteFile(filepath.Join(dir, blkName(n)), data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func blkName(n int) string {
	return "blk" + string([]byte{'0' + byte(n/10000%10), '0' + byte(n/1000%10), '0' + byte(n/100%10), '0' + byte(n/10%10), '0' + byte(n%10)}) + ".dat"
}

func mustOpen(tb testing.TB, dir string, opts blockfile.Options) *blockfile.Dir {
	tb.Helper()
	d, err := blockfile.Open(context.Background(), dir, opts)
	if err != nil {
		tb.Fatalf("Open(%s): %v", dir, err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

func hashAt(tb testing.TB, d *blockfile.Dir, h coinsift.Height) string {
	tb.Helper()
	id, err := d.Hash(context.Background(), h)
	if err != nil {
		tb.Fatal(err)
	}
	return id.String()
}

func TestBtcdFile(t *testing.T) {
	src := testchain.Blk14131(t)
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	key := make([]byte, 8)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range key {
		key[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name string
		key  []byte
	}{
		{"plain", nil},
		{"xor", key},
		{"zero key", make([]byte, 8)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, 0, raw, tt.key)
			if tt.key != nil {
				os.WriteFile(filepath.Join(dir, "xor.dat"), tt.key, 0o644)
			}
			var q []*coinsift.InputError
			d := mustOpen(t, dir, blockfile.Options{Quarantine: func(e *coinsift.InputError) { q = append(q, e) }})
			tip, _ := d.Tip(context.Background())
			if tip != tip14131 {
				t.Errorf("tip = %d; want %d", tip, tip14131)
			}
			if d.Network() != bitcoin.MainNet {
				t.Errorf("network = %v; want mainnet", d.Network().Name)
			}
			if got := hashAt(t, d, 0); got != genesisHash {
				t.Errorf("hash(0) = %s; want %s", got, genesisHash)
			}
			if got := hashAt(t, d, 170); got != block170 {
				t.Errorf("hash(170) = %s; want %s", got, block170)
			}
			if len(q) != 0 || d.Stats().Stale != 0 {
				t.Errorf("quarantined %v, stale %d; want none (zero tail ends cleanly)", q, d.Stats().Stale)
			}
			b, err := d.Block(context.Background(), 170, nil)
			if err != nil {
				t.Fatal(err)
			}
			blk, err := bitcoin.ParseBlock(b)
			if err != nil {
				t.Fatal(err)
			}
			if blk.Hash.String() != block170 || len(blk.Txs) != 2 {
				t.Errorf("block 170: hash %s, %d txs", blk.Hash, len(blk.Txs))
			}
		})
	}
}

// TestShuffledWithForks writes the first 300 blocks in random order over
// three files, with a stale fork and an orphan, and checks that the main
// chain is recovered.
func TestShuffledWithForks(t *testing.T) {
	full := records(t)
	recs := full[:300]
	if len(recs) < 300 {
		t.Fatalf("only %d records", len(recs))
	}
	// A stale fork of 3 blocks on top of block 99 (nonce changed: no PoW, so
	// the test disables the check), and an orphan whose parent is unknown.
	fork := forkFrom(recs, 99, 3, 1)
	orphan := append([]byte(nil), recs[50]...)
	orphan[4] ^= 0xff // previous-block hash points nowhere
	all := append(append(append([][]byte{}, recs...), fork...), orphan)
	rng := rand.New(rand.NewPCG(3, 4))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	dir := t.TempDir()
	for f := 0; f < 3; f++ {
		var buf []byte
		for i := f; i < len(all); i += 3 {
			buf = append(buf, record(bitcoin.MainNet.Magic, all[i])...)
		}
		buf = append(buf, make([]byte, 1000)...) // pre-allocated zero tail
		writeFile(t, dir, f, buf, nil)
	}
	d := mustOpen(t, dir, blockfile.Options{SkipPoW: true})
	tip, _ := d.Tip(context.Background())
	st := d.Stats()
	if tip != 299 || st.Stale != 3 || st.Orphans != 1 || st.Records != 304 {
		t.Errorf("tip %d stats %+v; want tip 299, 3 stale, 1 orphan, 304 records", tip, st)
	}
	for h := 0; h < 300; h++ {
		if got, want := hashAt(t, d, coinsift.Height(h)), bitcoin.HeaderHash(recs[h]).String(); got != want {
			t.Fatalf("hash(%d) = %s; want %s", h, got, want)
		}
	}
	// A fork longer than the main chain wins: most work, not first seen.
	long := forkFrom(full, 250, 60, 2)
	dir2 := t.TempDir()
	var buf []byte
	for _, r := range append(append([][]byte{}, recs...), long...) {
		buf = append(buf, record(bitcoin.MainNet.Magic, r)...)
	}
	writeFile(t, dir2, 0, buf, nil)
	d2 := mustOpen(t, dir2, blockfile.Options{SkipPoW: true})
	tip, _ = d2.Tip(context.Background())
	if tip != 310 || d2.Stats().Stale != 49 {
		t.Errorf("tip %d, stale %d; want 310, 49", tip, d2.Stats().Stale)
	}
	if got, want := hashAt(t, d2, 310), bitcoin.HeaderHash(long[59]).String(); got != want {
		t.Errorf("tip hash %s; want %s", got, want)
	}
	// With the proof-of-work check on, the forged fork is quarantined.
	var q int
	d3 := mustOpen(t, dir2, blockfile.Options{Quarantine: func(*coinsift.InputError) { q++ }})
	if tip, _ := d3.Tip(context.Background()); tip != 299 || q != 60 {
		t.Errorf("with PoW check: tip %d, quarantined %d; want 299, 60", tip, q)
	}
}

// forkFrom builds n blocks that copy recs[parent+1...] but change the nonce
// so that they form a competing branch on top of recs[parent].
func forkFrom(recs [][]byte, parent, n int, salt byte) [][]byte {
	var out [][]byte
	prev := bitcoin.HeaderHash(recs[parent])
	for i := 0; i < n; i++ {
		b := append([]byte(nil), recs[parent+1+i]...)
		copy(b[4:36], prev[:])
		b[76] ^= salt
		b[77] ^= byte(i + 1)
		prev = bitcoin.HeaderHash(b)
		out = append(out, b)
	}
	return out
}

func TestCorruptRecords(t *testing.T) {
	recs := records(t)[:20]
	var buf []byte
	var offGarbage, offBadSize int
	for i, r := range recs {
		switch i {
		case 5:
			offGarbage = len(buf)
			buf = append(buf, []byte("garbage that is not a record")...)
		case 10:
			offBadSize = len(buf)
			bad := record(bitcoin.MainNet.Magic, nil)
			binary.LittleEndian.PutUint32(bad[4:], 0xffffffff)
			buf = append(buf, bad...)
		}
		buf = append(buf, record(bitcoin.MainNet.Magic, r)...)
	}
	offTrunc := len(buf)
	buf = append(buf, record(bitcoin.MainNet.Magic, records(t)[20])[:100]...) // truncated tail
	dir := t.TempDir()
	writeFile(t, dir, 0, buf, nil)
	var q []*coinsift.InputError
	d := mustOpen(t, dir, blockfile.Options{Quarantine: func(e *coinsift.InputError) { q = append(q, e) }})
	if tip, _ := d.Tip(context.Background()); tip != 19 {
		t.Errorf("tip = %d; want 19", tip)
	}
	wantOffs := []int64{int64(offGarbage), int64(offBadSize), int64(offTrunc)}
	if len(q) != len(wantOffs) {
		t.Fatalf("quarantined %d records (%v); want %d", len(q), q, len(wantOffs))
	}
	for i, e := range q {
		if e.Offset != wantOffs[i] || e.Source != filepath.Join(dir, "blk00000.dat") {
			t.Errorf("quarantine %d at %s:%d; want offset %d", i, e.Source, e.Offset, wantOffs[i])
		}
		if !errors.Is(e, coinsift.ErrInvalid) {
			t.Errorf("quarantine %d: %v not ErrInvalid", i, e)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	recs := records(t)[:3]
	tests := []struct {
		name  string
		setup func(dir string)
		opts  blockfile.Options
	}{
		{"no dir", func(string) {}, blockfile.Options{}},
		{"no files", func(dir string) { os.MkdirAll(dir, 0o755) }, blockfile.Options{}},
		{"wrong network", func(dir string) {
			os.MkdirAll(dir, 0o755)
			writeFile(t, dir, 0, record(bitcoin.MainNet.Magic, recs[0]), nil)
		}, blockfile.Options{Network: bitcoin.RegTest}},
		{"unknown magic", func(dir string) {
			os.MkdirAll(dir, 0o755)
			writeFile(t, dir, 0, record([4]byte{1, 2, 3, 4}, recs[0]), nil)
		}, blockfile.Options{}},
		{"bad xor key", func(dir string) {
			os.MkdirAll(dir, 0o755)
			writeFile(t, dir, 0, record(bitcoin.MainNet.Magic, recs[0]), nil)
			os.WriteFile(filepath.Join(dir, "xor.dat"), []byte{1, 2, 3}, 0o644)
		}, blockfile.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "blocks")
			tt.setup(dir)
			d, err := blockfile.Open(context.Background(), dir, tt.opts)
			if err == nil {
				d.Close()
				t.Fatalf("Open succeeded; want error")
			}
		})
	}
}
