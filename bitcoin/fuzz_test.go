package bitcoin_test

import (
	"testing"

	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/internal/testchain"
)

// FuzzParseBlock checks that hostile block bytes never panic and that a
// successfully parsed block is internally consistent.
func FuzzParseBlock(f *testing.F) {
	for _, rb := range testchain.RealBlocks(f) {
		if len(rb.Raw) < 20_000 {
			f.Add(rb.Raw)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > bitcoin.MaxBlockSize {
			t.Skip()
		}
		blk, err := bitcoin.ParseBlock(b)
		if err != nil {
			return
		}
		total := 80
		for i := range blk.Txs {
			total += blk.Txs[i].Size()
			for _, o := range blk.Txs[i].Outputs {
				s := bitcoin.Classify(o.Script)
				if p, _, ok := bitcoin.PayloadOf(s); ok {
					if str, err := p.Encode(bitcoin.MainNet); err == nil {
						if q, err := bitcoin.DecodeAddress(str, bitcoin.MainNet); err != nil || !q.Equal(p) {
							t.Fatalf("address %s does not round-trip: %v", str, err)
						}
					}
				}
			}
			_ = blk.Txs[i].WTxID()
		}
		if total > len(b) {
			t.Fatalf("txs cover %d bytes of %d", total, len(b))
		}
	})
}

// FuzzParseTx checks single-transaction parsing.
func FuzzParseTx(f *testing.F) {
	for _, rb := range testchain.RealBlocks(f) {
		blk, err := bitcoin.ParseBlock(rb.Raw)
		if err != nil {
			f.Fatal(err)
		}
		for i := 0; i < len(blk.Txs) && i < 3; i++ {
			f.Add(blk.Txs[i].Raw)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tx, n, err := bitcoin.ParseTx(b)
		if err != nil {
			return
		}
		if n != tx.Size() || n > len(b) || tx.BaseSize() > n {
			t.Fatalf("sizes inconsistent: n=%d size=%d base=%d len=%d", n, tx.Size(), tx.BaseSize(), len(b))
		}
		for i := range tx.Inputs {
			tx.Inputs[i].WitnessItems()
		}
	})
}
