package link

import (
	"context"
	"sort"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Deposit is an output paying the service that no recorded payment
// accounts for: to an address of the service's wallet (see
// [ServiceAddress]) from a transaction that spends no service output.
type Deposit struct {
	Match
	Address   string `json:"address"`
	AddressID uint32 `json:"address_id"`
	Cluster   uint32 `json:"cluster_id"` // the address's stored cluster
	// Recorded is true when the address is a recorded payment's deposit
	// address (the service knew it), false for other cluster members.
	Recorded bool `json:"payment_address"`
}

// WalletPart is the part of the service's wallet in one stored cluster,
// with its sweeps.
type WalletPart struct {
	Cluster          uint32        `json:"cluster_id"`
	Size             int           `json:"size"`              // service addresses in the cluster
	DepositAddresses int           `json:"deposit_addresses"` // recorded deposit addresses in it
	Received         coinsift.Sats `json:"received_sats"`     // from outside the service
	Sweeps           int           `json:"sweeps"`            // transactions spending its outputs
	Swept            coinsift.Sats `json:"swept_sats"`        // value of the outputs they spent
	FirstSweep       time.Time     `json:"first_sweep"`
	LastSweep        time.Time     `json:"last_sweep"`
	// Destinations are the clusters outside the service that sweeps paid,
	// by value, at most 10.
	Destinations []Destination `json:"destinations"`
}

// Destination is where sweeps went.
type Destination struct {
	Cluster uint32        `json:"cluster_id"`
	Example string        `json:"example_address"`
	Sats    coinsift.Sats `json:"sats"`
	Txs     int           `json:"txs"`
}

// maxDestinations bounds WalletPart.Destinations.
const maxDestinations = 10

// MaxServiceRounds bounds the passes that grow the service's wallet from
// its spends; a chain needing more leaves the wallet incomplete (and says
// so in [Stats]).
const MaxServiceRounds = 10_000

// Why says why an address is in the service's own wallet.
type Why string

// Reasons for a [ServiceAddress].
const (
	// WhyDeposit: a recorded payment names the address as its deposit
	// address.
	WhyDeposit Why = "deposit"
	// WhyCoSpent: a transaction spent an output of the address together
	// with an output of a service address (Via), and the transaction is not
	// a CoinJoin: whoever signed it held both keys.
	WhyCoSpent Why = "co_spent"
	// WhyChange: the change of a transaction spending service outputs: the
	// stored clustering (multi-input and the case's change heuristics) puts
	// the output's address in the cluster of one of the inputs (Via), and
	// no other new output (else the clustering has joined the service with
	// a payee, and neither is taken).
	WhyChange Why = "change"
)

// ServiceAddress is one address of the service's own wallet, and why it is
// in. The wallet starts from the deposit addresses the payments name; every
// transaction spending a service output (a sweep, a consolidation, a payout)
// adds its other inputs and its change, pass after pass, until a pass adds
// nothing (or [MaxServiceRounds]).
type ServiceAddress struct {
	AddressID uint32 `json:"address_id"`
	Address   string `json:"address"`
	Cluster   uint32 `json:"cluster_id"` // stored cluster
	Why       Why    `json:"why"`
	// Via is the service address that brought this one in: spent with it
	// (co_spent) or an input of the transaction it is the change of
	// (change); "" for a deposit address.
	Via string `json:"via,omitempty"`
	// TxID is the transaction of a co_spent or change reason, "" for a
	// deposit address.
	TxID  string `json:"txid,omitempty"`
	Round int    `json:"round"` // the pass that added it; 0: a deposit address
}

// service is the service's wallet as walletOf reads it.
type service struct {
	list       []ServiceAddress // by address id
	in         map[uint32]int   // address id → index in list
	recorded   map[uint32]bool  // deposit addresses named by payments
	rounds     int
	incomplete bool
}

// coinJoin reports whether a transaction has the shape of a CoinJoin:
// three or more outputs of one value (of at least 10,000 sats) and at least
// as many inputs. It is the common ground of the clustering's CoinJoin
// detectors, kept broad: a service spend it misjudges only adds no address.
func coinJoin(x Chain, tx chainindex.Tx) bool {
	if tx.Coinbase || tx.NumInputs < 3 || tx.NumOutputs < 3 {
		return false
	}
	n := map[coinsift.Sats]int{}
	for o := tx.FirstOutput; o < tx.FirstOutput+int64(tx.NumOutputs); o++ {
		out := x.Output(o)
		if out.Addr != 0 && out.Value >= 10_000 {
			n[out.Value]++
		}
	}
	for _, k := range n {
		if k >= 3 && tx.NumInputs >= k {
			return true
		}
	}
	return false
}

// serviceWallet grows the service's wallet from the deposit addresses of
// the links to a fixed point (see [ServiceAddress]).
func serviceWallet(ctx context.Context, x Chain, links []Link, cl Clustering) (*service, error) {
	s := &service{in: map[uint32]int{}, recorded: map[uint32]bool{}}
	add := func(a uint32, why Why, via uint32, t int64, round int) {
		sa := ServiceAddress{AddressID: a, Address: x.AddressString(a), Cluster: cl.clusterOf(a), Why: why, Round: round}
		if why != WhyDeposit {
			sa.Via, sa.TxID = x.AddressString(via), x.Tx(t).TxID.String()
		}
		s.in[a] = len(s.list)
		s.list = append(s.list, sa)
	}
	var frontier []uint32
	for _, l := range links {
		if l.AddressID == 0 || s.recorded[l.AddressID] {
			continue
		}
		s.recorded[l.AddressID] = true
		frontier = append(frontier, l.AddressID)
	}
	sort.Slice(frontier, func(i, j int) bool { return frontier[i] < frontier[j] })
	for _, a := range frontier {
		add(a, WhyDeposit, 0, 0, 0)
	}
	done := map[int64]bool{} // spending transactions already read
	for round := 1; len(frontier) > 0; round++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if round > MaxServiceRounds {
			s.incomplete = true
			break
		}
		s.rounds = round
		var next []uint32
		for _, a := range frontier {
			for _, o := range x.AddressOutputs(a) {
				sp := x.Output(o).Spender
				if sp < 0 {
					continue
				}
				t, _ := x.TxOfInput(sp)
				if done[t] {
					continue
				}
				done[t] = true
				tx := x.Tx(t)
				if coinJoin(x, tx) {
					continue
				}
				inCluster := map[uint32]uint32{} // stored cluster → an input address in it
				for i := tx.FirstInput; i < tx.FirstInput+int64(tx.NumInputs); i++ {
					so := x.Input(i).Spent
					if so < 0 {
						continue
					}
					b := x.Output(so).Addr
					if b == 0 {
						continue
					}
					if _, ok := inCluster[cl.clusterOf(b)]; !ok {
						inCluster[cl.clusterOf(b)] = b
					}
					if _, ok := s.in[b]; !ok {
						add(b, WhyCoSpent, a, t, round)
						next = append(next, b)
					}
				}
				if len(cl) == 0 {
					continue // no clustering: change only by reuse of a service address
				}
				// One change: when the clustering puts several new outputs
				// with the inputs, it has joined the service with a payee.
				change, via, n := uint32(0), uint32(0), 0
				for o := tx.FirstOutput; o < tx.FirstOutput+int64(tx.NumOutputs); o++ {
					c := x.Output(o).Addr
					if c == 0 || c == change {
						continue
					}
					if _, ok := s.in[c]; ok {
						continue
					}
					if v, ok := inCluster[cl.clusterOf(c)]; ok {
						change, via = c, v
						n++
					}
				}
				if n == 1 {
					add(change, WhyChange, via, t, round)
					next = append(next, change)
				}
			}
		}
		sort.Slice(next, func(i, j int) bool { return next[i] < next[j] })
		frontier = next
	}
	sort.Slice(s.list, func(i, j int) bool { return s.list[i].AddressID < s.list[j].AddressID })
	for i, sa := range s.list {
		s.in[sa.AddressID] = i
	}
	return s, nil
}

// walletOf finds the unrecorded deposits to the service's wallet, counts
// its own transfers into st, and describes the wallet by stored cluster.
func walletOf(ctx context.Context, x Chain, s *service, used map[int64]bool, cl Clustering, st *Stats) ([]Deposit, []WalletPart) {
	parts := map[uint32]*WalletPart{}
	members := map[uint32][]uint32{}
	for _, sa := range s.list {
		w := parts[sa.Cluster]
		if w == nil {
			w = &WalletPart{Cluster: sa.Cluster}
			parts[sa.Cluster] = w
		}
		w.Size++
		if s.recorded[sa.AddressID] {
			w.DepositAddresses++
		}
		members[sa.Cluster] = append(members[sa.Cluster], sa.AddressID)
	}
	ids := make([]uint32, 0, len(parts))
	for c := range parts {
		ids = append(ids, c)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	// fromService reports whether transaction t spends a service output.
	fromService := func(t int64) bool {
		tx := x.Tx(t)
		for i := tx.FirstInput; i < tx.FirstInput+int64(tx.NumInputs); i++ {
			if so := x.Input(i).Spent; so >= 0 {
				if _, ok := s.in[x.Output(so).Addr]; ok {
					return true
				}
			}
		}
		return false
	}
	var deps []Deposit
	var wallet []WalletPart
	for n, c := range ids {
		if n%1000 == 0 && ctx.Err() != nil {
			break
		}
		w := parts[c]
		sweeps := map[int64]bool{}
		dest := map[uint32]*Destination{}
		for _, a := range members[c] {
			for _, o := range x.AddressOutputs(a) {
				out := x.Output(o)
				t, _ := x.TxOfOutput(o)
				switch {
				case fromService(t):
					if !used[o] {
						st.SelfTransfers++
						st.SelfTransferSats += out.Value
					}
				default:
					w.Received += out.Value
					if !used[o] {
						deps = append(deps, Deposit{Match: match(x, o), Address: x.AddressString(a), AddressID: a, Cluster: c, Recorded: s.recorded[a]})
					}
				}
				if out.Spender < 0 {
					continue
				}
				w.Swept += out.Value
				stt, _ := x.TxOfInput(out.Spender)
				if sweeps[stt] {
					continue
				}
				sweeps[stt] = true
				stx := x.Tx(stt)
				if w.FirstSweep.IsZero() || stx.Time.Before(w.FirstSweep) {
					w.FirstSweep = stx.Time
				}
				if stx.Time.After(w.LastSweep) {
					w.LastSweep = stx.Time
				}
				for k := 0; k < stx.NumOutputs; k++ {
					so := x.Output(stx.FirstOutput + int64(k))
					if so.Addr == 0 {
						continue
					}
					if _, ok := s.in[so.Addr]; ok {
						continue
					}
					dc := cl.clusterOf(so.Addr)
					d := dest[dc]
					if d == nil {
						d = &Destination{Cluster: dc, Example: x.AddressString(so.Addr)}
						dest[dc] = d
					}
					d.Sats += so.Value
					d.Txs++
				}
			}
		}
		w.Sweeps = len(sweeps)
		w.Destinations = []Destination{}
		for _, d := range dest {
			w.Destinations = append(w.Destinations, *d)
		}
		sort.Slice(w.Destinations, func(i, j int) bool {
			a, b := w.Destinations[i], w.Destinations[j]
			if a.Sats != b.Sats {
				return a.Sats > b.Sats
			}
			return a.Cluster < b.Cluster
		})
		if len(w.Destinations) > maxDestinations {
			w.Destinations = w.Destinations[:maxDestinations]
		}
		wallet = append(wallet, *w)
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Output < deps[j].Output })
	if deps == nil {
		deps = []Deposit{}
	}
	if wallet == nil {
		wallet = []WalletPart{}
	}
	return deps, wallet
}
