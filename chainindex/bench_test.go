package chainindex_test

import (
	"context"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/testchain"
)

// BenchmarkImportBtcdFile imports blocks 0–14131 from a blocks directory.
func BenchmarkImportBtcdFile(b *testing.B) {
	src := openSource(b, filepath.Dir(linkBlk(b)), false)
	tip, _ := src.Tip(context.Background())
	var size int64
	for h := coinsift.Height(0); h <= tip; h++ {
		size += int64(src.BlockSize(h))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		mustImport(b, b.TempDir(), src, chainindex.Options{})
	}
	b.ReportMetric(float64(tip+1)*float64(b.N)/b.Elapsed().Seconds(), "blocks/s")
}

// memSource serves the real 2010–2022 blocks n times over as one chain
// (heights are positions; spends of outputs outside the set are quarantined).
type memSource struct{ blocks [][]byte }

func (m *memSource) Network() *bitcoin.Params { return bitcoin.MainNet }
func (m *memSource) Tip(context.Context) (coinsift.Height, error) {
	return coinsift.Height(len(m.blocks) - 1), nil
}
func (m *memSource) Hash(_ context.Context, h coinsift.Height) (coinsift.TxID, error) {
	id := bitcoin.HeaderHash(m.blocks[h])
	id[0] ^= byte(h) // distinct per height
	return id, nil
}
func (m *memSource) Block(_ context.Context, h coinsift.Height, _ []byte) ([]byte, error) {
	return m.blocks[h], nil
}
func (m *memSource) Source() string                  { return "memory" }
func (m *memSource) BlockSize(h coinsift.Height) int { return len(m.blocks[h]) }

// BenchmarkImportRealBlocks imports the 19 real 2010–2022 blocks (16 MB,
// ~20k transactions with SegWit and Taproot) three times over.
func BenchmarkImportRealBlocks(b *testing.B) {
	var src memSource
	var size int64
	for i := 0; i < 3; i++ {
		for _, rb := range testchain.RealBlocks(b) {
			src.blocks = append(src.blocks, rb.Raw)
			size += int64(len(rb.Raw))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chainindex.Import(context.Background(), b.TempDir(), &src, chainindex.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
