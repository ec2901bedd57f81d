package link_test

import (
	"context"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
)

// row is a seized payment row of a behaviour fixture.
func row(n int64, account, addr string, sats coinsift.Sats, created time.Time, status, txid string) link.Payment {
	return link.Payment{Key: link.Key{Evidence: "ev", Table: "deposits", Row: n}, Account: account, Address: addr,
		Sats: sats, TxID: txid, Vout: -1, Status: status, Created: created}
}

// customers funds alice, bob, carol and dave by coinbases (txs 0-3) and
// an exchange hot wallet (tx 4), each with 10 BTC at alice1 … dave1, hot1.
func customers(more ...mtx) []mtx {
	txs := []mtx{
		{at: at(0), out: []pay{{"alice1", 10 * btc}}},
		{at: at(0), out: []pay{{"bob1", 10 * btc}}},
		{at: at(0), out: []pay{{"carol1", 10 * btc}}},
		{at: at(0), out: []pay{{"dave1", 10 * btc}}},
		{at: at(0), out: []pay{{"hot1", 10 * btc}}},
	}
	return append(txs, more...)
}

// from spends coinbase c (0-4) at d: sats to addr, the rest to change.
func from(c int, d time.Duration, addr string, sats coinsift.Sats, change string) mtx {
	return mtx{at: at(d), in: []ref{{c, 0}}, out: []pay{{addr, sats}, {change, 10*btc - sats - 10_000}}}
}

// TestServiceBehaviours links the payment models of services unlike the
// one our world generator writes: one static address for everyone with
// pasted (sometimes wrong) txids, addresses recycled after an invoice
// expired, per-user static addresses topped up, admin comp rows, one txid
// credited to two rows.
func TestServiceBehaviours(t *testing.T) {
	tx := func(i int) string { return txidOf(i).String() }
	type want struct {
		status link.Status
		tx     int // the transaction whose output it takes; -1: none
	}
	tests := []struct {
		name  string
		txs   []mtx
		rows  []link.Payment
		want  map[string]want // by key; every link must be listed
		unrec int
	}{
		{
			name: "recycled: the expired invoice never takes the next customer's payment",
			txs:  customers(from(1, 11*time.Hour, "R", btc/2, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "R", btc, at(0), "expired", ""),
				row(2, "bob", "R", btc/2, at(10*time.Hour), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Unpaid, -1}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "recycled: same amount, the payment after the reassignment is the new invoice's",
			txs:  customers(from(1, 11*time.Hour, "R", btc, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "R", btc, at(0), "expired", ""),
				row(2, "bob", "R", btc, at(10*time.Hour), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Unpaid, -1}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "recycled: a late payment before the reassignment stays the old invoice's",
			txs:  customers(from(0, 5*time.Hour, "R", btc, "alice2"), from(1, 11*time.Hour, "R", btc/2, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "R", btc, at(0), "expired", ""),
				row(2, "bob", "R", btc/2, at(10*time.Hour), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Late, 5}, "ev/deposits#2": {link.Verified, 6}},
		},
		{
			// The address went to bob's invoice, which expired unpaid;
			// alice then paid again from her wallet: hers, not bob's.
			name: "recycled: a repeat payment by the cluster that paid the earlier invoice",
			txs: customers(from(0, time.Hour, "R", btc, "alice2"),
				mtx{at: at(20 * time.Hour), in: []ref{{5, 1}}, out: []pay{{"R", btc / 2}, {"alice3", 9*btc - btc/2 - 20_000}}}),
			rows: []link.Payment{
				row(1, "alice", "R", btc, at(0), "paid", ""),
				row(2, "bob", "R", btc, at(10*time.Hour), "expired", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Verified, 5}, "ev/deposits#2": {link.Unpaid, -1},
				"ev/deposits+again1#1": {link.PaidAgain, 6}},
		},
		{
			name: "static: an underpaying customer does not take another's output",
			txs:  customers(from(1, 10*time.Minute, "S", 2*btc, "bob2"), from(0, 20*time.Minute, "S", btc/2, "alice2")),
			rows: []link.Payment{
				row(1, "alice", "S", btc, at(0), "paid", ""),
				row(2, "bob", "S", 2*btc, at(time.Minute), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Partial, 6}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "static: pasted txids, one truncated, one wrong",
			txs: customers(from(0, 10*time.Minute, "S", btc, "alice2"), from(1, 20*time.Minute, "S", 2*btc, "bob2"),
				from(2, 30*time.Minute, "S", 3*btc, "carol2")),
			rows: []link.Payment{
				row(1, "alice", "S", btc, at(0), "paid", tx(5)),
				row(2, "bob", "S", 2*btc, at(time.Minute), "paid", tx(6)[:20]),
				row(3, "carol", "S", 3*btc, at(2*time.Minute), "paid", strings.Repeat("ab", 32)),
			},
			want: map[string]want{"ev/deposits#1": {link.Verified, 5}, "ev/deposits#2": {link.Verified, 6}, "ev/deposits#3": {link.Verified, 7}},
		},
		{
			name: "static: a wrong txid never takes another customer's payment of another amount",
			txs:  customers(from(1, 20*time.Minute, "S", 2*btc, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "S", btc, at(0), "paid", strings.Repeat("cd", 32)),
				row(2, "bob", "S", 2*btc, at(time.Minute), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.NotFound, -1}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "comp: marked paid, nothing on chain, at a static address",
			txs:  customers(from(1, 30*time.Hour, "S", 2*btc, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "S", btc, at(0), "paid", ""),
				row(2, "bob", "S", 2*btc, at(29*time.Hour), "paid", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.NotFound, -1}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "comp: marked paid at an address never used",
			txs:  customers(),
			rows: []link.Payment{row(1, "alice", "C", btc, at(0), "paid", "")},
			want: map[string]want{"ev/deposits#1": {link.AddressNeverSeen, -1}},
		},
		{
			name: "one txid credited to two rows: counted once",
			txs:  customers(from(0, 10*time.Minute, "S", btc, "alice2")),
			rows: []link.Payment{
				row(1, "alice", "S", btc, at(0), "paid", tx(5)),
				row(2, "bob", "S", btc, at(5*time.Hour), "paid", tx(5)),
			},
			want: map[string]want{"ev/deposits#1": {link.Verified, 5}, "ev/deposits#2": {link.Duplicate, -1}},
		},
		{
			// An exchange's batch pays two customers' invoices at the
			// static address in one transaction; both rows record it.
			name: "one transaction pays two invoices at one address",
			txs: customers(mtx{at: at(time.Hour), in: []ref{{4, 0}},
				out: []pay{{"S", btc / 4}, {"S", btc / 2}, {"hot2", 10*btc - btc*3/4 - 10_000}}}),
			rows: []link.Payment{
				row(1, "alice", "S", btc/2, at(0), "paid", tx(5)),
				row(2, "bob", "S", btc/4, at(10*time.Minute), "paid", tx(5)),
			},
			want: map[string]want{"ev/deposits#1": {link.Verified, 5}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			name: "recycled: a rejected invoice never takes the next customer's payment",
			txs:  customers(from(1, 11*time.Hour, "R", btc, "bob2")),
			rows: []link.Payment{
				row(1, "alice", "R", btc, at(0), "rejected", strings.Repeat("ef", 32)),
				row(2, "bob", "R", btc, at(10*time.Hour), "active", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Unpaid, -1}, "ev/deposits#2": {link.Verified, 5}},
		},
		{
			// Carol's own address: rows credited 3 h after the payment
			// (one with no amount), and a top-up from an exchange with no
			// row at all.
			name: "per-user static address with top-ups",
			txs: customers(from(2, 10*time.Hour, "U", btc/10, "carol2"), from(2, 20*time.Hour, "U", btc/5, "carol3"),
				from(4, 30*time.Hour, "U", btc/4, "hot2")),
			rows: []link.Payment{
				row(1, "carol", "U", btc/10, at(13*time.Hour), "credited", ""),
				row(2, "carol", "U", 0, at(23*time.Hour), "credited", ""),
			},
			want: map[string]want{"ev/deposits#1": {link.Verified, 5}, "ev/deposits#2": {link.Verified, 6},
				"ev/deposits+again1#2": {link.PaidAgain, 7}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newMemChain(tt.txs)
			cl := x.clustering([]string{"alice1", "alice2", "alice3"}, []string{"bob1", "bob2"}, []string{"carol1", "carol2", "carol3"})
			res, err := link.Run(context.Background(), x, tt.rows, cl, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			owner := map[int64]string{}
			var total coinsift.Sats
			for _, l := range res.Links {
				w, ok := tt.want[l.Key.String()]
				if !ok {
					t.Errorf("unexpected link %s: %s (%s)", l.Key, l.Status, l.Reason)
					continue
				}
				got := -1
				if len(l.Outputs) > 0 {
					got = int(x.byID[l.Outputs[0].TxID])
				}
				if l.Status != w.status || got != w.tx || len(l.Outputs) > 1 {
					t.Errorf("%s: %s by tx %d, %d output(s) (%s); want %s by tx %d", l.Key, l.Status, got, len(l.Outputs), l.Reason, w.status, w.tx)
				}
				for _, m := range l.Outputs {
					if o, dup := owner[m.Output]; dup {
						t.Errorf("output %d attached to %s and %s", m.Output, o, l.Key)
					}
					owner[m.Output] = l.Key.String()
				}
				if l.Status.Paid() {
					total += l.Paid
				}
			}
			if len(res.Links) != len(tt.want) {
				t.Errorf("%d links; want %d", len(res.Links), len(tt.want))
			}
			var onChain coinsift.Sats
			for o := range owner {
				onChain += x.Output(o).Value
			}
			if total != onChain {
				t.Errorf("paid links total %s; the outputs they hold %s", total, onChain)
			}
			if res.Stats.Unrecorded != tt.unrec {
				t.Errorf("%d unrecorded deposits %+v; want %d", res.Stats.Unrecorded, res.Unrecorded, tt.unrec)
			}
		})
	}
}

// TestDoubleCreditFlagsBoth: both rows a txid is credited to say so.
func TestDoubleCreditFlagsBoth(t *testing.T) {
	x := newMemChain(customers(from(0, 10*time.Minute, "S", btc, "alice2")))
	rows := []link.Payment{
		row(1, "alice", "S", btc, at(0), "paid", txidOf(5).String()),
		row(2, "bob", "S", btc, at(5*time.Hour), "paid", txidOf(5).String()),
	}
	res, err := link.Run(context.Background(), x, rows, nil, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, other := range []string{"ev/deposits#2", "ev/deposits#1"} {
		if l := res.Links[i]; !strings.Contains(l.Reason, other) {
			t.Errorf("%s: reason %q does not name %s", l.Key, l.Reason, other)
		}
	}
}

// TestServiceWalletReusedAddresses: with one static address and
// per-user static addresses, swept irregularly (part of the outputs at a
// time, change back to a deposit address or to a fresh one), the
// service's own change is never an outside deposit nor a further payment
// of a customer.
func TestServiceWalletReusedAddresses(t *testing.T) {
	// txs 5-7: alice, bob, carol pay the static address S; 8: carol pays
	// her own address U twice... 9: a sweep of two of S's outputs with
	// change back to S; 10: a sweep of S's change, its third output and U
	// to cold, change to svc2 (a fresh address the clustering puts with
	// S); 11: a sweep of U's second output with change back to U.
	txs := customers(
		from(0, 10*time.Minute, "S", btc, "alice2"),
		from(1, 20*time.Minute, "S", 2*btc, "bob2"),
		from(2, 30*time.Minute, "S", 3*btc, "carol2"),
		mtx{at: at(time.Hour), in: []ref{{3, 0}}, out: []pay{{"U", btc / 10}, {"U", btc / 5}, {"dave2", 10*btc - btc*3/10 - 10_000}}},
		mtx{at: at(5 * time.Hour), in: []ref{{5, 0}, {6, 0}}, out: []pay{{"cold", 2 * btc}, {"S", btc - 10_000}}},
		mtx{at: at(9 * time.Hour), in: []ref{{9, 1}, {7, 0}, {8, 0}}, out: []pay{{"cold", 3 * btc}, {"svc2", btc + btc/10 - 30_000}}},
		mtx{at: at(12 * time.Hour), in: []ref{{8, 1}}, out: []pay{{"cold", btc / 10}, {"U", btc/10 - 10_000}}},
	)
	x := newMemChain(txs)
	cl := x.clustering([]string{"S", "svc2"})
	rows := []link.Payment{
		row(1, "alice", "S", btc, at(0), "paid", ""),
		row(2, "bob", "S", 2*btc, at(time.Minute), "paid", ""),
		row(3, "carol", "S", 3*btc, at(2*time.Minute), "paid", ""),
		row(4, "dave", "U", btc/10, at(2*time.Hour), "credited", ""),
		row(5, "dave", "U", btc/5, at(2*time.Hour), "credited", ""),
	}
	res, err := link.Run(context.Background(), x, rows, cl, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Links {
		if l.Status != link.Verified || l.Key.Table != "deposits" {
			t.Errorf("%s: %s (%s); want the five rows verified and nothing more", l.Key, l.Status, l.Reason)
		}
	}
	if res.Stats.Unrecorded != 0 || res.Stats.SelfTransfers != 3 {
		t.Errorf("%d unrecorded deposits %+v, %d self-transfers; want 0 and 3 (the change to S, svc2 and U)", res.Stats.Unrecorded, res.Unrecorded, res.Stats.SelfTransfers)
	}
	in := map[string]bool{}
	for _, a := range res.Service {
		in[a.Address] = true
	}
	for _, a := range []string{"S", "U", "svc2"} {
		if !in[a] {
			t.Errorf("%s not in the service's wallet", a)
		}
	}
	if in["cold"] || in["dave2"] {
		t.Errorf("the service's wallet %v holds a payee or a customer's change", in)
	}
}
