package value

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
)

// Item is one paid output to value: a payment's matched output.
type Item struct {
	Evidence string        `json:"evidence_id"` // the payment's key: evidence id, source table, row
	Table    string        `json:"src_table"`
	Row      int64         `json:"src_row"`
	Seq      int           `json:"seq"` // the output's position among the payment's outputs
	Account  string        `json:"account"`
	TxID     string        `json:"txid"`
	Vout     int           `json:"vout"`
	Sats     coinsift.Sats `json:"sats"`
	Time     time.Time     `json:"block_time"`
}

// Value is an item valued in the case currency.
type Value struct {
	Item
	Currency     string        `json:"currency"`
	Minor        int64         `json:"minor"` // minor units (pence, cents), half-even rounded
	Rate         price.Decimal `json:"rate"`  // Currency per BTC
	Method       price.Method  `json:"method"`
	Source       string        `json:"source"`
	RateTime     time.Time     `json:"rate_time"`
	RateEvidence string        `json:"rate_evidence"`
	Path         string        `json:"path"`
}

// Problem is an item that could not be valued, with the reason (naming the
// dates of a gap in the price series).
type Problem struct {
	Item
	Reason string `json:"reason"`
}

// Config says how to value.
type Config struct {
	Currency  string        // ISO 4217, e.g. GBP
	Method    price.Method  // close, open, mid, vwap
	Tolerance time.Duration // widest gap accepted between block time and a bar
}

// DefaultConfig returns GBP, close, 48 hours.
func DefaultConfig() Config {
	return Config{Currency: "GBP", Method: price.MethodClose, Tolerance: 48 * time.Hour}
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	if len(c.Currency) != 3 || strings.ToUpper(c.Currency) != c.Currency {
		return fmt.Errorf("value currency %q: want an ISO 4217 code such as GBP: %w", c.Currency, coinsift.ErrInvalid)
	}
	if _, err := price.ParseMethod(string(c.Method)); err != nil {
		return err
	}
	if c.Tolerance <= 0 {
		return fmt.Errorf("value tolerance %s: must be positive: %w", c.Tolerance, coinsift.ErrInvalid)
	}
	return nil
}

// Describe names the settings, for the audit log.
func (c Config) Describe() string {
	return fmt.Sprintf("value/v1 currency=%s method=%s tolerance=%s", c.Currency, c.Method, c.Tolerance)
}

// minorDigits are the currencies whose minor unit is not a hundredth.
var minorDigits = map[string]int{"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3, "TND": 3}

// MinorDigits returns the decimal places of a currency's minor unit.
func MinorDigits(currency string) int {
	if d, ok := minorDigits[currency]; ok {
		return d
	}
	return 2
}

// Minor converts sats at rate (currency per BTC) to minor units of a
// currency with digits decimal places, exactly, rounding half to even.
func Minor(sats coinsift.Sats, rate price.Decimal, digits int) int64 {
	r := rate.Rat()
	r.Mul(r, new(big.Rat).SetInt64(int64(sats)))
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	r.Mul(r, new(big.Rat).SetFrac(scale, big.NewInt(int64(coinsift.SatsPerBTC))))
	return roundHalfEven(r)
}

func roundHalfEven(r *big.Rat) int64 {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int)) // truncated toward zero
	twice := new(big.Int).Lsh(new(big.Int).Abs(m), 1)
	switch c := twice.Cmp(r.Denom()); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q.Int64()
}

// Valuer values items with a price book. It caches rates per block time,
// so many outputs of one block cost one lookup. It is not safe for
// concurrent use.
type Valuer struct {
	book  *price.Book
	cfg   Config
	cache map[int64]rateOrErr
}

type rateOrErr struct {
	r   price.Rate
	err error
}

// NewValuer returns a Valuer for the book and settings.
func NewValuer(book *price.Book, cfg Config) (*Valuer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Valuer{book: book, cfg: cfg, cache: map[int64]rateOrErr{}}, nil
}

// Value values one item at its block time. A gap in the series wider than
// the tolerance, or no series, is an error naming the dates.
func (v *Valuer) Value(ctx context.Context, it Item) (Value, error) {
	key := it.Time.Unix()
	c, ok := v.cache[key]
	if !ok {
		c.r, c.err = v.book.Rate(ctx, "BTC", v.cfg.Currency, it.Time, v.cfg.Method, v.cfg.Tolerance)
		if c.err != nil && (errors.Is(c.err, context.Canceled) || errors.Is(c.err, context.DeadlineExceeded)) {
			return Value{}, c.err
		}
		v.cache[key] = c
	}
	if c.err != nil {
		return Value{}, fmt.Errorf("value %s:%d paid %s: %w", it.TxID, it.Vout, it.Time.Format(time.RFC3339), c.err)
	}
	r := c.r
	return Value{Item: it, Currency: v.cfg.Currency, Minor: Minor(it.Sats, r.Value, MinorDigits(v.cfg.Currency)),
		Rate: r.Value, Method: r.Method, Source: r.Source, RateTime: r.RateTime, RateEvidence: r.Evidence, Path: r.Path}, nil
}

// Run values every item; items that cannot be valued become problems and
// the run goes on. Only cancellation ends it early.
func Run(ctx context.Context, book *price.Book, items []Item, cfg Config, p coinsift.Progress) ([]Value, []Problem, error) {
	v, err := NewValuer(book, cfg)
	if err != nil {
		return nil, nil, err
	}
	if p == nil {
		p = coinsift.NopProgress{}
	}
	p.SetTotal(int64(len(items)))
	defer p.Done()
	vals := make([]Value, 0, len(items))
	var probs []Problem
	for i, it := range items {
		if i%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		val, err := v.Value(ctx, it)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			probs = append(probs, Problem{Item: it, Reason: err.Error()})
		} else {
			vals = append(vals, val)
		}
		p.Add(1)
	}
	return vals, probs, nil
}
