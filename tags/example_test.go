package tags_test

import (
	"fmt"
	"strings"

	"github.com/coinsift/coinsift/tags"
)

func ExampleRead() {
	const pack = `title: Example pack
currency: BTC
category: exchange
confidence: service_data
tags:
- address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT
  label: Example exchange
- address: 0x0000000000000000000000000000000000000000
  label: Example exchange
  currency: ETH
`
	r, err := tags.Read(strings.NewReader(pack), "example.yaml", tags.Options{Evidence: "ev1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := r.Tags[0]
	fmt.Println(t.Address, t.Label, t.Category, t.Confidence, t.ConfidenceLevel, t.Row)
	fmt.Println("other currencies:", r.OtherCurrency)
	// Output:
	// 1BoatSLRHtKNngkdXEeobR76b53LETtpyT Example exchange exchange service_data 50 1
	// other currencies: map[ETH:1]
}
