package bitcoin_test

import (
	"bytes"
	"testing"

	"github.com/btcsuite/btcd/wire"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/internal/testchain"
)

// BenchmarkParse compares parsing plus txid computation of the real blocks
// by this package and by btcd's wire.MsgBlock.Deserialize + TxHash, on the
// same bytes. Compare the MB/s and tx/s columns.
func BenchmarkParse(b *testing.B) {
	blocks := testchain.RealBlocks(b)
	var size, ntx int64
	for _, rb := range blocks {
		size += int64(len(rb.Raw))
		blk, err := bitcoin.ParseBlock(rb.Raw)
		if err != nil {
			b.Fatal(err)
		}
		ntx += int64(len(blk.Txs))
	}
	b.Run("coinsift", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		var blk bitcoin.Block
		for b.Loop() {
			for _, rb := range blocks {
				if err := blk.Parse(rb.Raw); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(ntx)*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
	})
	b.Run("btcd", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, rb := range blocks {
				var mb wire.MsgBlock
				if err := mb.Deserialize(bytes.NewReader(rb.Raw)); err != nil {
					b.Fatal(err)
				}
				for _, tx := range mb.Transactions {
					_ = tx.TxHash()
				}
			}
		}
		b.ReportMetric(float64(ntx)*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
	})
}

func BenchmarkClassify(b *testing.B) {
	blk, err := bitcoin.ParseBlock(testchain.RealBlocks(b)[18].Raw)
	if err != nil {
		b.Fatal(err)
	}
	var scripts [][]byte
	for _, tx := range blk.Txs {
		for _, o := range tx.Outputs {
			scripts = append(scripts, o.Script)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range scripts {
			bitcoin.Classify(s)
		}
	}
}
