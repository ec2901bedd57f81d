package price_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coinsift/coinsift/price"
)

func ExampleBook_Rate() {
	const yahoo = `Date,Open,High,Low,Close,Adj Close,Volume
2021-06-01,37293.792969,37896.734375,35787.085938,36684.925781,36684.925781,34639423297
`
	const ecb = `Date,USD,GBP,
2021-06-01,1.2225,0.86285,
`
	book := price.NewBook()
	for name, data := range map[string]string{"BTC-USD.csv": yahoo, "eurofxref-hist.csv": ecb} {
		r, err := price.NewReader(strings.NewReader(data), name, price.Options{Evidence: "ev-" + name})
		if err != nil {
			fmt.Println(err)
			return
		}
		for {
			p, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				fmt.Println(err)
				return
			}
			book.Add(p)
		}
	}
	at := time.Date(2021, 6, 1, 14, 30, 0, 0, time.UTC)
	r, err := book.Rate(context.Background(), "BTC", "GBP", at, price.MethodClose, 72*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Value)
	fmt.Println(r.Path)
	// Output:
	// 25892.505693362658
	// BTC/USD (BTC-USD.csv) × USD/EUR (eurofxref-hist.csv) × EUR/GBP (eurofxref-hist.csv) via USD, EUR
}

func ExampleSniff() {
	f, err := price.Sniff([]byte("unix,date,symbol,open,high,low,close,Volume BTC,Volume USD\n"))
	fmt.Println(f, err)
	// Output: bitstamp <nil>
}
