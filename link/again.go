package link

import (
	"fmt"
	"sort"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// clusterOf returns the stored cluster of address a (a itself beyond the
// clustering, or without one).
func (cl Clustering) clusterOf(a uint32) uint32 {
	if int(a) < len(cl) {
		return cl[a]
	}
	return a
}

// payers returns the clusters of the addresses that transaction t spends
// from, ascending (none for a coinbase).
func payers(x Chain, cl Clustering, t int64) []uint32 {
	tx := x.Tx(t)
	var cs []uint32
	for i := tx.FirstInput; i < tx.FirstInput+int64(tx.NumInputs); i++ {
		s := x.Input(i).Spent
		if s < 0 {
			continue
		}
		if a := x.Output(s).Addr; a != 0 {
			cs = append(cs, cl.clusterOf(a))
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
	out := cs[:0]
	for i, c := range cs {
		if i == 0 || c != cs[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// paidBy is a paid link at an address: the clusters that paid it and its
// last output.
type paidBy struct {
	link   int       // index in the links
	last   int64     // its last matched output
	lastAt time.Time // that output's block time
	payers []uint32  // ascending
}

// shares returns a cluster that the ascending lists a and b both hold.
func shares(a, b []uint32) (uint32, bool) {
	for _, c := range a {
		i := sort.Search(len(b), func(i int) bool { return b[i] >= c })
		if i < len(b) && b[i] == c {
			return c, true
		}
	}
	return 0, false
}

// paidAgain finds the further payments to paid invoices' addresses: an
// output that no payment accounts for, later in the chain than the last
// output matched to a paid invoice at its address, from a transaction that
// spends from a cluster that paid that invoice. It goes to the latest such
// invoice; the outputs of one transaction make one further payment. The
// outputs are marked used. Outputs from other clusters stay unrecorded
// deposits.
func paidAgain(x Chain, cl Clustering, links []Link, used map[int64]bool) []Link {
	byAddr := map[uint32][]paidBy{}
	for i := range links {
		l := &links[i]
		if !l.Status.Paid() || l.AddressID == 0 || len(l.Outputs) == 0 {
			continue
		}
		p := paidBy{link: i, last: -1}
		var all []uint32
		for _, m := range l.Outputs {
			if m.Output > p.last {
				p.last, p.lastAt = m.Output, m.Time
			}
			t, _ := x.TxOfOutput(m.Output)
			all = append(all, payers(x, cl, t)...)
		}
		sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
		for k, c := range all {
			if k == 0 || c != all[k-1] {
				p.payers = append(p.payers, c)
			}
		}
		if len(p.payers) == 0 {
			continue
		}
		byAddr[l.AddressID] = append(byAddr[l.AddressID], p)
	}
	addrs := make([]uint32, 0, len(byAddr))
	for a := range byAddr {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return addrs[i] < addrs[j] })
	var again []Link
	count := map[int]int{} // original link → further payments so far
	for _, a := range addrs {
		ps := byAddr[a]
		last := -1 // index in again of the latest further payment at a
		lastTx := int64(-1)
		for _, o := range x.AddressOutputs(a) {
			if used[o] {
				continue
			}
			t, _ := x.TxOfOutput(o)
			from := payers(x, cl, t)
			best, via := -1, uint32(0)
			for k, p := range ps {
				if p.last >= o {
					continue
				}
				if c, ok := shares(p.payers, from); ok && (best < 0 || p.last > ps[best].last) {
					best, via = k, c
				}
			}
			if best < 0 {
				continue
			}
			p := ps[best]
			orig := &links[p.link]
			m := match(x, o)
			used[o] = true
			if last >= 0 && lastTx == t && again[last].Key.Row == orig.Key.Row && origOf(again[last]) == orig.Key {
				l := &again[last]
				l.Outputs = append(l.Outputs, m)
				l.Paid += m.Sats
				l.Delta = l.Paid
				l.Reason = againReason(orig, l, via, p.lastAt)
				continue
			}
			count[p.link]++
			l := Link{Key: orig.Key.Again(count[p.link]), Account: orig.Account, Address: orig.Address, AddressID: a,
				Status: PaidAgain, By: "cluster", Outputs: []Match{m}, Paid: m.Sats, Delta: m.Sats}
			l.Reason = againReason(orig, &l, via, p.lastAt)
			again = append(again, l)
			last, lastTx = len(again)-1, t
		}
	}
	return again
}

// origOf returns the recorded payment a paid-again link belongs to.
func origOf(l Link) Key {
	k, _, _ := l.Key.AgainOf()
	return k
}

// againReason explains a paid-again link l of payment orig.
func againReason(orig *Link, l *Link, via uint32, lastAt time.Time) string {
	return fmt.Sprintf("paid again: %s BTC to the address of payment %s (%s), from cluster %d that paid it, %s after its last matched output",
		coinsift.Sats(l.Paid), orig.Key, orig.Status, via, l.Outputs[0].Time.Sub(lastAt).Round(time.Minute))
}

// spendsService reports whether transaction t spends an output of the
// service's wallet s: the service's own transfer or change.
func spendsService(x Chain, s *service, t int64) bool {
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

// ownAgain attaches the further payments to an account's own address —
// one that several payments of that account name and no other account's
// (a per-user static address, topped up) — whoever paid them: an output
// that no payment accounts for, from the window before the address's
// first payment on, not the service's own transfer, is a [PaidAgain] link
// of the latest payment created by then (the first, if none was). The
// outputs of one transaction make one further payment. Its keys continue
// the numbering of links' further payments; the outputs are marked used.
func ownAgain(x Chain, cfg Config, ps []Payment, links []Link, u map[uint32]*use, s *service, used map[int64]bool) []Link {
	count := map[Key]int{}
	for _, l := range links {
		if k, n, ok := l.Key.AgainOf(); ok && n > count[k] {
			count[k] = n
		}
	}
	addrs := make([]uint32, 0, len(u))
	for a, w := range u {
		if w.accounts == 1 && w.rows > 1 {
			addrs = append(addrs, a)
		}
	}
	sort.Slice(addrs, func(i, j int) bool { return addrs[i] < addrs[j] })
	var again []Link
	for _, a := range addrs {
		rows := u[a].byTime
		first := ps[rows[0]].Created
		lastTx := int64(-1)
		for _, o := range x.AddressOutputs(a) {
			if used[o] {
				continue
			}
			t, _ := x.TxOfOutput(o)
			m := match(x, o)
			if !first.IsZero() && m.Time.Before(first.Add(-cfg.Window)) || spendsService(x, s, t) {
				continue
			}
			to := rows[0]
			for _, i := range rows {
				if !ps[i].Created.IsZero() && ps[i].Created.After(m.Time.Add(cfg.Slack)) {
					break
				}
				to = i
			}
			orig := &links[to]
			used[o] = true
			if n := len(again); n > 0 && lastTx == t && origOf(again[n-1]) == orig.Key {
				l := &again[n-1]
				l.Outputs = append(l.Outputs, m)
				l.Paid += m.Sats
				l.Delta = l.Paid
				l.Reason = ownReason(orig, l)
				continue
			}
			count[orig.Key]++
			l := Link{Key: orig.Key.Again(count[orig.Key]), Account: orig.Account, Address: orig.Address, AddressID: a,
				Status: PaidAgain, By: "account_address", Outputs: []Match{m}, Paid: m.Sats, Delta: m.Sats}
			l.Reason = ownReason(orig, &l)
			again = append(again, l)
			lastTx = t
		}
	}
	return again
}

// ownReason explains a further payment l to the own address of payment
// orig's account.
func ownReason(orig *Link, l *Link) string {
	return fmt.Sprintf("paid again: %s BTC to %s, the account's own address (every payment naming it is account %s's), with no payment of its own; attached to %s",
		coinsift.Sats(l.Paid), orig.Address, orig.Account, orig.Key)
}
