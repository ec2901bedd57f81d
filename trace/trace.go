package trace

import (
	"context"
	"fmt"
	"sort"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Model is a convention for which inputs fund which outputs.
type Model string

// Models.
const (
	Haircut Model = "haircut"
	FIFO    Model = "fifo"
	Poison  Model = "poison"
)

// ParseModel returns the model named s.
func ParseModel(s string) (Model, error) {
	switch m := Model(s); m {
	case Haircut, FIFO, Poison:
		return m, nil
	}
	return "", fmt.Errorf("trace model %q: want haircut, fifo or poison: %w", s, coinsift.ErrInvalid)
}

// Entity is a tagged owner of addresses.
type Entity struct {
	Name     string `json:"name"`
	Category string `json:"category"` // exchange, mixer, fraud-shop, sanctioned, service, …
}

// Labeler says which entity, if any, owns an address id.
type Labeler interface {
	Label(addr uint32) (Entity, bool)
}

// LabelFunc adapts a function to Labeler.
type LabelFunc func(addr uint32) (Entity, bool)

// Label implements Labeler.
func (f LabelFunc) Label(a uint32) (Entity, bool) { return f(a) }

// Guard tells the walk where to stop besides tags: CoinJoins and huge
// clusters. A nil Guard stops at neither.
type Guard interface {
	IsCoinJoin(tx int64) bool
	ClusterSize(addr uint32) int
}

// Stop reasons.
const (
	StopTagged    = "tagged"
	StopCoinJoin  = "coinjoin"
	StopCoinbase  = "coinbase"
	StopHuge      = "huge-cluster"
	StopHops      = "hop-limit"
	StopThreshold = "below-threshold"
	StopUnspent   = "unspent"
	StopUnknown   = "unknown-input"
	StopBudget    = "budget"
)

// Config bounds a walk.
type Config struct {
	Model Model
	Hops  int // transactions to walk at most
	// MaxCluster stops at a cluster larger than this (untagged services
	// mix too many owners' coins to attribute further); 0: no bound.
	MaxCluster int
	// MinShare drops branches whose share of the start falls below it.
	MinShare float64
	// MaxVisits bounds the transactions visited per walk.
	MaxVisits int
}

// DefaultConfig returns the defaults: haircut, 6 hops.
func DefaultConfig() Config {
	return Config{Model: Haircut, Hops: 6, MaxCluster: 5000, MinShare: 0.001, MaxVisits: 20000}
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	if _, err := ParseModel(string(c.Model)); err != nil {
		return err
	}
	if c.Hops < 1 {
		return fmt.Errorf("trace hops %d: must be at least 1: %w", c.Hops, coinsift.ErrInvalid)
	}
	if c.MinShare < 0 || c.MinShare >= 1 {
		return fmt.Errorf("trace min share %v: must be in [0, 1): %w", c.MinShare, coinsift.ErrInvalid)
	}
	return nil
}

// Source is one entity the money came from (Back) or went to (Forward).
type Source struct {
	Entity Entity        `json:"entity"`
	Share  float64       `json:"share"` // of the start's value; under poison, 1 for every source touched
	Sats   coinsift.Sats `json:"sats"`  // Share × start value, rounded down
	Hops   int           `json:"hops"`  // fewest transactions between the start and the entity
	// Tx is, backwards, the entity's transaction that sent the money out
	// (for an exchange: its withdrawal, the one a production order names);
	// forwards, the transaction that paid the entity.
	Tx      coinsift.TxID   `json:"txid"`
	Height  coinsift.Height `json:"height"`
	Address string          `json:"address"` // the entity's address on that transaction
}

// StopShare is the share of the start that ended for one reason.
type StopShare struct {
	Reason string  `json:"reason"`
	Share  float64 `json:"share"`
	Count  int     `json:"paths"`
}

// Result is one traced start.
type Result struct {
	Model   Model         `json:"model"`
	Start   coinsift.Sats `json:"start_sats"`
	Sources []Source      `json:"sources"` // by share, descending, then name
	Stops   []StopShare   `json:"stops"`   // every end that is not a source
	Visited int           `json:"visited_txs"`
}

// flow is value being walked: an output and the share of the start in it.
type flow struct {
	out   int64
	share float64
}

type walker struct {
	x       *chainindex.Index
	cfg     Config
	lab     Labeler
	guard   Guard
	res     *Result
	sources map[string]*Source
	stops   map[string]*StopShare
}

func newWalker(x *chainindex.Index, cfg Config, lab Labeler, g Guard, start coinsift.Sats) *walker {
	return &walker{x: x, cfg: cfg, lab: lab, guard: g,
		res:     &Result{Model: cfg.Model, Start: start},
		sources: map[string]*Source{}, stops: map[string]*StopShare{}}
}

func (w *walker) stop(reason string, share float64) {
	s := w.stops[reason]
	if s == nil {
		s = &StopShare{Reason: reason}
		w.stops[reason] = s
	}
	s.Share += share
	s.Count++
}

func (w *walker) source(e Entity, share float64, hops int, tx int64, addr uint32) {
	key := e.Category + "\x00" + e.Name
	s := w.sources[key]
	t := w.x.Tx(tx)
	if s == nil {
		s = &Source{Entity: e, Hops: hops, Tx: t.TxID, Height: t.Height, Address: w.x.AddressString(addr)}
		w.sources[key] = s
	} else if hops < s.Hops || hops == s.Hops && t.Height < s.Height {
		s.Hops, s.Tx, s.Height, s.Address = hops, t.TxID, t.Height, w.x.AddressString(addr)
	}
	if w.cfg.Model == Poison {
		s.Share = 1
	} else {
		s.Share += share
	}
}

func (w *walker) finish() *Result {
	for _, s := range w.sources {
		if w.cfg.Model != Poison && s.Share > 1 {
			s.Share = 1 // rounding
		}
		s.Sats = coinsift.Sats(s.Share * float64(w.res.Start))
		w.res.Sources = append(w.res.Sources, *s)
	}
	sort.Slice(w.res.Sources, func(i, j int) bool {
		a, b := w.res.Sources[i], w.res.Sources[j]
		if a.Share != b.Share {
			return a.Share > b.Share
		}
		if a.Entity.Name != b.Entity.Name {
			return a.Entity.Name < b.Entity.Name
		}
		return a.Entity.Category < b.Entity.Category
	})
	for _, s := range w.stops {
		w.res.Stops = append(w.res.Stops, *s)
	}
	sort.Slice(w.res.Stops, func(i, j int) bool { return w.res.Stops[i].Reason < w.res.Stops[j].Reason })
	if w.res.Sources == nil {
		w.res.Sources = []Source{}
	}
	return w.res
}

// merge combines flows into the same output and sorts them by output.
func merge(fs []flow) []flow {
	sort.Slice(fs, func(i, j int) bool { return fs[i].out < fs[j].out })
	out := fs[:0]
	for _, f := range fs {
		if n := len(out); n > 0 && out[n-1].out == f.out {
			out[n-1].share += f.share
			continue
		}
		out = append(out, f)
	}
	return out
}

// inputLabel returns the entity owning the inputs of tx t, if any input's
// address is labelled (the first labelled input decides).
func (w *walker) inputLabel(t chainindex.Tx) (Entity, uint32, bool) {
	for i := t.FirstInput; i < t.FirstInput+int64(t.NumInputs); i++ {
		in := w.x.Input(i)
		if in.Spent < 0 {
			continue
		}
		a := w.x.Output(in.Spent).Addr
		if a == 0 {
			continue
		}
		if e, ok := w.lab.Label(a); ok {
			return e, a, true
		}
	}
	return Entity{}, 0, false
}

func (w *walker) hugeInputs(t chainindex.Tx) bool {
	if w.guard == nil || w.cfg.MaxCluster <= 0 {
		return false
	}
	for i := t.FirstInput; i < t.FirstInput+int64(t.NumInputs); i++ {
		in := w.x.Input(i)
		if in.Spent < 0 {
			continue
		}
		if a := w.x.Output(in.Spent).Addr; a != 0 && w.guard.ClusterSize(a) > w.cfg.MaxCluster {
			return true
		}
	}
	return false
}

// start checks the settings and the outputs and returns the walker and the
// first frontier: each output with its share of their total value.
func start(x *chainindex.Index, outputs []int64, cfg Config, lab Labeler, g Guard, op string) (*walker, []flow, error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	var total coinsift.Sats
	for _, o := range outputs {
		if o < 0 || o >= x.NumOutputs() {
			return nil, nil, fmt.Errorf("%s: output %d: %w", op, o, coinsift.ErrNotFound)
		}
		total += x.Output(o).Value
	}
	w := newWalker(x, cfg, lab, g, total)
	var frontier []flow
	for _, o := range outputs {
		if total > 0 {
			frontier = append(frontier, flow{o, float64(x.Output(o).Value) / float64(total)})
		}
	}
	return w, merge(frontier), nil
}

// Back traces where the value of the given outputs came from: outputs is
// usually one payment output. Each output's creating transaction is hop 1.
func Back(ctx context.Context, x *chainindex.Index, outputs []int64, cfg Config, lab Labeler, g Guard) (*Result, error) {
	w, frontier, err := start(x, outputs, cfg, lab, g, "trace back")
	if err != nil {
		return nil, err
	}
	for hop := 1; len(frontier) > 0; hop++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var next []flow
		for _, f := range frontier {
			t, vout := x.TxOfOutput(f.out)
			tx := x.Tx(t)
			w.res.Visited++
			switch {
			case tx.Coinbase:
				w.stop(StopCoinbase, f.share)
				continue
			}
			if e, a, ok := w.inputLabel(tx); ok {
				w.source(e, f.share, hop, t, a)
				continue
			}
			switch {
			case g != nil && g.IsCoinJoin(t):
				w.stop(StopCoinJoin, f.share)
				continue
			case w.hugeInputs(tx):
				w.stop(StopHuge, f.share)
				continue
			case hop >= cfg.Hops:
				w.stop(StopHops, f.share)
				continue
			case w.res.Visited >= cfg.MaxVisits && cfg.MaxVisits > 0:
				w.stop(StopBudget, f.share)
				continue
			}
			for _, in := range w.fund(tx, vout, f.share) {
				if in.out < 0 {
					w.stop(StopUnknown, in.share)
					continue
				}
				if cfg.Model != Poison && in.share < cfg.MinShare {
					w.stop(StopThreshold, in.share)
					continue
				}
				next = append(next, in)
			}
		}
		frontier = merge(next)
	}
	return w.finish(), nil
}

// fund splits the share of output vout of tx among the outputs its inputs
// spent, under the model. An input whose spent output is unknown gets out -1.
func (w *walker) fund(tx chainindex.Tx, vout int, share float64) []flow {
	ins := make([]flow, tx.NumInputs)
	inVals := make([]float64, tx.NumInputs)
	for k := range ins {
		in := w.x.Input(tx.FirstInput + int64(k))
		ins[k].out = in.Spent
		if in.Spent >= 0 {
			inVals[k] = float64(w.x.Output(in.Spent).Value)
		}
	}
	return w.allocate(ins, inVals, w.outputValues(tx), vout, share)
}

// spread splits the share carried by input k of tx among its outputs.
func (w *walker) spread(tx chainindex.Tx, k int, share float64) []flow {
	outs := make([]flow, tx.NumOutputs)
	for j := range outs {
		outs[j].out = tx.FirstOutput + int64(j)
	}
	inVals := make([]float64, tx.NumInputs)
	for j := range inVals {
		if in := w.x.Input(tx.FirstInput + int64(j)); in.Spent >= 0 {
			inVals[j] = float64(w.x.Output(in.Spent).Value)
		}
	}
	return w.allocate(outs, w.outputValues(tx), inVals, k, share)
}

func (w *walker) outputValues(tx chainindex.Tx) []float64 {
	vals := make([]float64, tx.NumOutputs)
	for j := range vals {
		vals[j] = float64(w.x.Output(tx.FirstOutput + int64(j)).Value)
	}
	return vals
}

// allocate gives each of parts (the inputs of a transaction going back, its
// outputs going forward, with values vals) its portion of share, the share
// carried by item at of the other side (values from):
//
//   - haircut: in proportion to vals (equally when all are zero);
//   - fifo: both sides laid end to end in order; a part gets the overlap of
//     its value range with item at's range, over item at's value;
//   - poison: every part gets the whole share.
//
// Parts that get nothing are dropped (under poison, none are).
func (w *walker) allocate(parts []flow, vals, from []float64, at int, share float64) []flow {
	switch w.cfg.Model {
	case Poison:
		for i := range parts {
			parts[i].share = share
		}
		return parts
	case FIFO:
		var lo float64
		for _, v := range from[:at] {
			lo += v
		}
		v := from[at]
		hi := lo + v
		var pos float64
		for i := range parts {
			a, b := pos, pos+vals[i]
			pos = b
			if ov := min(b, hi) - max(a, lo); ov > 0 && v > 0 {
				parts[i].share = share * ov / v
			}
		}
	default: // haircut
		var sum float64
		for _, v := range vals {
			sum += v
		}
		for i := range parts {
			if sum > 0 {
				parts[i].share = share * vals[i] / sum
			} else {
				parts[i].share = share / float64(len(parts))
			}
		}
	}
	out := parts[:0]
	for _, f := range parts {
		if f.share > 0 {
			out = append(out, f)
		}
	}
	return out
}

// Forward traces where the value of the given outputs went, until it
// reaches tagged addresses (e.g. exchange deposit addresses: cash-out).
func Forward(ctx context.Context, x *chainindex.Index, outputs []int64, cfg Config, lab Labeler, g Guard) (*Result, error) {
	w, frontier, err := start(x, outputs, cfg, lab, g, "trace forward")
	if err != nil {
		return nil, err
	}
	for hop := 1; len(frontier) > 0; hop++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var next []flow
		for _, f := range frontier {
			o := x.Output(f.out)
			if o.Spender < 0 {
				w.stop(StopUnspent, f.share)
				continue
			}
			t, k := x.TxOfInput(o.Spender)
			tx := x.Tx(t)
			w.res.Visited++
			switch {
			case g != nil && g.IsCoinJoin(t):
				w.stop(StopCoinJoin, f.share)
				continue
			case hop > cfg.Hops:
				w.stop(StopHops, f.share)
				continue
			case w.res.Visited >= cfg.MaxVisits && cfg.MaxVisits > 0:
				w.stop(StopBudget, f.share)
				continue
			}
			for _, of := range w.spread(tx, k, f.share) {
				oo := x.Output(of.out)
				if oo.Addr != 0 {
					if e, ok := lab.Label(oo.Addr); ok {
						w.source(e, of.share, hop, t, oo.Addr)
						continue
					}
					if g != nil && w.cfg.MaxCluster > 0 && g.ClusterSize(oo.Addr) > w.cfg.MaxCluster {
						w.stop(StopHuge, of.share)
						continue
					}
				}
				if cfg.Model != Poison && of.share < cfg.MinShare {
					w.stop(StopThreshold, of.share)
					continue
				}
				next = append(next, of)
			}
		}
		frontier = merge(next)
	}
	return w.finish(), nil
}
