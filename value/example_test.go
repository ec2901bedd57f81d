package value_test

import (
	"fmt"

	"github.com/coinsift/coinsift/price"
	"github.com/coinsift/coinsift/value"
)

func ExampleMinor() {
	// 0.01234567 BTC at £23,456.78 per BTC, in pence, half to even.
	fmt.Println(value.Minor(1_234_567, price.MustDecimal("23456.78"), value.MinorDigits("GBP")))
	// Output: 28959
}
