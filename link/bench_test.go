package link_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
)

// BenchmarkStaticAddress links 20,000 invoices that share one static
// address: the searches by time keep it from reading every output before
// each invoice's window (0.7 s here against 10 s before).
func BenchmarkStaticAddress(b *testing.B) {
	n := 20000
	var txs []mtx
	for i := 0; i < n; i++ {
		txs = append(txs, mtx{at: at(0), out: []pay{{fmt.Sprint("c", i), 10 * btc}}})
	}
	var rows []link.Payment
	for i := 0; i < n; i++ {
		sats := coinsift.Sats(1_000_000 + (i%500)*10_000)
		created := at(time.Duration(i) * 10 * time.Minute)
		txs = append(txs, mtx{at: created.Add(5 * time.Minute), in: []ref{{i, 0}}, out: []pay{{"S", sats}, {fmt.Sprint("ch", i), 10*btc - sats - 1000}}})
		rows = append(rows, link.Payment{Key: link.Key{Evidence: "e", Table: "t", Row: int64(i + 1)}, Account: fmt.Sprint("a", i), Address: "S", Sats: sats, Vout: -1, Status: "paid", Created: created})
	}
	x := newMemChain(txs)
	b.ResetTimer()
	for range b.N {
		res, err := link.Run(context.Background(), x, rows, nil, link.DefaultConfig(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.ByStatus[link.Verified] != n {
			b.Fatalf("%v; want %d verified", res.Stats.ByStatus, n)
		}
	}
}
