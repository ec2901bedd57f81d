package price_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coinsift/coinsift/price"
)

func benchFile(b *testing.B, rel string) {
	data, err := os.ReadFile(filepath.Join(dataDir(b), rel))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var rows int64
	for b.Loop() {
		r, err := price.NewReader(bytes.NewReader(data), filepath.Base(rel), price.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows++
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "points/s")
}

func BenchmarkReadOHLC(b *testing.B) { benchFile(b, "cablej-ransomwhere/BTC-USD.csv") }
func BenchmarkReadECB(b *testing.B)  { benchFile(b, "ecb/eurofxref-hist.csv") }
func BenchmarkReadWide(b *testing.B) {
	benchFile(b, "typedcypher-historical-bitcoin-prices/daily_bitcoin_prices.csv")
}
