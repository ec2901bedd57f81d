package price

import (
	"fmt"
	"math/big"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Scale is the number of fractional digits every Decimal keeps: prices are
// stored as DECIMAL(38,12).
const Scale = 12

// maxDigits caps the integer digits of a parsed decimal so that it fits
// DECIMAL(38,12) (26 integer digits).
const maxDigits = 38 - Scale

var scaleFactor = new(big.Int).Exp(big.NewInt(10), big.NewInt(Scale), nil)

// Decimal is an exact decimal number with Scale fractional digits. The zero
// value is "absent" (SQL NULL); Valid reports whether a value is present.
// Decimals are immutable.
type Decimal struct {
	v *big.Int // units of 10^-Scale; nil: absent
}

// ParseDecimal parses a plain decimal string ("123", "-0.5", "1.25e3" is
// refused) exactly. Digits beyond Scale fractional places are rounded half
// away from zero; that is the only rounding a parsed value ever sees.
func ParseDecimal(s string) (Decimal, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" && frac == "" {
		return Decimal{}, fmt.Errorf("decimal %q: empty: %w", trunc(s), coinsift.ErrInvalid)
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return Decimal{}, fmt.Errorf("decimal %q: not a decimal number: %w", trunc(s), coinsift.ErrInvalid)
			}
		}
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > maxDigits {
		return Decimal{}, fmt.Errorf("decimal %q: more than %d integer digits: %w", trunc(s), maxDigits, coinsift.ErrInvalid)
	}
	roundUp := false
	if len(frac) > Scale {
		roundUp = frac[Scale] >= '5'
		frac = frac[:Scale]
	}
	digits := whole + frac + strings.Repeat("0", Scale-len(frac))
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return Decimal{}, fmt.Errorf("decimal %q: %w", trunc(s), coinsift.ErrInvalid)
	}
	if roundUp {
		v.Add(v, big.NewInt(1))
	}
	if neg {
		v.Neg(v)
	}
	return Decimal{v: v}, nil
}

// MustDecimal is ParseDecimal for constants in tests and examples; it panics
// on a malformed string.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalFromRat rounds r half away from zero to Scale fractional digits.
func DecimalFromRat(r *big.Rat) Decimal {
	n := new(big.Int).Mul(r.Num(), scaleFactor)
	d := r.Denom()
	q, m := new(big.Int).QuoRem(n, d, new(big.Int))
	// Round half away from zero: compare 2|m| with d.
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(d) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{v: q}
}

// Valid reports whether d holds a value.
func (d Decimal) Valid() bool { return d.v != nil }

// Sign returns -1, 0 or +1; an absent decimal has sign 0.
func (d Decimal) Sign() int {
	if d.v == nil {
		return 0
	}
	return d.v.Sign()
}

// Cmp compares two present decimals as big.Int.Cmp does.
func (d Decimal) Cmp(e Decimal) int { return d.units().Cmp(e.units()) }

func (d Decimal) units() *big.Int {
	if d.v == nil {
		return new(big.Int)
	}
	return d.v
}

// Units returns a copy of d's value in units of 10^-Scale.
func (d Decimal) Units() *big.Int { return new(big.Int).Set(d.units()) }

// Rat returns d as an exact rational.
func (d Decimal) Rat() *big.Rat { return new(big.Rat).SetFrac(d.units(), scaleFactor) }

// String formats d without trailing fractional zeros ("25915.808594");
// an absent decimal formats as "".
func (d Decimal) String() string {
	if d.v == nil {
		return ""
	}
	u := new(big.Int).Abs(d.v).String()
	if len(u) <= Scale {
		u = strings.Repeat("0", Scale-len(u)+1) + u
	}
	whole, frac := u[:len(u)-Scale], strings.TrimRight(u[len(u)-Scale:], "0")
	s := whole
	if frac != "" {
		s += "." + frac
	}
	if d.v.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// MarshalJSON writes d as a JSON string, so that no reader turns it into a
// float; an absent decimal is null.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d.v == nil {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads a JSON string or number exactly.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		*d = Decimal{}
		return nil
	}
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
