package price_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
)

// FuzzReader feeds arbitrary bytes to every format: the reader must not
// panic, must end, and may only return row errors or sticky errors.
func FuzzReader(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil && len(b) < 64<<10 {
			f.Add(b, uint8(0))
		}
	}
	f.Add([]byte(`{"prices":[[1622505600000,26098.99],[1,2e3]]}`), uint8(6))
	f.Add([]byte("1622505600,1,2,0.5,1.5,10,3\n"), uint8(4))
	f.Fuzz(func(t *testing.T, data []byte, fi uint8) {
		if len(data) > 1<<20 {
			t.Skip()
		}
		o := price.Options{Pair: "BTC/GBP", MaxRows: 10_000}
		if int(fi) <= len(price.Formats) && fi > 0 {
			o.Format = price.Formats[fi-1]
		}
		r, err := price.NewReader(bytes.NewReader(data), "fuzz.csv", o)
		if err != nil {
			return
		}
		for i := 0; i < 100_000; i++ {
			p, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var ie *coinsift.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error %v is not an InputError", err)
				}
				if r.Err() != nil {
					return
				}
				continue
			}
			if !p.Close.Valid() || p.Close.Sign() <= 0 {
				t.Fatalf("point with close %q", p.Close)
			}
		}
		t.Fatal("reader did not end")
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-1.5", "25915.808594", "1e3", ".5", "123456789012345678901234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := price.ParseDecimal(s)
		if err != nil {
			return
		}
		e, err := price.ParseDecimal(d.String())
		if err != nil || e.Cmp(d) != 0 {
			t.Fatalf("round trip %q → %q → %v, %v", s, d, e, err)
		}
	})
}
