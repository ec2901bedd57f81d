package price

import (
	"errors"
	"fmt"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// Errors callers branch on.
var (
	// ErrGap reports that no rate lies within the tolerance of the
	// requested time; the message names the nearest dates available.
	ErrGap = errors.New("price: gap in series")
	// ErrNoSeries reports that no series (direct or cross) connects the pair.
	ErrNoSeries = errors.New("price: no series for pair")
	// ErrMethod reports that the series lacks the field a method needs
	// (open, high/low or volume).
	ErrMethod = errors.New("price: method not available for series")
	// ErrFormat reports an unrecognised or unsupported file format.
	ErrFormat = errors.New("price: unrecognised format")
)

// Day is the interval of a daily bar.
const Day = 24 * time.Hour

// Point is one observation of a price series: a bar (Interval > 0) covering
// [Time, Time+Interval), or an instant quote (Interval == 0). Prices are in
// units of Quote per one unit of Base. Absent fields are invalid Decimals;
// a price-only source (ECB, CoinGecko, plain) sets Close only.
type Point struct {
	Time     time.Time     `json:"time"` // UTC; start of the bar
	Interval time.Duration `json:"interval"`
	Base     string        `json:"base"`  // e.g. "BTC"
	Quote    string        `json:"quote"` // e.g. "GBP"
	Open     Decimal       `json:"open"`
	High     Decimal       `json:"high"`
	Low      Decimal       `json:"low"`
	Close    Decimal       `json:"close"`
	Volume   Decimal       `json:"volume"` // in units of Base, when known
	Source   string        `json:"source"`
	Evidence string        `json:"evidence,omitempty"`
	Row      int64         `json:"row"` // 1-based line of the source file; 0 if unknown
}

// Pair returns "BASE/QUOTE".
func (p Point) Pair() string { return p.Base + "/" + p.Quote }

// ParsePair parses "BTC/GBP", "BTC-GBP" or "BTC_GBP" into upper-case codes.
// XBT is read as BTC, as Kraken writes it.
func ParsePair(s string) (base, quote string, err error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	var ok bool
	for _, sep := range []string{"/", "-", "_"} {
		if base, quote, ok = strings.Cut(t, sep); ok {
			break
		}
	}
	if !ok || !isCode(base) || !isCode(quote) {
		return "", "", fmt.Errorf("pair %q: want BASE/QUOTE such as BTC/GBP: %w", trunc(s), coinsift.ErrInvalid)
	}
	return normCode(base), normCode(quote), nil
}

func normCode(c string) string {
	c = strings.ToUpper(c)
	if c == "XBT" {
		return "BTC"
	}
	return c
}

// isCode reports whether s looks like a currency or asset code: 2 to 10
// letters or digits.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// isISO reports whether s is three upper-case letters.
func isISO(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
