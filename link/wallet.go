package link

import (
	"context"
	"sort"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Deposit is an output paying the service that no recorded payment
// accounts for: to a payment's deposit address, or to another address of
// the deposit addresses' clusters from a payer outside them.
type Deposit struct {
	Match
	Address   string `json:"address"`
	AddressID uint32 `json:"address_id"`
	Cluster   uint32 `json:"cluster_id"`
	// Recorded is true when the address is a recorded payment's deposit
	// address (the service knew it), false for other cluster members.
	Recorded bool `json:"payment_address"`
}

// WalletPart is one cluster holding deposit addresses: a part of the
// service's wallet, with its sweeps.
type WalletPart struct {
	Cluster          uint32        `json:"cluster_id"`
	Size             int           `json:"size"`              // addresses in the cluster
	DepositAddresses int           `json:"deposit_addresses"` // recorded deposit addresses in it
	Received         coinsift.Sats `json:"received_sats"`     // from outside the cluster
	Sweeps           int           `json:"sweeps"`            // transactions spending its outputs
	Swept            coinsift.Sats `json:"swept_sats"`        // value of the outputs they spent
	FirstSweep       time.Time     `json:"first_sweep"`
	LastSweep        time.Time     `json:"last_sweep"`
	// Destinations are the clusters outside this one that sweeps paid, by
	// value, at most 10.
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

// walletOf finds the unrecorded deposits and describes the deposit clusters.
func walletOf(ctx context.Context, x *chainindex.Index, links []Link, used map[int64]bool, cl Clustering) ([]Deposit, []WalletPart) {
	clusterOf := func(a uint32) uint32 {
		if int(a) < len(cl) {
			return cl[a]
		}
		return a
	}
	recorded := map[uint32]bool{}
	parts := map[uint32]*WalletPart{}
	for _, l := range links {
		if l.AddressID == 0 || recorded[l.AddressID] {
			continue
		}
		recorded[l.AddressID] = true
		c := clusterOf(l.AddressID)
		if parts[c] == nil {
			parts[c] = &WalletPart{Cluster: c}
		}
		parts[c].DepositAddresses++
	}
	// Members of the deposit clusters: one pass over the assignment.
	members := map[uint32][]uint32{}
	if len(cl) > 0 {
		for a := uint32(1); int(a) < len(cl) && int64(a) <= x.NumAddresses(); a++ {
			if parts[cl[a]] != nil {
				members[cl[a]] = append(members[cl[a]], a)
			}
		}
	}
	for a := range recorded { // addresses beyond the clustering
		c := clusterOf(a)
		if len(members[c]) == 0 || int(a) >= len(cl) {
			members[c] = append(members[c], a)
		}
	}
	ids := make([]uint32, 0, len(parts))
	for c := range parts {
		ids = append(ids, c)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var deps []Deposit
	var wallet []WalletPart
	inCluster := func(t chainindex.Tx, c uint32) bool {
		for i := t.FirstInput; i < t.FirstInput+int64(t.NumInputs); i++ {
			if s := x.Input(i).Spent; s >= 0 {
				if a := x.Output(s).Addr; a != 0 && clusterOf(a) == c {
					return true
				}
			}
		}
		return false
	}
	for n, c := range ids {
		if n%1000 == 0 && ctx.Err() != nil {
			break
		}
		w := parts[c]
		ms := members[c]
		sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
		w.Size = len(ms)
		sweeps := map[int64]bool{}
		dest := map[uint32]*Destination{}
		for _, a := range ms {
			for _, o := range x.AddressOutputs(a) {
				out := x.Output(o)
				t, _ := x.TxOfOutput(o)
				tx := x.Tx(t)
				if !inCluster(tx, c) {
					w.Received += out.Value
					if !used[o] {
						m := match(x, o)
						deps = append(deps, Deposit{Match: m, Address: x.AddressString(a), AddressID: a, Cluster: c, Recorded: recorded[a]})
					}
				}
				if out.Spender < 0 {
					continue
				}
				w.Swept += out.Value
				st, _ := x.TxOfInput(out.Spender)
				if sweeps[st] {
					continue
				}
				sweeps[st] = true
				stx := x.Tx(st)
				if w.FirstSweep.IsZero() || stx.Time.Before(w.FirstSweep) {
					w.FirstSweep = stx.Time
				}
				if stx.Time.After(w.LastSweep) {
					w.LastSweep = stx.Time
				}
				for k := 0; k < stx.NumOutputs; k++ {
					so := x.Output(stx.FirstOutput + int64(k))
					if so.Addr == 0 || clusterOf(so.Addr) == c {
						continue
					}
					dc := clusterOf(so.Addr)
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
	return deps, wallet
}
