package chainindex_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

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
	var out string
	for b.Loop() {
		out = b.TempDir()
		mustImport(b, out, src, chainindex.Options{})
	}
	b.ReportMetric(float64(tip+1)*float64(b.N)/b.Elapsed().Seconds(), "blocks/s")
	reportSize(b, out)
}

// memSource serves the real 2010–2022 blocks n times over as one chain
// (heights are positions; spends of outputs outside the set are quarantined).
// Call link after filling blocks.
type memSource struct{ blocks [][]byte }

// link copies the blocks and rewrites each header's previous-block hash to
// the block before it, so that they form a chain.
func (m *memSource) link() {
	for h := range m.blocks {
		b := append([]byte(nil), m.blocks[h]...)
		if h > 0 {
			prev := bitcoin.HeaderHash(m.blocks[h-1])
			copy(b[4:36], prev[:])
		}
		m.blocks[h] = b
	}
}

func (m *memSource) Network() *bitcoin.Params { return bitcoin.MainNet }
func (m *memSource) Tip(context.Context) (coinsift.Height, error) {
	return coinsift.Height(len(m.blocks) - 1), nil
}
func (m *memSource) Hash(_ context.Context, h coinsift.Height) (coinsift.TxID, error) {
	return bitcoin.HeaderHash(m.blocks[h]), nil
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
	src.link()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chainindex.Import(context.Background(), b.TempDir(), &src, chainindex.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDir imports the blocks directory named by
// COINSIFT_BENCH_BLOCKS (e.g. a synthetic chain from TestSynthChain, with
// proof of work unchecked) into a fresh index under TMPDIR.
func BenchmarkImportDir(b *testing.B) {
	dir := os.Getenv("COINSIFT_BENCH_BLOCKS")
	if dir == "" {
		b.Skip("set COINSIFT_BENCH_BLOCKS=DIR")
	}
	src := openSource(b, dir, true)
	tip, _ := src.Tip(context.Background())
	var size int64
	for h := coinsift.Height(0); h <= tip; h++ {
		size += int64(src.BlockSize(h))
	}
	b.SetBytes(size)
	var out string
	cpu0 := cpuTime()
	for b.Loop() {
		out = b.TempDir()
		mustImport(b, out, src, chainindex.Options{})
	}
	// CPU time varies far less than wall time on a shared VM, and the
	// import is CPU-bound: compare binaries by it as well.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/(float64(size)/1e9), "cpu-s/GB")
	b.ReportMetric(float64(tip+1)*float64(b.N)/b.Elapsed().Seconds(), "blocks/s")
	reportSize(b, out)
}

// cpuTime returns the process's user plus system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// coreFiles hold the transaction graph itself, what BlockSci's ~20 bytes
// per input+output count: transaction records, inputs, outputs and
// spenders, without txids, address strings and lookup structures.
var coreFiles = []string{"txs.col", "inputs.col", "seqx.col", "outputs.col", "spenders.col"}

// reportSize reports the index in dir in bytes per input+output, all of
// it (B/io) and its transaction graph only (core-B/io), and the process's
// peak RSS (mapped block files included).
func reportSize(b *testing.B, dir string) {
	x := mustOpen(b, dir)
	c := x.Counts()
	x.Close()
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var all, core int64
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		all += fi.Size()
		if slices.Contains(coreFiles, e.Name()) {
			core += fi.Size()
		}
	}
	io := float64(c.Inputs + c.Outputs)
	b.ReportMetric(float64(all)/io, "B/io")
	b.ReportMetric(float64(core)/io, "core-B/io")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}
