package blockfile_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
)

// FuzzBlockfile feeds arbitrary bytes as blk00000.dat and checks that the
// scan never panics and that every main-chain block it returns is in range.
func FuzzBlockfile(f *testing.F) {
	recs := records(f)
	var seed []byte
	for _, r := range recs[:5] {
		seed = append(seed, record(bitcoin.MainNet.Magic, r)...)
	}
	f.Add(seed, false)
	f.Add(append(seed[:len(seed)-10:len(seed)-10], make([]byte, 64)...), true)
	f.Fuzz(func(t *testing.T, b []byte, xor bool) {
		if len(b) > 1<<20 {
			t.Skip()
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "blk00000.dat"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if xor {
			os.WriteFile(filepath.Join(dir, "xor.dat"), []byte{1, 2, 3, 4, 5, 6, 7, 8}, 0o644)
		}
		d, err := blockfile.Open(context.Background(), dir, blockfile.Options{SkipPoW: true})
		if err != nil {
			return
		}
		defer d.Close()
		tip, _ := d.Tip(context.Background())
		for h := int32(0); h <= int32(tip); h++ {
			blk, err := d.Block(context.Background(), bitcoinHeight(h), nil)
			if err != nil || len(blk) < bitcoin.HeaderSize {
				t.Fatalf("Block(%d) = %d bytes, %v", h, len(blk), err)
			}
			bitcoin.ParseBlock(blk)
		}
		d.Stale()
	})
}
