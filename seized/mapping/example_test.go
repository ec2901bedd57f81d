package mapping_test

import (
	"fmt"
	"strings"

	"github.com/coinsift/coinsift/seized/mapping"
)

func ExampleRead() {
	m, err := mapping.Read(strings.NewReader(`version: 1
region: GB
tables:
  - source: topups
    target: payments
    columns:
      account_key: {column: member_id}
      amount: {column: btc_sats, unit: sats}
      created_at: {column: created, unit: epoch_s}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Tables[0].Target, m.Tables[0].Columns["amount"].Unit)
	// Output: payments sats
}
