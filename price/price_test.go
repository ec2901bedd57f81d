package price_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
)

// dataDir is ../shared/data/prices relative to the repository root.
func dataDir(tb testing.TB) string {
	tb.Helper()
	d := filepath.Join("..", "..", "shared", "data", "prices")
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("real price files absent (%s): %v", d, err)
	}
	return d
}

// readAll reads every point of path, failing on any row error.
func readAll(tb testing.TB, path string, o price.Options) []price.Point {
	tb.Helper()
	r, err := price.Open(path, o)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	defer r.Close()
	var out []price.Point
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatalf("Next(%s): %v", path, err)
		}
		out = append(out, p)
	}
}

func mustBook(tb testing.TB, files map[string]price.Options) *price.Book {
	tb.Helper()
	b := price.NewBook()
	for path, o := range files {
		for _, p := range readAll(tb, path, o) {
			b.Add(p)
		}
	}
	return b
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestRealFiles(t *testing.T) {
	d := dataDir(t)
	tests := []struct {
		file       string
		opts       price.Options
		format     price.Format
		minPoints  int
		pair       string
		date       string
		wantClose  string
		wantOpen   string
		wantVolume string
	}{
		{"penguinpoweredapps-cryptodata/BTC-GBP.csv", price.Options{}, price.FormatOHLC, 3000, "BTC/GBP", "2021-06-01", "25915.808594", "26213.171875", "24470778112"},
		{"cablej-ransomwhere/BTC-USD.csv", price.Options{}, price.FormatOHLC, 4000, "BTC/USD", "2021-06-01", "36684.925781", "37293.792969", "34639423297"},
		{"typedcypher-historical-bitcoin-prices/daily_bitcoin_prices.csv", price.Options{}, price.FormatWide, 60000, "BTC/GBP", "2021-06-01", "26098.99", "", ""},
		{"ecb/eurofxref-hist.csv", price.Options{}, price.FormatECB, 100000, "EUR/GBP", "2021-06-01", "0.86285", "", ""},
		{"ecb/eurofxref-hist.zip", price.Options{}, price.FormatECB, 100000, "EUR/USD", "2021-06-01", "1.2225", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(d, tt.file)
			r, err := price.Open(path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if r.Format() != tt.format {
				t.Errorf("Format() = %q; want %q", r.Format(), tt.format)
			}
			r.Close()
			pts := readAll(t, path, tt.opts)
			if len(pts) < tt.minPoints {
				t.Errorf("read %d points; want at least %d", len(pts), tt.minPoints)
			}
			var found bool
			for _, p := range pts {
				if p.Pair() != tt.pair || !p.Time.Equal(day(tt.date)) {
					continue
				}
				found = true
				if got := p.Close.String(); got != tt.wantClose {
					t.Errorf("close %s %s = %s; want %s", tt.pair, tt.date, got, tt.wantClose)
				}
				if got := p.Open.String(); got != tt.wantOpen {
					t.Errorf("open %s %s = %s; want %s", tt.pair, tt.date, got, tt.wantOpen)
				}
				if got := p.Volume.String(); got != tt.wantVolume {
					t.Errorf("volume %s %s = %s; want %s", tt.pair, tt.date, got, tt.wantVolume)
				}
				if p.Row <= 1 {
					t.Errorf("row = %d; want the file line", p.Row)
				}
			}
			if !found {
				t.Errorf("no %s point on %s", tt.pair, tt.date)
			}
		})
	}
}

func TestRateDirectExact(t *testing.T) {
	d := dataDir(t)
	b := mustBook(t, map[string]price.Options{
		filepath.Join(d, "penguinpoweredapps-cryptodata/BTC-GBP.csv"): {Source: "yahoo-penguin", Evidence: "ev1"},
	})
	ctx := context.Background()
	tests := []struct {
		method price.Method
		at     time.Time
		want   string
	}{
		{price.MethodClose, day("2021-06-01"), "25915.808594"},
		{price.MethodClose, day("2021-06-01").Add(23 * time.Hour), "25915.808594"},
		{price.MethodOpen, day("2021-06-01").Add(time.Hour), "26213.171875"},
		{price.MethodMid, day("2021-06-01"), "26064.4902345"},
		// One daily bar: vwap is its typical price (H+L+C)/3.
		{price.MethodVWAP, day("2021-06-01"), "25940.591797"},
	}
	for _, tt := range tests {
		r, err := b.Rate(ctx, "BTC", "GBP", tt.at, tt.method, 0)
		if err != nil {
			t.Fatalf("Rate(%s, %s): %v", tt.at, tt.method, err)
		}
		if r.Value.String() != tt.want {
			t.Errorf("Rate(%s, %s) = %s; want %s", tt.at, tt.method, r.Value, tt.want)
		}
		if r.Source != "yahoo-penguin" || r.Evidence != "ev1" || !r.RateTime.Equal(day("2021-06-01")) || len(r.Legs) != 1 {
			t.Errorf("Rate provenance = %+v", r)
		}
	}
	// The inverse pair uses the same series.
	r, err := b.Rate(ctx, "GBP", "BTC", day("2021-06-01"), price.MethodClose, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := price.DecimalFromRat(new(big.Rat).Inv(price.MustDecimal("25915.808594").Rat())); r.Value.Cmp(want) != 0 || !r.Legs[0].Inverted {
		t.Errorf("GBP/BTC = %s (inverted %v); want %s", r.Value, r.Legs[0].Inverted, want)
	}
}

func TestRateCrossThroughECB(t *testing.T) {
	d := dataDir(t)
	direct := mustBook(t, map[string]price.Options{
		filepath.Join(d, "penguinpoweredapps-cryptodata/BTC-GBP.csv"): {Source: "penguin"},
	})
	cross := mustBook(t, map[string]price.Options{
		filepath.Join(d, "cablej-ransomwhere/BTC-USD.csv"): {Source: "cablej"},
		filepath.Join(d, "ecb/eurofxref-hist.zip"):         {Source: "ecb"},
	})
	ctx := context.Background()
	for _, date := range []string{"2017-12-15", "2019-03-01", "2021-06-01", "2022-11-03"} {
		dr, err := direct.Rate(ctx, "BTC", "GBP", day(date), price.MethodClose, 0)
		if err != nil {
			t.Fatal(err)
		}
		cr, err := cross.Rate(ctx, "BTC", "GBP", day(date), price.MethodClose, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(cr.Legs) != 3 || !strings.Contains(cr.Path, "via USD, EUR") {
			t.Errorf("%s: path = %q; want 3 legs via USD, EUR", date, cr.Path)
		}
		diff := new(big.Rat).Sub(cr.Value.Rat(), dr.Value.Rat())
		diff.Abs(diff).Quo(diff, dr.Value.Rat())
		if diff.Cmp(big.NewRat(5, 1000)) > 0 {
			f, _ := diff.Float64()
			t.Errorf("%s: cross %s vs direct %s differ by %.3f%%; want ≤ 0.5%%", date, cr.Value, dr.Value, 100*f)
		}
	}
	// 2021-06-01: 36684.925781 × 0.86285 / 1.2225 exactly, rounded once.
	cr, _ := cross.Rate(ctx, "BTC", "GBP", day("2021-06-01"), price.MethodClose, 0)
	want := new(big.Rat).Mul(price.MustDecimal("36684.925781").Rat(), price.MustDecimal("0.86285").Rat())
	want.Quo(want, price.MustDecimal("1.2225").Rat())
	if cr.Value.Cmp(price.DecimalFromRat(want)) != 0 {
		t.Errorf("cross 2021-06-01 = %s; want %s", cr.Value, price.DecimalFromRat(want))
	}
	if cr.Legs[1].Method != price.MethodPrice || !cr.Legs[1].Inverted {
		t.Errorf("USD/EUR leg = %+v; want ECB EUR/USD inverted, method price", cr.Legs[1])
	}
}

func TestRateGap(t *testing.T) {
	b := price.NewBook()
	for _, s := range []string{"2021-05-20", "2021-09-01"} {
		b.Add(price.Point{Time: day(s), Interval: price.Day, Base: "BTC", Quote: "GBP", Close: price.MustDecimal("1"), Source: "s"})
	}
	ctx := context.Background()
	_, err := b.Rate(ctx, "BTC", "GBP", day("2021-06-01"), price.MethodClose, 72*time.Hour)
	if !errors.Is(err, price.ErrGap) {
		t.Fatalf("Rate in gap: err = %v; want ErrGap", err)
	}
	for _, want := range []string{"2021-06-01", "2021-05-20", "2021-09-01"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("gap error %q does not name %s", err, want)
		}
	}
	// Within tolerance: the nearest bar.
	r, err := b.Rate(ctx, "BTC", "GBP", day("2021-05-22"), price.MethodClose, 48*time.Hour)
	if err != nil || !r.RateTime.Equal(day("2021-05-20")) {
		t.Errorf("Rate near bar = %v, %v; want the 2021-05-20 bar", r.RateTime, err)
	}
	// A direct pair with a gap never falls back to a cross rate.
	b.Add(price.Point{Time: day("2021-06-01"), Base: "BTC", Quote: "USD", Close: price.MustDecimal("2"), Source: "s"})
	b.Add(price.Point{Time: day("2021-06-01"), Base: "USD", Quote: "GBP", Close: price.MustDecimal("0.7"), Source: "s"})
	if _, err := b.Rate(ctx, "BTC", "GBP", day("2021-06-01"), price.MethodClose, time.Hour); !errors.Is(err, price.ErrGap) {
		t.Errorf("direct gap with cross available: err = %v; want ErrGap", err)
	}
	if _, err := b.Rate(ctx, "BTC", "JPY", day("2021-06-01"), price.MethodClose, time.Hour); !errors.Is(err, price.ErrNoSeries) {
		t.Errorf("unknown pair: err = %v; want ErrNoSeries", err)
	}
	// Method needs a field the source lacks.
	b.Add(price.Point{Time: day("2021-06-01"), Interval: price.Day, Base: "BTC", Quote: "CHF", Open: price.MustDecimal("1"), Close: price.MustDecimal("1"), Source: "s"})
	if _, err := b.Rate(ctx, "BTC", "CHF", day("2021-06-01"), price.MethodVWAP, 0); !errors.Is(err, price.ErrMethod) {
		t.Errorf("vwap without volume: err = %v; want ErrMethod", err)
	}
}

func TestReaderFormats(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      string
		opts    price.Options
		format  price.Format
		points  int
		badRows []int64
		first   string // pair close time
	}{
		{"yahoo null row", "BTC-GBP.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-01,1,2,0.5,1.5,1.5,10\n2020-01-02,null,null,null,null,null,null\n2020-01-03,1,2,0.5,x,1,1\n",
			price.Options{}, price.FormatOHLC, 1, []int64{3, 4}, "BTC/GBP 1.5 2020-01-01T00:00:00Z"},
		{"coinmarketcap semicolons", "cmc.csv", "timeOpen;timeClose;timeHigh;timeLow;name;open;high;low;close;volume;marketCap;timestamp\n\"2021-06-01T00:00:00.000Z\";\"2021-06-01T23:59:59.999Z\";x;y;\"2781\";37293.79;37896.73;35787.08;36684.92;34639423297;1;z\n",
			price.Options{Pair: "BTC/USD"}, price.FormatOHLC, 1, nil, "BTC/USD 36684.92 2021-06-01T00:00:00Z"},
		{"kraken headerless", "XBTGBP_1440.csv", "1622505600,26213.1,26635.3,25270.5,25915.8,123.5,4567\n1622592000,25915.8,27000,25800,26500,99,3000\n",
			price.Options{}, price.FormatKraken, 2, nil, "BTC/GBP 25915.8 2021-06-01T00:00:00Z"},
		{"bitstamp", "Bitstamp_BTCUSD_d.csv", "https://www.CryptoDataDownload.com\nunix,date,symbol,open,high,low,close,Volume BTC,Volume USD\n1622505600,2021-06-01 00:00:00,BTC/USD,37300,37900,35700,36690,5000,183450000\n",
			price.Options{}, price.FormatBitstamp, 1, nil, "BTC/USD 36690 2021-06-01T00:00:00Z"},
		{"coingecko", "market_chart.json", `{"prices":[[1622505600000,26098.99],[1622592000000,2.65e4]],"market_caps":[[1,2]],"total_volumes":[]}`,
			price.Options{Pair: "BTC/GBP"}, price.FormatCoinGecko, 2, nil, "BTC/GBP 26098.99 2021-06-01T00:00:00Z"},
		{"coingecko bad element", "market_chart.json", `{"prices":[[1622505600000,-1],[1622592000000,26500]]}`,
			price.Options{Pair: "BTC/GBP"}, price.FormatCoinGecko, 1, []int64{1}, "BTC/GBP 26500 2021-06-02T00:00:00Z"},
		{"plain", "rates.csv", "time,base,quote,price\n2021-06-01T12:00:00Z,BTC,GBP,26000.5\n2021-06-01,btc,eur,30000\n",
			price.Options{}, price.FormatPlain, 2, nil, "BTC/GBP 26000.5 2021-06-01T12:00:00Z"},
		{"ecb N/A and trailing comma", "eurofxref.csv", "Date,USD,CYP,GBP,\n2021-06-01,1.2225,N/A,0.86285,\n",
			price.Options{}, price.FormatECB, 2, nil, "EUR/USD 1.2225 2021-06-01T00:00:00Z"},
		{"wide bad cell keeps good cells", "daily.csv", "Date,BTC_USD,BTC_GBP\n2021-06-01,abc,26098.99\n",
			price.Options{}, price.FormatWide, 1, []int64{2}, "BTC/GBP 26098.99 2021-06-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := price.NewReader(strings.NewReader(tt.in), tt.file, tt.opts)
			if err != nil {
				t.Fatalf("NewReader: %v", err)
			}
			if r.Format() != tt.format {
				t.Errorf("Format() = %q; want %q", r.Format(), tt.format)
			}
			var pts []price.Point
			var bad []int64
			for {
				p, err := r.Next()
				if err == io.EOF {
					break
				}
				var ie *coinsift.InputError
				if errors.As(err, &ie) && errors.Is(err, coinsift.ErrInvalid) {
					bad = append(bad, ie.Row)
					if !strings.Contains(ie.Error(), tt.file) {
						t.Errorf("row error %q does not name the file", ie)
					}
					continue
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				pts = append(pts, p)
			}
			if len(pts) != tt.points {
				t.Errorf("points = %d; want %d", len(pts), tt.points)
			}
			if strings.Trim(strings.Join(strings.Fields(strings.Trim(fmtRows(bad), "[]")), ","), ",") != strings.Trim(strings.Join(strings.Fields(strings.Trim(fmtRows(tt.badRows), "[]")), ","), ",") {
				t.Errorf("bad rows = %v; want %v", bad, tt.badRows)
			}
			if len(pts) > 0 {
				p := pts[0]
				if got := p.Pair() + " " + p.Close.String() + " " + p.Time.Format(time.RFC3339); got != tt.first {
					t.Errorf("first point = %q; want %q", got, tt.first)
				}
			}
		})
	}
}

func fmtRows(rows []int64) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(" ")
		b.WriteString(big.NewInt(r).String())
	}
	return b.String()
}

func TestReaderNeedsPair(t *testing.T) {
	tests := []struct{ file, in string }{
		{"market_chart.json", `{"prices":[[1622505600000,1]]}`},
		{"candles.csv", "1622505600,1,2,0.5,1.5,10,3\n"},
		{"history.csv", "Date,Open,High,Low,Close,Volume\n2021-06-01,1,2,0.5,1.5,10\n"},
	}
	for _, tt := range tests {
		if _, err := price.NewReader(strings.NewReader(tt.in), tt.file, price.Options{}); err == nil || !strings.Contains(err.Error(), "--pair") {
			t.Errorf("NewReader(%s) err = %v; want a hint to give --pair", tt.file, err)
		}
	}
	if _, err := price.NewReader(strings.NewReader("a,b,c\nx,y,z\n"), "odd.csv", price.Options{}); !errors.Is(err, price.ErrFormat) || !strings.Contains(err.Error(), "odd.csv") {
		t.Errorf("unknown header: err = %v; want ErrFormat naming the file", err)
	}
}
