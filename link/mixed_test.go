package link_test

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
)

// mixedService is a hand-made service that mixes the payment models of
// services unlike the one our world generator writes, with the truth of
// whose each output is.
type mixedService struct {
	txs  []mtx
	rows []link.Payment
	// truth: output (tx index, vout 0) → the key of the row it pays, or
	// "account:NAME" for a top-up to an account's own address with no row.
	truth   map[int]string
	comps   map[string]bool // keys of admin comp rows: nothing on chain
	doubles int             // comp rows crediting another row's txid
}

// txIndexes records the transaction of every txid the fixture writes.
var txIndexes = map[string]int{}

// txIndex returns the transaction index of a txid txidOf wrote, or -1.
func txIndex(id string) int {
	if t, ok := txIndexes[id]; ok {
		return t
	}
	return -1
}

// newMixedService writes a chain and the seized rows of a service that
// has one static address S for everyone (customers paste txids, some cut
// short, some wrong; admin comp rows at S), a pool of addresses recycled
// after each invoice expires, and per-user addresses topped up (rows
// credited hours after the money, some without an amount; top-ups with
// no row at all), and one txid credited to two rows now and then.
func newMixedService(seed int64) *mixedService {
	r := rand.New(rand.NewSource(seed))
	s := &mixedService{truth: map[int]string{}, comps: map[string]bool{}}
	type event struct {
		at    time.Time
		addr  string
		sats  coinsift.Sats
		truth string
		row   int    // the row whose txid is set from this payment (-1: none)
		paste string // how the txid was pasted: full, short, wrong, none
	}
	var evs []event
	n := int64(0)
	newRow := func(account, addr string, sats coinsift.Sats, created time.Time, status string) (int, string) {
		n++
		s.rows = append(s.rows, link.Payment{Key: link.Key{Evidence: "ev", Table: "pay", Row: n}, Account: account,
			Address: addr, Sats: sats, Vout: -1, Status: status, Created: created})
		return len(s.rows) - 1, s.rows[len(s.rows)-1].Key.String()
	}
	amount := func() coinsift.Sats { return coinsift.Sats(r.Intn(1000)+10) * 10_000 }
	day := 24 * time.Hour
	// Static address: 150 invoices over 30 days.
	for i := 0; i < 150; i++ {
		created := at(time.Duration(r.Int63n(int64(30 * day))))
		sats := amount()
		acc := fmt.Sprintf("s%03d", i)
		switch x := r.Intn(100); {
		case x < 8: // comp: marked paid, nothing on chain
			_, k := newRow(acc, "S", sats, created, "paid")
			s.comps[k] = true
		case x < 18: // expired, never paid
			newRow(acc, "S", sats, created, "expired")
		default:
			i, k := newRow(acc, "S", sats, created, "paid")
			paste := []string{"full", "full", "full", "short", "wrong", "none", "none"}[r.Intn(7)]
			evs = append(evs, event{at: created.Add(time.Duration(r.Int63n(int64(3 * time.Hour)))), addr: "S", sats: sats,
				truth: k, row: i, paste: paste})
		}
	}
	// Recycled addresses: 20, each handed to 6 invoices a day apart.
	for a := 0; a < 20; a++ {
		addr := fmt.Sprintf("R%02d", a)
		start := at(time.Duration(r.Int63n(int64(5 * day))))
		for k := 0; k < 6; k++ {
			created := start.Add(time.Duration(k) * day)
			sats := amount()
			acc := fmt.Sprintf("r%02d-%d", a, k)
			switch x := r.Intn(100); {
			case x < 35: // expired unpaid; the address goes to the next
				newRow(acc, addr, sats, created, "expired")
			case x < 45: // paid late, after expiry (1 h) but before the next
				_, k := newRow(acc, addr, sats, created, "expired")
				evs = append(evs, event{at: created.Add(5 * time.Hour), addr: addr, sats: sats, truth: k, row: -1})
			default:
				_, k := newRow(acc, addr, sats, created, "paid")
				evs = append(evs, event{at: created.Add(time.Duration(r.Int63n(int64(time.Hour)))), addr: addr, sats: sats, truth: k, row: -1})
			}
		}
	}
	// Per-user addresses: 30 accounts, 3 top-ups each credited 1-3 h
	// later (a third without an amount) and one with no row.
	for u := 0; u < 30; u++ {
		addr, acc := fmt.Sprintf("U%02d", u), fmt.Sprintf("u%02d", u)
		t := at(time.Duration(r.Int63n(int64(5 * day))))
		for k := 0; k < 4; k++ {
			t = t.Add(time.Duration(r.Int63n(int64(4*day))) + 6*time.Hour)
			sats := amount()
			if k == 3 {
				evs = append(evs, event{at: t, addr: addr, sats: sats, truth: "account:" + acc, row: -1})
				continue
			}
			rec := sats
			if k == 1 {
				rec = 0
			}
			_, k := newRow(acc, addr, rec, t.Add(time.Hour+time.Duration(r.Int63n(int64(2*time.Hour)))), "credited")
			evs = append(evs, event{at: t, addr: addr, sats: sats, truth: k, row: -1})
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].at.Before(evs[j].at) })
	// A coinbase per payment, then the payments in time order.
	for i := range evs {
		s.txs = append(s.txs, mtx{at: at(0), out: []pay{{fmt.Sprintf("cust%d", i), 20 * btc}}})
	}
	for i, e := range evs {
		t := len(s.txs)
		s.txs = append(s.txs, mtx{at: e.at, in: []ref{{i, 0}}, out: []pay{{e.addr, e.sats}, {fmt.Sprintf("change%d", i), 20*btc - e.sats - 10_000}}})
		s.truth[t] = e.truth
		if e.row < 0 {
			continue
		}
		id := txidOf(t).String()
		txIndexes[id] = t
		switch e.paste {
		case "full":
			s.rows[e.row].TxID = id
		case "short":
			s.rows[e.row].TxID = id[:16]
		case "wrong":
			s.rows[e.row].TxID = txidOf(100_000 + t).String()
		}
	}
	// One txid credited to two rows: comp rows given the txid of the
	// payment before or after them in the rows.
	for i := 1; i+1 < len(s.rows) && s.doubles < 6; i++ {
		if !s.comps[s.rows[i].Key.String()] {
			continue
		}
		for _, j := range []int{i - 1 + 2*(s.doubles%2), i + 1 - 2*(s.doubles%2)} {
			if s.truth[txIndex(s.rows[j].TxID)] == s.rows[j].Key.String() {
				s.rows[i].TxID = s.rows[j].TxID
				s.doubles++
				break
			}
		}
	}
	return s
}

// TestMixedService measures linking on hand-made services that mix the
// payment models other services use: every output attached to a row must
// be that row's (or, for a top-up with no row, its account's), no comp row
// may receive money, no output may count twice.
func TestMixedService(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			s := newMixedService(seed)
			x := newMemChain(s.txs)
			res, err := link.Run(context.Background(), x, s.rows, nil, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			right, wrong := 0, 0
			held := map[int]string{}
			var paid coinsift.Sats
			for _, l := range res.Links {
				if !l.Status.Paid() {
					continue
				}
				paid += l.Paid
				orig, _, again := l.Key.AgainOf()
				for _, m := range l.Outputs {
					tx := int(x.byID[m.TxID])
					if k, dup := held[tx]; dup {
						t.Errorf("output of tx %d held by %s and %s", tx, k, l.Key)
					}
					held[tx] = l.Key.String()
					want := s.truth[tx]
					switch {
					case want == orig.String(), again && want == "account:"+l.Account:
						right++
					default:
						wrong++
						t.Logf("tx %d (%s): attached to %s (%s, %s); truth %s", tx, m.Sats, l.Key, l.Status, l.Reason, want)
					}
				}
				if s.comps[l.Key.String()] {
					t.Errorf("comp row %s received %s (%s)", l.Key, l.Paid, l.Reason)
				}
			}
			var onChain coinsift.Sats
			for tx := range held {
				onChain += x.Output(x.txs[tx].FirstOutput).Value
			}
			if paid != onChain {
				t.Errorf("paid links total %s; their outputs %s: money counted twice", paid, onChain)
			}
			doubles := 0
			for _, l := range res.Links {
				if l.Status == link.Duplicate {
					doubles++
				}
			}
			if s.doubles == 0 || doubles != s.doubles {
				t.Errorf("%d double credits flagged; the fixture wrote %d (want some)", doubles, s.doubles)
			}
			precision := float64(right) / float64(right+wrong)
			recall := float64(right) / float64(len(s.truth))
			t.Logf("%d rows, %d payments on chain: link precision %.3f, recall %.3f; unrecorded %d; by status %v",
				len(s.rows), len(s.truth), precision, recall, res.Stats.Unrecorded, res.Stats.ByStatus)
			if precision < 0.99 || recall < 0.98 {
				t.Errorf("link precision %.3f, recall %.3f; want ≥ 0.99 and ≥ 0.98", precision, recall)
			}
		})
	}
}
