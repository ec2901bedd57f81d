package seized_test

import (
	"testing"

	"github.com/coinsift/coinsift/seized"
)

func TestClosest(t *testing.T) {
	cols := []string{"id", "user_id", "btc_address", "created_at", "paid_at", "txid"}
	tests := []struct {
		name string
		want string
	}{
		{"btc_adress", "btc_address"},  // one deletion
		{"BTC_ADDRESS", "btc_address"}, // case is ignored
		{"user_ID", "user_id"},
		{"creatd_at", "created_at"},
		{"txd", "txid"},
		{"amount", ""},               // nothing close
		{"x", ""},                    // "id" is 2 edits from a 1-letter name
		{"paid", ""},                 // "paid_at" is 3 edits away, more than a third of its 7 letters
		{"tx_hash", ""},              // another name, not a typo
		{"updated_at", "created_at"}, // 3 edits in 10 letters
	}
	for _, tc := range tests {
		if got := seized.Closest(tc.name, cols); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
