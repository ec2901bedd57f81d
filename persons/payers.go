package persons

import (
	"context"
	"runtime"
	"sort"
	"sync"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Source is an entity a payment's money came from, as a backward trace
// reports it.
type Source struct {
	Entity   string          `json:"entity"`
	Category string          `json:"category"`
	Share    float64         `json:"share"`
	Sats     coinsift.Sats   `json:"sats"`
	Hops     int             `json:"hops"`
	Tx       coinsift.TxID   `json:"txid"` // the entity's transaction that sent the money out
	Height   coinsift.Height `json:"height"`
}

// Walk traces one payment's outputs backwards; the command wires it to
// trace.Back with the stored clustering.
type Walk func(ctx context.Context, outputs []int64) ([]Source, error)

// Start is one paid payment to trace.
type Start struct {
	Key     string // the payment's key, opaque here
	Account string
	Outputs []int64 // matched outputs (chain index numbers)
}

// Payer is what the trace says about one payment.
type Payer struct {
	Key     string        `json:"payment"`
	Account string        `json:"account"`
	Sats    coinsift.Sats `json:"sats"`
	// PayingCluster is the cluster of the paying transaction's first input
	// address; PayingAddress that address. 0/"" when the input is unknown.
	PayingCluster uint32 `json:"paying_cluster"`
	PayingAddress uint32 `json:"paying_address_id"`
	// Direct is true when an exchange paid the deposit address itself
	// (hop 1); Withdrawal is its withdrawal transaction.
	Direct     bool          `json:"direct"`
	Exchange   string        `json:"exchange,omitempty"` // the largest exchange source
	Withdrawal coinsift.TxID `json:"withdrawal_txid"`
	Hops       int           `json:"hops"` // of the largest exchange source
	Sources    []Source      `json:"sources"`
	Err        string        `json:"error,omitempty"`
}

// PayersConfig sets the worker count.
type PayersConfig struct {
	Workers int // 0: GOMAXPROCS
	// ClusterOf maps an address id to its cluster; nil: identity.
	ClusterOf func(addr uint32) uint32
}

// Payers traces every start with walk on a pool of workers and returns the
// payers in the order of starts. A failed walk is recorded in Payer.Err;
// only cancellation ends the run early.
func Payers(ctx context.Context, x *chainindex.Index, starts []Start, walk Walk, cfg PayersConfig, p coinsift.Progress) ([]Payer, error) {
	if p == nil {
		p = coinsift.NopProgress{}
	}
	p.SetTotal(int64(len(starts)))
	defer p.Done()
	n := cfg.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	clusterOf := cfg.ClusterOf
	if clusterOf == nil {
		clusterOf = func(a uint32) uint32 { return a }
	}
	out := make([]Payer, len(starts))
	const batch = 256
	next := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range next {
				hi := min(lo+batch, len(starts))
				for i := lo; i < hi; i++ {
					out[i] = payer(ctx, x, starts[i], walk, clusterOf)
				}
				p.Add(int64(hi - lo))
			}
		}()
	}
	var err error
feed:
	for lo := 0; lo < len(starts); lo += batch {
		select {
		case next <- lo:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func payer(ctx context.Context, x *chainindex.Index, s Start, walk Walk, clusterOf func(uint32) uint32) Payer {
	py := Payer{Key: s.Key, Account: s.Account, Sources: []Source{}}
	for _, o := range s.Outputs {
		py.Sats += x.Output(o).Value
	}
	if len(s.Outputs) > 0 {
		t, _ := x.TxOfOutput(s.Outputs[0])
		tx := x.Tx(t)
		if tx.NumInputs > 0 {
			if sp := x.Input(tx.FirstInput).Spent; sp >= 0 {
				if a := x.Output(sp).Addr; a != 0 {
					py.PayingAddress, py.PayingCluster = a, clusterOf(a)
				}
			}
		}
	}
	src, err := walk(ctx, s.Outputs)
	if err != nil {
		py.Err = err.Error()
		return py
	}
	py.Sources = src
	for _, so := range src { // by share, descending
		if so.Category != "exchange" {
			continue
		}
		py.Exchange, py.Hops, py.Withdrawal = so.Entity, so.Hops, so.Tx
		py.Direct = so.Hops == 1
		break
	}
	return py
}

// AccountSource is one source of an account's payments, summed over them.
type AccountSource struct {
	Account  string        `json:"account"`
	Entity   string        `json:"entity"`
	Category string        `json:"category"`
	Sats     coinsift.Sats `json:"sats"`
	Share    float64       `json:"share"` // of the account's traced sats
	Payments int           `json:"payments"`
	MinHops  int           `json:"min_hops"`
	Direct   int           `json:"direct_payments"` // payments this exchange paid directly
}

// AccountPayer summarises one account's payers.
type AccountPayer struct {
	Account        string          `json:"account"`
	Payments       int             `json:"payments"`
	Sats           coinsift.Sats   `json:"sats"`
	PayingClusters []uint32        `json:"paying_clusters"` // ascending
	Direct         int             `json:"direct_payments"`
	TopSource      string          `json:"top_source,omitempty"`
	TopShare       float64         `json:"top_share"`
	Sources        []AccountSource `json:"sources"`
}

// ByAccount aggregates payers per account, in account order; each
// account's sources by share, descending.
func ByAccount(payers []Payer) []AccountPayer {
	idx := map[string]int{}
	var out []AccountPayer
	srcs := map[string]map[string]*AccountSource{}
	for _, p := range payers {
		i, ok := idx[p.Account]
		if !ok {
			i = len(out)
			idx[p.Account] = i
			out = append(out, AccountPayer{Account: p.Account})
			srcs[p.Account] = map[string]*AccountSource{}
		}
		a := &out[i]
		a.Payments++
		a.Sats += p.Sats
		if p.Direct {
			a.Direct++
		}
		if p.PayingCluster != 0 {
			a.PayingClusters = append(a.PayingClusters, p.PayingCluster)
		}
		for _, s := range p.Sources {
			k := s.Category + "\x00" + s.Entity
			as := srcs[p.Account][k]
			if as == nil {
				as = &AccountSource{Account: p.Account, Entity: s.Entity, Category: s.Category, MinHops: s.Hops}
				srcs[p.Account][k] = as
			}
			as.Sats += s.Sats
			as.Payments++
			as.MinHops = min(as.MinHops, s.Hops)
			if s.Hops == 1 && s.Category == "exchange" {
				as.Direct++
			}
		}
	}
	for i := range out {
		a := &out[i]
		sort.Slice(a.PayingClusters, func(x, y int) bool { return a.PayingClusters[x] < a.PayingClusters[y] })
		a.PayingClusters = compact(a.PayingClusters)
		a.Sources = []AccountSource{}
		for _, s := range srcs[a.Account] {
			if a.Sats > 0 {
				s.Share = float64(s.Sats) / float64(a.Sats)
			}
			a.Sources = append(a.Sources, *s)
		}
		sort.Slice(a.Sources, func(x, y int) bool {
			p, q := a.Sources[x], a.Sources[y]
			if p.Sats != q.Sats {
				return p.Sats > q.Sats
			}
			if p.Entity != q.Entity {
				return p.Entity < q.Entity
			}
			return p.Category < q.Category
		})
		if len(a.Sources) > 0 {
			a.TopSource, a.TopShare = a.Sources[0].Entity, a.Sources[0].Share
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account < out[j].Account })
	return out
}

func compact(s []uint32) []uint32 {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
