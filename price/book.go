package price

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// Method says which price of a bar values a payment.
type Method string

// Rate methods. docs/format/prices.md defines them.
const (
	// MethodClose uses the close of the bar that contains the time (the
	// day's close for daily data).
	MethodClose Method = "close"
	// MethodOpen uses the bar's open.
	MethodOpen Method = "open"
	// MethodMid uses (open + close) / 2 of the bar.
	MethodMid Method = "mid"
	// MethodVWAP uses the volume-weighted mean of the typical prices
	// (high + low + close) / 3 of the series' bars within the UTC day of
	// the chosen bar. It needs volume.
	MethodVWAP Method = "vwap"
	// MethodPrice marks a leg read from a price-only source (ECB,
	// CoinGecko, plain): its single price, whatever method was asked.
	MethodPrice Method = "price"
)

// Methods lists the methods a caller may ask for.
var Methods = []Method{MethodClose, MethodOpen, MethodMid, MethodVWAP}

// ParseMethod parses a method name.
func ParseMethod(s string) (Method, error) {
	for _, m := range Methods {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("method %q: want one of %v: %w", trunc(s), Methods, coinsift.ErrInvalid)
}

// Pivots are the currencies a cross rate may go through, in order of
// preference.
var Pivots = []string{"USD", "EUR"}

// Series is the points of one pair from one source, by time.
type Series struct {
	Base, Quote, Source string
	points              []Point
	sorted              bool
}

// Len returns the number of points.
func (s *Series) Len() int { return len(s.points) }

// Points returns the points by time. The slice must not be modified.
func (s *Series) Points() []Point {
	s.sort()
	return s.points
}

func (s *Series) sort() {
	if s.sorted {
		return
	}
	sort.SliceStable(s.points, func(i, j int) bool {
		if !s.points[i].Time.Equal(s.points[j].Time) {
			return s.points[i].Time.Before(s.points[j].Time)
		}
		if s.points[i].Evidence != s.points[j].Evidence {
			return s.points[i].Evidence < s.points[j].Evidence
		}
		return s.points[i].Row < s.points[j].Row
	})
	s.sorted = true
}

// Book holds price series and answers rate queries, directly or through
// the pivot currencies. A Book is not safe for concurrent Add; lookups may
// run concurrently once loading is done and Freeze was called.
type Book struct {
	series map[string][]*Series // "BASE/QUOTE" → series by source
}

// NewBook returns an empty book.
func NewBook() *Book { return &Book{series: map[string][]*Series{}} }

// Add adds one point to the series of its pair and source.
func (b *Book) Add(p Point) {
	key := p.Base + "/" + p.Quote
	for _, s := range b.series[key] {
		if s.Source == p.Source {
			s.points = append(s.points, p)
			s.sorted = false
			return
		}
	}
	b.series[key] = append(b.series[key], &Series{Base: p.Base, Quote: p.Quote, Source: p.Source, points: []Point{p}})
	sort.Slice(b.series[key], func(i, j int) bool { return b.series[key][i].Source < b.series[key][j].Source })
}

// Freeze sorts every series; call it before concurrent lookups.
func (b *Book) Freeze() {
	for _, ss := range b.series {
		for _, s := range ss {
			s.sort()
		}
	}
}

// Series returns every series ordered by pair and source.
func (b *Book) Series() []*Series {
	keys := make([]string, 0, len(b.series))
	for k := range b.series {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []*Series
	for _, k := range keys {
		out = append(out, b.series[k]...)
	}
	return out
}

// Query is a rate request.
type Query struct {
	Base, Quote string
	At          time.Time
	Method      Method        // "" means MethodClose
	Tolerance   time.Duration // the widest gap accepted between At and a bar
	Sources     []string      // if set, only these sources, in this order of preference
}

// Leg is one step of a rate's path.
type Leg struct {
	Base     string        `json:"base"`  // of the series, before inversion
	Quote    string        `json:"quote"` // of the series
	Inverted bool          `json:"inverted"`
	Source   string        `json:"source"`
	Evidence string        `json:"evidence,omitempty"`
	Row      int64         `json:"row"`
	Time     time.Time     `json:"rate_time"`
	Interval time.Duration `json:"interval"`
	Method   Method        `json:"method"`
	Value    Decimal       `json:"value"` // of the series' pair, before inversion
}

func (l Leg) String() string {
	s := l.Base + "/" + l.Quote
	if l.Inverted {
		s = "1/(" + s + ")"
	}
	return s + " " + string(l.Method) + " " + l.Source + " " + l.Time.Format(time.DateOnly)
}

// Rate is a price with its provenance.
type Rate struct {
	Base     string    `json:"base"`
	Quote    string    `json:"quote"`
	At       time.Time `json:"at"`
	Value    Decimal   `json:"value"` // Quote per one Base, rounded once to Scale places
	Method   Method    `json:"method"`
	Source   string    `json:"source"`   // of the first leg; Legs has every one
	Evidence string    `json:"evidence"` // of the first leg
	RateTime time.Time `json:"rate_time"`
	Path     string    `json:"path"` // e.g. "BTC/USD × USD/GBP via EUR"
	Legs     []Leg     `json:"legs"`
}

// Rate returns base/quote at the given time, directly or as a cross rate.
func (b *Book) Rate(ctx context.Context, base, quote string, at time.Time, method Method, tolerance time.Duration) (Rate, error) {
	return b.Lookup(ctx, Query{Base: base, Quote: quote, At: at, Method: method, Tolerance: tolerance})
}

// Lookup answers q. A direct series (base/quote or quote/base) is used
// whenever one exists; otherwise a path through Pivots (at most three legs).
// A gap wider than q.Tolerance is an error wrapping ErrGap that names the
// requested time and the nearest dates available; no pair at all is
// ErrNoSeries.
func (b *Book) Lookup(ctx context.Context, q Query) (Rate, error) {
	if err := ctx.Err(); err != nil {
		return Rate{}, err
	}
	q.Base, q.Quote = normCode(q.Base), normCode(q.Quote)
	if q.Method == "" {
		q.Method = MethodClose
	}
	if _, err := ParseMethod(string(q.Method)); err != nil {
		return Rate{}, err
	}
	q.At = q.At.UTC()
	if q.Base == q.Quote {
		return Rate{Base: q.Base, Quote: q.Quote, At: q.At, Value: MustDecimal("1"), Method: q.Method, Path: "identity", RateTime: q.At}, nil
	}
	var firstErr error
	for _, path := range b.paths(q.Base, q.Quote) {
		r, err := b.evalPath(q, path)
		if err == nil {
			return r, nil
		}
		if len(path) == 2 {
			return Rate{}, err // a direct pair exists: never fall back to a cross
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return Rate{}, firstErr
	}
	return Rate{}, fmt.Errorf("rate %s/%s: no direct series and no path through %s: %w", q.Base, q.Quote, strings.Join(Pivots, "/"), ErrNoSeries)
}

// paths lists the candidate currency paths from base to quote whose every
// edge has a series, shortest first.
func (b *Book) paths(base, quote string) [][]string {
	cands := [][]string{{base, quote}}
	for _, p := range Pivots {
		if p != base && p != quote {
			cands = append(cands, []string{base, p, quote})
		}
	}
	for _, p1 := range Pivots {
		for _, p2 := range Pivots {
			if p1 != p2 && p1 != base && p1 != quote && p2 != base && p2 != quote {
				cands = append(cands, []string{base, p1, p2, quote})
			}
		}
	}
	var out [][]string
	for _, c := range cands {
		ok := true
		for i := 0; i+1 < len(c); i++ {
			if len(b.edge(c[i], c[i+1])) == 0 {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, c)
		}
	}
	return out
}

type edgeSeries struct {
	s        *Series
	inverted bool
}

// edge lists the series that convert a to b: a/b first, then b/a.
func (b *Book) edge(from, to string) []edgeSeries {
	var out []edgeSeries
	for _, s := range b.series[from+"/"+to] {
		out = append(out, edgeSeries{s, false})
	}
	for _, s := range b.series[to+"/"+from] {
		out = append(out, edgeSeries{s, true})
	}
	return out
}

func (b *Book) evalPath(q Query, path []string) (Rate, error) {
	val := new(big.Rat).SetInt64(1)
	r := Rate{Base: q.Base, Quote: q.Quote, At: q.At, Method: q.Method}
	var parts []string
	for i := 0; i+1 < len(path); i++ {
		leg, v, err := b.evalEdge(q, path[i], path[i+1])
		if err != nil {
			return Rate{}, err
		}
		val.Mul(val, v)
		r.Legs = append(r.Legs, leg)
		parts = append(parts, fmt.Sprintf("%s/%s (%s)", path[i], path[i+1], leg.Source))
	}
	r.Value = DecimalFromRat(val)
	r.Source, r.Evidence, r.RateTime = r.Legs[0].Source, r.Legs[0].Evidence, r.Legs[0].Time
	r.Path = strings.Join(parts, " × ")
	if len(path) > 2 {
		r.Path += " via " + strings.Join(path[1:len(path)-1], ", ")
	}
	return r, nil
}

func (b *Book) evalEdge(q Query, from, to string) (Leg, *big.Rat, error) {
	cands := b.edge(from, to)
	if len(q.Sources) > 0 {
		var keep []edgeSeries
		for _, src := range q.Sources {
			for _, c := range cands {
				if c.s.Source == src {
					keep = append(keep, c)
				}
			}
		}
		if len(keep) == 0 {
			return Leg{}, nil, fmt.Errorf("rate %s/%s: no series from source(s) %s: %w", from, to, strings.Join(q.Sources, ", "), ErrNoSeries)
		}
		cands = keep
	}
	var firstErr error
	for _, c := range cands {
		leg, err := c.s.at(q.At, q.Method, q.Tolerance)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		leg.Inverted = c.inverted
		v := leg.Value.Rat()
		if c.inverted {
			if v.Sign() == 0 {
				return Leg{}, nil, fmt.Errorf("rate %s/%s: zero price in %s row %d: %w", leg.Base, leg.Quote, leg.Source, leg.Row, coinsift.ErrInvalid)
			}
			v.Inv(v)
		}
		return leg, v, nil
	}
	return Leg{}, nil, firstErr
}

// at finds the bar of s for time t and applies method.
func (s *Series) at(t time.Time, method Method, tol time.Duration) (Leg, error) {
	s.sort()
	ps := s.points
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Time.After(t) }) - 1
	best, bestDist := -1, time.Duration(-1)
	if i >= 0 {
		end := ps[i].Time.Add(ps[i].Interval)
		d := time.Duration(0)
		if !t.Before(end) && ps[i].Interval > 0 || ps[i].Interval == 0 {
			d = t.Sub(end)
		}
		best, bestDist = i, d
	}
	if i+1 < len(ps) {
		d := ps[i+1].Time.Sub(t)
		if best < 0 || d < bestDist {
			best, bestDist = i+1, d
		}
	}
	if best < 0 || bestDist > tol {
		return Leg{}, s.gapError(t, i, tol)
	}
	p := ps[best]
	leg := Leg{Base: s.Base, Quote: s.Quote, Source: s.Source, Evidence: p.Evidence, Row: p.Row, Time: p.Time, Interval: p.Interval, Method: method}
	priceOnly := !p.Open.Valid() && !p.High.Valid() && !p.Low.Valid()
	switch {
	case priceOnly:
		leg.Method, leg.Value = MethodPrice, p.Close
	case method == MethodClose:
		leg.Value = p.Close
	case method == MethodOpen:
		if !p.Open.Valid() {
			return Leg{}, fmt.Errorf("rate %s/%s %s: row %d has no open: %w", s.Base, s.Quote, s.Source, p.Row, ErrMethod)
		}
		leg.Value = p.Open
	case method == MethodMid:
		if !p.Open.Valid() {
			return Leg{}, fmt.Errorf("rate %s/%s %s: row %d has no open for mid: %w", s.Base, s.Quote, s.Source, p.Row, ErrMethod)
		}
		m := new(big.Rat).Add(p.Open.Rat(), p.Close.Rat())
		leg.Value = DecimalFromRat(m.Quo(m, big.NewRat(2, 1)))
	case method == MethodVWAP:
		v, err := s.vwap(p.Time)
		if err != nil {
			return Leg{}, err
		}
		leg.Value = v
	}
	return leg, nil
}

// vwap is Σ typical·volume / Σ volume over the bars of the UTC day of t.
func (s *Series) vwap(t time.Time) (Decimal, error) {
	day := t.UTC().Truncate(Day)
	ps := s.points
	lo := sort.Search(len(ps), func(i int) bool { return !ps[i].Time.Before(day) })
	num, den := new(big.Rat), new(big.Rat)
	for i := lo; i < len(ps) && ps[i].Time.Before(day.Add(Day)); i++ {
		p := ps[i]
		if !p.Volume.Valid() || p.Volume.Sign() == 0 {
			continue
		}
		typ := p.Close.Rat()
		if p.High.Valid() && p.Low.Valid() {
			typ.Add(typ, p.High.Rat())
			typ.Add(typ, p.Low.Rat())
			typ.Quo(typ, big.NewRat(3, 1))
		}
		vol := p.Volume.Rat()
		num.Add(num, typ.Mul(typ, vol))
		den.Add(den, vol)
	}
	if den.Sign() == 0 {
		return Decimal{}, fmt.Errorf("rate %s/%s %s: no volume on %s for vwap: %w", s.Base, s.Quote, s.Source, day.Format(time.DateOnly), ErrMethod)
	}
	return DecimalFromRat(num.Quo(num, den)), nil
}

// gapError names the requested time and the nearest points on each side.
func (s *Series) gapError(t time.Time, i int, tol time.Duration) error {
	var near []string
	if i >= 0 {
		near = append(near, "before: "+fmtTime(s.points[i].Time))
	}
	if i+1 < len(s.points) {
		near = append(near, "after: "+fmtTime(s.points[i+1].Time))
	}
	if len(near) == 0 {
		near = append(near, "series is empty")
	}
	return fmt.Errorf("rate %s/%s from %s at %s: nothing within %s (nearest %s): %w",
		s.Base, s.Quote, s.Source, fmtTime(t), tol, strings.Join(near, ", "), ErrGap)
}

func fmtTime(t time.Time) string {
	if t.Equal(t.Truncate(Day)) {
		return t.Format(time.DateOnly)
	}
	return t.UTC().Format(time.RFC3339)
}
