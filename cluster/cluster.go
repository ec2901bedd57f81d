package cluster

import (
	"context"
	"fmt"
	"log/slog"

	coinsift "github.com/coinsift/coinsift"
)

// Merge is one union that joined two clusters: the evidence for an edge of
// the spanning forest.
type Merge struct {
	A, B      uint32 // the two addresses the heuristic linked
	Tx        int64  // the transaction
	Heuristic Heuristic
}

// JoinTx is a transaction a CoinJoin detector recognised.
type JoinTx struct {
	Tx       int64
	Detector string
}

// ChangeDecision records one transaction where change heuristics named an
// output.
type ChangeDecision struct {
	Tx       int64
	Vout     int
	Votes    Set      // the sub-heuristics that named this output
	Merged   bool     // the change was merged with the inputs
	Refusal  string   // why not, if not: "conflict", "votes", "guard-size", "guard-tag"
	Conflict Set      // sub-heuristics that named another output
	Answers  []Answer // what each sub-heuristic named
}

// Answer is the output one change sub-heuristic named.
type Answer struct {
	Heuristic Heuristic
	Vout      int32
}

// Stats summarises a run.
type Stats struct {
	Txs              int64  `json:"txs"`
	Inputs           int64  `json:"inputs"`
	Addresses        int    `json:"addresses"`
	CoinJoins        int    `json:"coinjoins"`
	MultiInputMerges int64  `json:"multi_input_merges"`
	ChangeDecisions  int64  `json:"change_decisions"`
	ChangeMerges     int64  `json:"change_merges"`
	GuardRefusals    int64  `json:"guard_refusals"`
	Clusters         int    `json:"clusters"`
	Singletons       int    `json:"singletons"`
	Largest          int    `json:"largest"`
	LargestID        uint32 `json:"largest_id"`
}

// Result is a clustering.
type Result struct {
	Config    Config
	Cluster   []uint32 // address id → cluster id (the smallest address id in it)
	Size      []uint32 // cluster id → number of addresses (0 for ids that are not cluster ids)
	First     uint32   // ids below First are not addresses (see AddressBase): in no cluster, Size 0
	Merges    []Merge  // every union, in the order made (Config.KeepMerges)
	CoinJoins []JoinTx
	Changes   []ChangeDecision
	Stats     Stats
}

// Run clusters the addresses of src under cfg. Progress counts transactions
// (twice: one pass for multi-input, one for change).
func Run(ctx context.Context, src Source, cfg Config, log *slog.Logger, p coinsift.Progress) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if p == nil {
		p = coinsift.NopProgress{}
	}
	defer p.Done()
	n := src.NumAddresses()
	if n < 0 || uint64(n) >= rootBit {
		return nil, fmt.Errorf("cluster: %d addresses do not fit 31-bit ids: %w", n, coinsift.ErrInvalid)
	}
	r := &Result{Config: cfg}
	if b, ok := src.(AddressBase); ok {
		r.First = min(b.FirstAddress(), uint32(n))
	}
	uf := newUnionFind(n)
	var actor []uint32
	if cfg.Actor != nil {
		actor = make([]uint32, n)
		for a := range actor {
			actor[a] = cfg.Actor(uint32(a))
		}
	}
	st := &r.Stats
	st.Addresses = n - int(r.First)
	join := func(a, b uint32, tx int64, h Heuristic) {
		ra, rb := uf.find(a), uf.find(b)
		if ra == rb {
			return
		}
		root := uf.union(ra, rb)
		if actor != nil {
			other := ra
			if root == ra {
				other = rb
			}
			if actor[root] == 0 {
				actor[root] = actor[other]
			}
		}
		if cfg.KeepMerges {
			r.Merges = append(r.Merges, Merge{A: a, B: b, Tx: tx, Heuristic: h})
		}
		if h == MultiInput {
			st.MultiInputMerges++
		} else {
			st.ChangeMerges++
		}
	}

	// Pass 1: CoinJoin detection and common-input ownership.
	joins := map[int64]bool{}
	var done int64
	err := src.Scan(ctx, func(tx *Tx) error {
		st.Txs++
		st.Inputs += int64(len(tx.Inputs))
		if done++; done%4096 == 0 {
			p.Add(4096)
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if tx.Coinbase {
			return nil
		}
		if cfg.Heuristics.Has(CoinJoin) {
			if d := DetectCoinJoin(tx); d != "" {
				r.CoinJoins = append(r.CoinJoins, JoinTx{Tx: tx.Index, Detector: d})
				if IsJoin(d) {
					joins[tx.Index] = true
					st.CoinJoins++
					return nil
				}
			}
		}
		if !cfg.Heuristics.Has(MultiInput) {
			return nil
		}
		first := NoAddr
		for _, in := range tx.Inputs {
			if in.Addr == NoAddr || int(in.Addr) >= n {
				continue
			}
			if first == NoAddr {
				first = in.Addr
				continue
			}
			join(first, in.Addr, tx.Index, MultiInput)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: multi-input pass: %w", err)
	}
	p.Add(done % 4096)

	// Pass 2: change.
	changeSet := cfg.Heuristics & changeMask
	if changeSet != 0 {
		done = 0
		ch := changeFinder{cfg: cfg, src: src}
		err = src.Scan(ctx, func(tx *Tx) error {
			if done++; done%4096 == 0 {
				p.Add(4096)
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if tx.Coinbase || joins[tx.Index] {
				return nil
			}
			d, ok, err := ch.decide(tx)
			if err != nil || !ok {
				return err
			}
			st.ChangeDecisions++
			if d.Refusal == "" {
				in := firstInput(tx)
				out := tx.Outputs[d.Vout].Addr
				ri, ro := uf.find(in), uf.find(out)
				switch {
				case ri == ro:
					d.Merged = true
				case cfg.GuardSize > 0 && int(uf.size(ri)) > cfg.GuardSize && int(uf.size(ro)) > cfg.GuardSize:
					d.Refusal = "guard-size"
				case actor != nil && actor[ri] != 0 && actor[ro] != 0 && actor[ri] != actor[ro]:
					d.Refusal = "guard-tag"
				default:
					join(in, out, tx.Index, strongest(d.Votes))
					d.Merged = true
				}
				if d.Refusal != "" {
					st.GuardRefusals++
				}
			}
			r.Changes = append(r.Changes, d)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cluster: change pass: %w", err)
		}
		p.Add(done % 4096)
	}

	r.Cluster, r.Size = uf.finish()
	for id := uint32(0); id < r.First; id++ {
		r.Size[id] = 0 // nothing joins an id that is no address: it stays its own root
	}
	for id, s := range r.Size {
		if s == 0 {
			continue
		}
		st.Clusters++
		if s == 1 {
			st.Singletons++
		}
		if int(s) > st.Largest {
			st.Largest, st.LargestID = int(s), uint32(id)
		}
	}
	if log != nil {
		log.Info("clustered", "addresses", n, "clusters", st.Clusters, "largest", st.Largest,
			"multi_input_merges", st.MultiInputMerges, "change_merges", st.ChangeMerges)
	}
	return r, nil
}

func firstInput(tx *Tx) uint32 {
	for _, in := range tx.Inputs {
		if in.Addr != NoAddr {
			return in.Addr
		}
	}
	return NoAddr
}

// strongest returns the change heuristic recorded for a merge named by
// several: the first in id order.
func strongest(s Set) Heuristic {
	for _, h := range s.List() {
		if h.isChange() {
			return h
		}
	}
	return ChangeType
}

// unionFind is a disjoint-set forest over dense ids: union by size, path
// halving, 4 bytes per element. A root's entry holds rootBit and the size
// of its set; any other entry holds its parent's id. Keeping the size in
// the root's own entry means a union touches no memory that its two finds
// did not already bring into the cache. Ids must be below 2^31.
type unionFind struct {
	parent []uint32
}

const rootBit = 1 << 31

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]uint32, n)}
	for i := range u.parent {
		u.parent[i] = rootBit | 1
	}
	return u
}

func (u *unionFind) find(x uint32) uint32 {
	p := u.parent
	for {
		px := p[x]
		if px&rootBit != 0 {
			return x
		}
		ppx := p[px]
		if ppx&rootBit != 0 {
			return px
		}
		p[x] = ppx // path halving
		x = ppx
	}
}

// size returns the size of the set whose root is r.
func (u *unionFind) size(r uint32) uint32 { return u.parent[r] &^ rootBit }

// union joins two roots and returns the new root.
func (u *unionFind) union(a, b uint32) uint32 {
	sa, sb := u.size(a), u.size(b)
	if sa < sb || sa == sb && b < a {
		a, b = b, a
	}
	u.parent[b] = a
	u.parent[a] = rootBit | (sa + sb)
	return a
}

// finish returns, for every id, the smallest id of its set, and the set
// sizes indexed by that id. It reuses the forest's memory for the first.
func (u *unionFind) finish() (cluster, size []uint32) {
	p := u.parent
	n := len(p)
	// Compress every path: afterwards a non-root entry is its root's id.
	for i := 0; i < n; i++ {
		if r := u.find(uint32(i)); r != uint32(i) {
			p[i] = r
		}
	}
	root := func(i int) uint32 {
		if p[i]&rootBit != 0 {
			return uint32(i)
		}
		return p[i]
	}
	// Ids are visited in increasing order, so the first member seen of each
	// root is its smallest.
	const unset = ^uint32(0)
	minOf := make([]uint32, n)
	for i := range minOf {
		minOf[i] = unset
	}
	for i := 0; i < n; i++ {
		if r := root(i); minOf[r] == unset {
			minOf[r] = uint32(i)
		}
	}
	// Overwrite in increasing order: entry i is rewritten only after every
	// use of it as a root, because a set's smallest member (where its size
	// is read) is never above its root.
	size = make([]uint32, n)
	for i := 0; i < n; i++ {
		r := root(i)
		if uint32(i) == minOf[r] {
			size[i] = p[r] &^ rootBit
		}
		p[i] = minOf[r]
	}
	return p, size
}
