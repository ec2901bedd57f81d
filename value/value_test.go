package value_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
	"github.com/coinsift/coinsift/value"
)

func TestMinor(t *testing.T) {
	tests := []struct {
		name   string
		sats   coinsift.Sats
		rate   string
		digits int
		want   int64
	}{
		{"one btc", 100_000_000, "30000.00", 2, 3_000_000},
		{"exact", 1_000_000, "12345.67", 2, 12346},      // 123.4567 → 123.46
		{"half to even down", 50, "1000000", 2, 50},     // 0.5 pence → … 50 × 1e6 / 1e8 × 100 = 50
		{"half to even, .5 down", 1, "50000000", 2, 50}, // exactly 0.50 GBP → 50
		{"half even", 5, "100", 2, 0},                   // 0.000005 → 0
		{"half exactly even", 1_000, "50", 2, 0},        // 0.0005 GBP = 0.05 p → 0
		{"half exactly odd", 1_500_000, "1", 2, 2},      // 1.5 p → 2
		{"half exactly even 2", 2_500_000, "1", 2, 2},   // 2.5 p → 2
		{"yen", 100_000_000, "4000000.5", 0, 4_000_000}, // .5 → even
		{"rate with 12 places", 123_456_789, "23456.123456789012", 2, 2_895_818},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := value.Minor(tt.sats, price.MustDecimal(tt.rate), tt.digits); got != tt.want {
				t.Errorf("Minor(%d, %s, %d) = %d; want %d", tt.sats, tt.rate, tt.digits, got, tt.want)
			}
		})
	}
}

func book(t *testing.T) *price.Book {
	t.Helper()
	b := price.NewBook()
	day := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		b.Add(price.Point{Base: "BTC", Quote: "GBP", Source: "test", Evidence: "ev1", Row: int64(i + 1),
			Time: day.Add(time.Duration(i) * 24 * time.Hour), Interval: 24 * time.Hour,
			Open: price.MustDecimal("35000"), Close: price.MustDecimal("36000")})
	}
	b.Add(price.Point{Base: "BTC", Quote: "GBP", Source: "test", Evidence: "ev1", Row: 9,
		Time: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), Interval: 24 * time.Hour,
		Open: price.MustDecimal("25000"), Close: price.MustDecimal("26000")})
	b.Freeze()
	return b
}

func TestRunGapIsAProblem(t *testing.T) {
	items := []value.Item{
		{Evidence: "e", Table: "invoices", Row: 1, TxID: "aa", Sats: 1_000_000, Time: time.Date(2021, 3, 2, 12, 0, 0, 0, time.UTC)},
		{Evidence: "e", Table: "invoices", Row: 2, TxID: "bb", Sats: 1_000_000, Time: time.Date(2021, 4, 15, 12, 0, 0, 0, time.UTC)},
	}
	vals, probs, err := value.Run(context.Background(), book(t), items, value.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vals) != 1 || vals[0].Minor != 36000 || vals[0].RateEvidence != "ev1" || vals[0].Method != price.MethodClose {
		t.Errorf("values = %+v; want one of 36000 pence at close from ev1", vals)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Reason, "2021-04-15") {
		t.Errorf("problems = %+v; want one naming 2021-04-15", probs)
	}
}

func TestConfigValidate(t *testing.T) {
	bad := value.DefaultConfig()
	bad.Currency = "gbp"
	if err := bad.Validate(); !errors.Is(err, coinsift.ErrInvalid) {
		t.Errorf("Validate(gbp) = %v; want ErrInvalid", err)
	}
}
