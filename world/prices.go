package world

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"
)

// monthEnd is one fact of the price table: the closing levels on the last day
// of a month.
type monthEnd struct {
	date      string  // last day of the month
	btcUSD    float64 // BTC-USD daily close, Yahoo Finance
	btcGBP    float64 // BTC-GBP daily close, Yahoo Finance
	usdPerEUR float64 // ECB euro reference rate, USD per EUR
}

// priceFacts are the real month-end levels of Nov 2020 – Nov 2022. Sources:
// Yahoo Finance BTC-USD and BTC-GBP daily closes (CoinMarketCap data) and the
// ECB euro foreign-exchange reference rates (last business day of the month).
// They were typed in from public copies of those series; nothing is read at
// run time.
var priceFacts = []monthEnd{
	{"2020-11-30", 19625.84, 14715.41, 1.1980},
	{"2020-12-31", 29001.72, 21212.50, 1.2271},
	{"2021-01-31", 33114.36, 24175.67, 1.2136},
	{"2021-02-28", 45137.77, 32300.90, 1.2121},
	{"2021-03-31", 58918.83, 42738.78, 1.1725},
	{"2021-04-30", 57750.18, 41797.96, 1.2082},
	{"2021-05-31", 37332.86, 26240.63, 1.2201},
	{"2021-06-30", 35040.84, 25339.01, 1.1884},
	{"2021-07-31", 41626.20, 29936.14, 1.1891},
	{"2021-08-31", 47166.69, 34297.02, 1.1834},
	{"2021-09-30", 43790.89, 32513.47, 1.1579},
	{"2021-10-31", 61318.96, 44813.86, 1.1645},
	{"2021-11-30", 57005.43, 42876.40, 1.1363},
	{"2021-12-31", 46306.45, 34221.20, 1.1326},
	{"2022-01-31", 38483.13, 28622.98, 1.1156},
	{"2022-02-28", 43193.23, 32180.73, 1.1199},
	{"2022-03-31", 45538.68, 34639.95, 1.1101},
	{"2022-04-30", 37714.88, 29995.54, 1.0540},
	{"2022-05-31", 31792.31, 25212.83, 1.0713},
	{"2022-06-30", 19784.73, 16269.95, 1.0387},
	{"2022-07-31", 23336.90, 19178.63, 1.0198},
	{"2022-08-31", 20049.76, 17288.71, 1.0000},
	{"2022-09-30", 19431.79, 17392.52, 0.9748},
	{"2022-10-31", 20495.77, 17872.79, 0.9914},
	{"2022-11-30", 17168.57, 14218.01, 1.0376},
}

// Timeline bounds: the economy runs from Start to End (UTC).
var (
	Start = time.Date(2020, 12, 1, 0, 0, 0, 0, time.UTC)
	End   = time.Date(2022, 12, 1, 0, 0, 0, 0, time.UTC)
)

// dayPrice is one simulated day's OHLC in one currency.
type dayPrice struct {
	open, high, low, close float64
	volume                 int64
}

// prices holds the simulated daily paths, indexed by day since
// priceFacts[0].date.
type prices struct {
	first time.Time
	gbp   []dayPrice
	usd   []dayPrice
	eur   []dayPrice
}

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// newPrices builds daily paths through the month-end facts: log-linear
// interpolation plus a Brownian bridge (2.5% daily volatility) that is pinned
// to zero at every month end, so each month closes at its real level.
func newPrices(seed uint64) *prices {
	r := newRand(seed, "prices")
	first := mustDate(priceFacts[0].date)
	last := mustDate(priceFacts[len(priceFacts)-1].date)
	n := int(last.Sub(first).Hours()/24) + 1
	noise := make([]float64, n)
	for m := 0; m+1 < len(priceFacts); m++ {
		a := int(mustDate(priceFacts[m].date).Sub(first).Hours() / 24)
		b := int(mustDate(priceFacts[m+1].date).Sub(first).Hours() / 24)
		w := make([]float64, b-a+1)
		for i := 1; i < len(w); i++ {
			w[i] = w[i-1] + 0.025*r.NormFloat64()
		}
		for i := range w {
			noise[a+i] = w[i] - w[len(w)-1]*float64(i)/float64(b-a)
		}
	}
	p := &prices{first: first, gbp: make([]dayPrice, n), usd: make([]dayPrice, n), eur: make([]dayPrice, n)}
	interp := func(d int, f func(monthEnd) float64) float64 {
		for m := 0; m+1 < len(priceFacts); m++ {
			a := int(mustDate(priceFacts[m].date).Sub(first).Hours() / 24)
			b := int(mustDate(priceFacts[m+1].date).Sub(first).Hours() / 24)
			if d >= a && d <= b {
				x := float64(d-a) / float64(b-a)
				return math.Exp((1-x)*math.Log(f(priceFacts[m])) + x*math.Log(f(priceFacts[m+1])))
			}
		}
		return f(priceFacts[len(priceFacts)-1])
	}
	for d := 0; d < n; d++ {
		usd := interp(d, func(m monthEnd) float64 { return m.btcUSD }) * math.Exp(noise[d])
		gbp := interp(d, func(m monthEnd) float64 { return m.btcGBP }) * math.Exp(noise[d])
		eur := usd / interp(d, func(m monthEnd) float64 { return m.usdPerEUR })
		spread := math.Abs(r.NormFloat64())*0.015 + 0.004
		spread2 := math.Abs(r.NormFloat64())*0.015 + 0.004
		vol := lognormal(r, 35e9, 0.4)
		for _, s := range []struct {
			dst   []dayPrice
			close float64
			vol   float64
		}{{p.usd, usd, vol}, {p.gbp, gbp, vol * gbp / usd}, {p.eur, eur, vol * eur / usd}} {
			open := s.close
			if d > 0 {
				open = s.dst[d-1].close
			}
			s.dst[d] = dayPrice{
				open: open, close: s.close,
				high:   math.Max(open, s.close) * (1 + spread),
				low:    math.Min(open, s.close) * (1 - spread2),
				volume: int64(s.vol),
			}
		}
	}
	return p
}

// day returns the index of t's UTC day, clamped to the table.
func (p *prices) day(t time.Time) int {
	d := int(t.Sub(p.first).Hours() / 24)
	return max(0, min(d, len(p.gbp)-1))
}

// gbpPence is the BTC/GBP rate used to quote an invoice at t: the day's open,
// in pence per BTC.
func (p *prices) gbpPence(t time.Time) int64 {
	return int64(math.Round(p.gbp[p.day(t)].open * 100))
}

// penceToSats converts pence to satoshis at rate (pence per BTC), rounding
// up to a whole satoshi as payment processors do.
func penceToSats(pence, rate int64) int64 {
	return (pence*100_000_000 + rate - 1) / rate
}

// satsToPence converts satoshis to pence at rate (pence per BTC).
func satsToPence(sats, rate int64) int64 {
	return (sats*rate + 50_000_000) / 100_000_000
}

// writePrices writes Yahoo-style OHLC CSV files, one per pair.
func (p *prices) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range []struct {
		name string
		rows []dayPrice
	}{{"BTC-GBP.csv", p.gbp}, {"BTC-USD.csv", p.usd}, {"BTC-EUR.csv", p.eur}} {
		f, err := os.Create(filepath.Join(dir, s.name))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		fmt.Fprintln(w, "Date,Open,High,Low,Close,Adj Close,Volume")
		for d, r := range s.rows {
			fmt.Fprintf(w, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d\n", p.first.AddDate(0, 0, d).Format(time.DateOnly),
				r.open, r.high, r.low, r.close, r.close, r.volume)
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", s.name, err)
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}
