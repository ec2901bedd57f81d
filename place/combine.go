package place

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Weights are the parameters of Combine. docs/methodology-place.md gives the
// defaults with their rationale.
type Weights struct {
	// Per-kind weights: what unlimited agreeing signals of the kind are worth.
	Phone, IP, SignupIP, Email, Exchange, Timezone float64
	// Decay in (0, 1) gives diminishing returns: the i-th strongest signal
	// (i = 1, 2, …) of one kind for one country counts Decay^i of its
	// effective weight, so n equal signals of kind weight w are worth
	// w·(1 − Decay^n) — one is worth half of w at the default 0.5.
	Decay float64
	// Scale > 0 is the amount of evidence at which a lone placement reaches
	// 63% confidence: confidence is damped by 1 − exp(−top score / Scale).
	Scale float64
}

// DefaultWeights returns the weights documented in docs/methodology-place.md.
func DefaultWeights() Weights {
	return Weights{
		Phone:    4,
		IP:       2,
		SignupIP: 2,
		Email:    1,
		Exchange: 1,
		Timezone: 1,
		Decay:    0.5,
		Scale:    1,
	}
}

// Of returns the weight of kind k, 0 for an unknown kind.
func (w Weights) Of(k Kind) float64 {
	switch k {
	case KindPhone:
		return w.Phone
	case KindIP:
		return w.IP
	case KindSignupIP:
		return w.SignupIP
	case KindEmail:
		return w.Email
	case KindExchange:
		return w.Exchange
	case KindTimezone:
		return w.Timezone
	}
	return 0
}

// Validate reports every field out of range, each error of kind
// coinsift.ErrInvalid: kind weights must be finite and ≥ 0 with at least one
// positive, Decay in (0, 1), Scale finite and > 0.
func (w Weights) Validate() error {
	var errs []error
	bad := func(field string, v float64, want string) {
		errs = append(errs, fmt.Errorf("place: weights: %s = %v: want %s: %w", field, v, want, coinsift.ErrInvalid))
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	positive := false
	for _, k := range kinds {
		v := w.Of(k)
		if !finite(v) || v < 0 {
			bad(string(k), v, "a finite number >= 0")
		}
		positive = positive || v > 0
	}
	if !positive {
		errs = append(errs, fmt.Errorf("place: weights: every kind weight is 0: %w", coinsift.ErrInvalid))
	}
	if !(w.Decay > 0 && w.Decay < 1) {
		bad("decay", w.Decay, "0 < decay < 1")
	}
	if !finite(w.Scale) || w.Scale <= 0 {
		bad("scale", w.Scale, "a finite number > 0")
	}
	return errors.Join(errs...)
}

// Placement is the jurisdiction Combine chose for a person or account and
// the working behind it.
type Placement struct {
	// Country is the country with the highest score; "" when there is no
	// signal, when the best scores tie, or when the best country is
	// supported by the time-zone fit alone.
	Country coinsift.Country
	// Confidence in [0, 1]: the top score's share of the top and rival
	// scores, damped when the evidence is thin. 0 when Country is "".
	Confidence float64
	// Evidence holds every distinct signal (one per kind, country and
	// value) with Weight set to its effective weight (kind weight ×
	// strength), sorted by that weight descending, then kind, value and
	// country.
	Evidence []Signal
	// Conflicts are the countries other than Country that some signal other
	// than the time-zone fit supports, strongest first.
	Conflicts []coinsift.Country
	// Scores has every supported country's score, highest first.
	Scores []Score
}

// Score is one country's total in a Placement.
type Score struct {
	Country coinsift.Country
	Score   float64
	Signals int  // distinct signals supporting the country
	Direct  bool // supported by a signal that names one country (not the time-zone fit, not a share of an exchange's jurisdictions)
}

// Combine places a person in a country from their signals.
//
// Signals with an unknown kind, an unassigned country, a non-positive or
// non-finite weight, or a kind whose weight is 0 are ignored. Repeats (same
// kind, country and value, e.g. one IP seen in 300 logins) count once at
// their highest strength. A signal's effective weight is its kind's weight
// times its strength (capped at 1). Per kind and country, the i-th strongest
// signal counts Decay^i of its effective weight; a country's score is the
// sum over kinds.
//
// The top country's confidence is top / (top + rivals) × (1 − e^(−top/Scale)),
// where rivals is the sum of the scores of the other countries with direct
// support: the time-zone fit names a set of countries, and so does an
// exchange registered in several (Exchanges splits its weight), so such
// signals corroborate the countries they name without counting against
// the winner, and are no conflicts.
// Output is deterministic: it does not depend on the order of signals.
func Combine(signals []Signal, w Weights) Placement {
	type item struct {
		Signal
		strength float64
	}
	items := make([]item, 0, len(signals))
	for _, s := range signals {
		kw := w.Of(s.Kind)
		if !(kw > 0) || math.IsInf(kw, 0) || !(s.Weight > 0) || math.IsInf(s.Weight, 0) {
			continue
		}
		c, ok := ParseCountry(string(s.Country))
		if !ok {
			continue
		}
		s.Country = c
		st := min(s.Weight, 1)
		s.Weight = kw * st
		items = append(items, item{s, st})
	}
	// Group by kind, country and value, strongest first, then provenance.
	slices.SortFunc(items, func(a, b item) int {
		if c := cmp.Compare(a.Kind.rank(), b.Kind.rank()); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Country), string(b.Country)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return compareRest(a.Signal, b.Signal)
	})
	ev := make([]Signal, 0, len(items))
	for i, it := range items {
		if i > 0 && it.Kind == items[i-1].Kind && it.Country == items[i-1].Country && it.Value == items[i-1].Value {
			continue
		}
		ev = append(ev, it.Signal)
	}
	// Evidence is grouped by kind and country; score each group.
	idx := make(map[coinsift.Country]int, 8)
	var scores []Score
	var group []float64
	for i := 0; i < len(ev); {
		j := i
		group = group[:0]
		for ; j < len(ev) && ev[j].Kind == ev[i].Kind && ev[j].Country == ev[i].Country; j++ {
			group = append(group, ev[j].Weight)
		}
		slices.SortFunc(group, func(a, b float64) int { return cmp.Compare(b, a) })
		sum, f := 0.0, 1.0
		for _, g := range group {
			f *= w.Decay
			sum += g * f
		}
		k, ok := idx[ev[i].Country]
		if !ok {
			k = len(scores)
			idx[ev[i].Country] = k
			scores = append(scores, Score{Country: ev[i].Country})
		}
		sc := &scores[k]
		sc.Score += sum
		sc.Signals += j - i
		sc.Direct = sc.Direct || direct(ev[i], w)
		i = j
	}
	p := Placement{Evidence: ev}
	slices.SortFunc(p.Evidence, func(a, b Signal) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind.rank(), b.Kind.rank()); c != 0 {
			return c
		}
		if c := strings.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Country), string(b.Country)); c != 0 {
			return c
		}
		return compareRest(a, b)
	})
	p.Scores = scores
	slices.SortFunc(p.Scores, func(a, b Score) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(string(a.Country), string(b.Country)))
	})
	if len(p.Scores) == 0 {
		return p
	}
	top := p.Scores[0]
	tied := len(p.Scores) > 1 && p.Scores[1].Score >= top.Score*(1-1e-9)
	if top.Direct && !tied {
		p.Country = top.Country
	}
	rivals := 0.0
	for _, sc := range p.Scores {
		if sc.Direct && sc.Country != p.Country {
			p.Conflicts = append(p.Conflicts, sc.Country)
			rivals += sc.Score
		}
	}
	if p.Country != "" {
		p.Confidence = top.Score / (top.Score + rivals) * (1 - math.Exp(-top.Score/w.Scale))
	}
	return p
}

// direct reports whether s, with its effective weight, supports one
// country rather than a set: the time-zone fit never does, and an exchange
// signal does only at the full weight of its kind (one jurisdiction).
func direct(s Signal, w Weights) bool {
	switch s.Kind {
	case KindTimezone:
		return false
	case KindExchange:
		return s.Weight >= w.Exchange
	}
	return true
}

// compareRest orders signals equal in kind, country, value and weight by
// detail and provenance, so that sorting is total.
func compareRest(a, b Signal) int {
	if c := strings.Compare(a.Detail, b.Detail); c != 0 {
		return c
	}
	if c := strings.Compare(a.Table, b.Table); c != 0 {
		return c
	}
	return cmp.Compare(a.Row, b.Row)
}
