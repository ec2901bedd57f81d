package link_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
)

const btc = coinsift.Sats(100_000_000)

var t0 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

// base is the start of every service chain: three customers funded by
// coinbases (carol's address twice); alice pays invoice 1 at dep1 (change
// to alice2), bob invoice 2 at dep2 (change to bob2).
//
//	tx 0: → alice1 10        tx 3: alice1 → dep1 1, alice2 8.9999
//	tx 1: → bob1 10          tx 4: bob1 → dep2 2, bob2 7.9999
//	tx 2: → carol1 5, carol1 5
func base(more ...mtx) []mtx {
	txs := []mtx{
		{at: at(0), out: []pay{{"alice1", 10 * btc}}},
		{at: at(0), out: []pay{{"bob1", 10 * btc}}},
		{at: at(0), out: []pay{{"carol1", 5 * btc}, {"carol1", 5 * btc}}},
		{at: at(time.Hour), in: []ref{{0, 0}}, out: []pay{{"dep1", btc}, {"alice2", 9*btc - 10_000}}},
		{at: at(2 * time.Hour), in: []ref{{1, 0}}, out: []pay{{"dep2", 2 * btc}, {"bob2", 8*btc - 10_000}}},
	}
	return append(txs, more...)
}

func invoice(row int64, account, addr string, sats coinsift.Sats, created time.Time) link.Payment {
	return link.Payment{Key: link.Key{Evidence: "ev", Table: "invoices", Row: row}, Account: account, Address: addr,
		Sats: sats, Vout: -1, Status: "paid", Created: created}
}

// basePayments are the seized invoices of base.
func basePayments() []link.Payment {
	return []link.Payment{
		invoice(1, "alice", "dep1", btc, at(30*time.Minute)),
		invoice(2, "bob", "dep2", 2*btc, at(90*time.Minute)),
	}
}

func TestServiceWallet(t *testing.T) {
	tests := []struct {
		name   string
		txs    []mtx
		groups [][]string // stored clustering; nil: none
		// wantIn: address → why it is in the service's wallet; wantOut:
		// addresses that must not be in it.
		wantIn  map[string]link.Why
		wantOut []string
		self    int      // the service's own transfers, excluded
		unrec   []string // addresses of the unrecorded deposits
	}{
		{
			name: "change to a fresh address the clustering puts with the input",
			txs: base(mtx{at: at(5 * time.Hour), in: []ref{{3, 0}},
				out: []pay{{"payout1", btc * 6 / 10}, {"svc1", btc*4/10 - 10_000}}}),
			groups: [][]string{{"dep1", "svc1"}},
			wantIn: map[string]link.Why{"dep1": link.WhyDeposit, "dep2": link.WhyDeposit, "svc1": link.WhyChange},
			self:   1,
		},
		{
			name: "change back to a deposit address of another cluster",
			txs: base(mtx{at: at(5 * time.Hour), in: []ref{{3, 0}},
				out: []pay{{"payout1", btc * 6 / 10}, {"dep2", btc*4/10 - 10_000}}}),
			wantIn:  map[string]link.Why{"dep1": link.WhyDeposit, "dep2": link.WhyDeposit},
			wantOut: []string{"payout1"},
			self:    1,
		},
		{
			// The wallet split in two clusters: dep1 alone, dep2 with svc1.
			name: "change to an address later spent with a deposit address",
			txs: base(
				mtx{at: at(5 * time.Hour), in: []ref{{3, 0}}, out: []pay{{"payout1", btc * 6 / 10}, {"svc1", btc*4/10 - 10_000}}},
				mtx{at: at(6 * time.Hour), in: []ref{{5, 1}, {4, 0}}, out: []pay{{"cold1", 2*btc + btc*4/10 - 20_000}}}),
			groups:  [][]string{{"dep2", "svc1"}},
			wantIn:  map[string]link.Why{"svc1": link.WhyCoSpent},
			wantOut: []string{"payout1", "cold1"},
			self:    1,
		},
		{
			name: "a peel chain of change, pass after pass",
			txs: base(
				mtx{at: at(5 * time.Hour), in: []ref{{3, 0}}, out: []pay{{"payout1", btc / 2}, {"svc1", btc/2 - 10_000}}},
				mtx{at: at(6 * time.Hour), in: []ref{{5, 1}}, out: []pay{{"payout2", btc / 5}, {"svc2", btc*3/10 - 20_000}}}),
			groups:  [][]string{{"dep1", "svc1", "svc2"}},
			wantIn:  map[string]link.Why{"svc1": link.WhyChange, "svc2": link.WhyChange},
			wantOut: []string{"payout1", "payout2"},
			self:    2,
		},
		{
			// A clustering that joined the service with the payee (an
			// exchange) puts both outputs with the input: neither is
			// taken, and the exchange's wallet stays outside.
			name: "payee and change both in the input's cluster",
			txs: base(
				mtx{at: at(5 * time.Hour), in: []ref{{3, 0}}, out: []pay{{"exch1", btc * 6 / 10}, {"svc1", btc*4/10 - 10_000}}},
				mtx{at: at(6 * time.Hour), in: []ref{{5, 0}, {2, 0}}, out: []pay{{"exch2", 5 * btc}, {"exch3", btc/2 + btc/10 - 10_000}}},
				mtx{at: at(7 * time.Hour), in: []ref{{6, 0}}, out: []pay{{"dep2", btc / 10}, {"exch4", 5*btc - btc/10 - 10_000}}}),
			groups:  [][]string{{"dep1", "svc1", "exch1", "carol1"}},
			wantOut: []string{"exch1", "svc1", "carol1", "exch2"},
			unrec:   []string{"dep2"},
		},
		{
			name: "an outside payment to a service change address stays unrecorded",
			txs: base(
				mtx{at: at(5 * time.Hour), in: []ref{{3, 0}}, out: []pay{{"payout1", btc * 6 / 10}, {"svc1", btc*4/10 - 10_000}}},
				mtx{at: at(7 * time.Hour), in: []ref{{2, 0}}, out: []pay{{"svc1", btc / 10}, {"carol2", 5*btc - btc/10 - 10_000}}}),
			groups: [][]string{{"dep1", "svc1"}},
			wantIn: map[string]link.Why{"svc1": link.WhyChange},
			self:   1,
			unrec:  []string{"svc1"},
		},
		{
			// A CoinJoin spending a deposit output beside carol's coin does
			// not make carol the service: her later payment stays outside.
			name: "a CoinJoin adds no address",
			txs: base(
				mtx{at: at(5 * time.Hour), in: []ref{{3, 0}, {2, 0}, {4, 1}},
					out: []pay{{"mix1", btc / 2}, {"mix2", btc / 2}, {"mix3", btc / 2}, {"mixc", 12*btc - 40_000}}},
				mtx{at: at(7 * time.Hour), in: []ref{{2, 1}}, out: []pay{{"dep1", btc / 10}, {"carol2", 5*btc - btc/10 - 10_000}}}),
			wantOut: []string{"carol1", "bob2", "mix1", "mixc"},
			unrec:   []string{"dep1"},
		},
		{
			name: "a customer's payment to a deposit address no invoice records",
			txs: base(
				mtx{at: at(7 * time.Hour), in: []ref{{2, 0}}, out: []pay{{"dep2", btc / 10}, {"carol2", 5*btc - btc/10 - 10_000}}}),
			wantOut: []string{"carol1", "carol2"},
			unrec:   []string{"dep2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newMemChain(tt.txs)
			var cl link.Clustering
			if tt.groups != nil {
				cl = x.clustering(tt.groups...)
			}
			res, err := link.Run(context.Background(), x, basePayments(), cl, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range res.Links {
				if l.Status != link.Verified {
					t.Errorf("payment %s: %s (%s); want verified", l.Key, l.Status, l.Reason)
				}
			}
			in := map[string]link.ServiceAddress{}
			for _, a := range res.Service {
				in[a.Address] = a
			}
			for addr, why := range tt.wantIn {
				if got, ok := in[addr]; !ok || got.Why != why {
					t.Errorf("service address %s: %+v (in %v); want why %s", addr, got, ok, why)
				} else if why != link.WhyDeposit && (got.Via == "" || got.TxID == "" || got.Round < 1) {
					t.Errorf("service address %s: %+v; want the address and transaction that brought it in", addr, got)
				}
			}
			for _, addr := range tt.wantOut {
				if a, ok := in[addr]; ok {
					t.Errorf("%s is in the service's wallet (%+v); want it outside", addr, a)
				}
			}
			var unrec []string
			for _, d := range res.Unrecorded {
				unrec = append(unrec, d.Address)
			}
			if strings.Join(unrec, ",") != strings.Join(tt.unrec, ",") {
				t.Errorf("unrecorded deposits to %v; want %v", unrec, tt.unrec)
			}
			if res.Stats.SelfTransfers != tt.self || res.Stats.Unrecorded != len(tt.unrec) {
				t.Errorf("stats: %d self-transfers, %d unrecorded; want %d, %d", res.Stats.SelfTransfers, res.Stats.Unrecorded, tt.self, len(tt.unrec))
			}
			if res.Stats.ServiceAddresses != len(res.Service) || res.Stats.ServiceIncomplete {
				t.Errorf("stats: %d service addresses (incomplete %v); want %d, complete", res.Stats.ServiceAddresses, res.Stats.ServiceIncomplete, len(res.Service))
			}
		})
	}
}

func TestPaidAgain(t *testing.T) {
	// alice2 is alice's change: the stored clustering puts it with alice1,
	// the address that paid invoice 1.
	alice := []string{"alice1", "alice2", "alice3"}
	againFromAlice := func(d time.Duration, sats coinsift.Sats) mtx {
		return mtx{at: at(d), in: []ref{{3, 1}}, out: []pay{{"dep1", sats}, {"alice3", 9*btc - sats - 20_000}}}
	}
	type want struct {
		key    string // link.Key.String()
		status link.Status
		paid   coinsift.Sats
	}
	tests := []struct {
		name     string
		txs      []mtx
		payments []link.Payment // beside basePayments
		want     []want         // the links beyond invoices 1 and 2 (verified)
		unrec    int
	}{
		{
			name: "a second payment from the cluster that paid",
			txs:  base(againFromAlice(30*time.Hour, btc/2)),
			want: []want{{"ev/invoices+again1#1", link.PaidAgain, btc / 2}},
		},
		{
			name: "two outputs of one transaction are one further payment",
			txs: base(mtx{at: at(30 * time.Hour), in: []ref{{3, 1}},
				out: []pay{{"dep1", btc / 4}, {"dep1", btc / 4}, {"alice3", 9*btc - btc/2 - 20_000}}}),
			want: []want{{"ev/invoices+again1#1", link.PaidAgain, btc / 2}},
		},
		{
			name: "further payments each get a key of their own",
			txs: base(againFromAlice(30*time.Hour, btc/2),
				mtx{at: at(40 * time.Hour), in: []ref{{5, 1}}, out: []pay{{"dep1", btc / 5}, {"alice4", 8*btc - btc/5 - 30_000}}}),
			want: []want{{"ev/invoices+again1#1", link.PaidAgain, btc / 2}, {"ev/invoices+again2#1", link.PaidAgain, btc / 5}},
		},
		{
			name:  "a payment from another cluster stays unrecorded",
			txs:   base(mtx{at: at(30 * time.Hour), in: []ref{{2, 0}}, out: []pay{{"dep1", btc / 2}, {"carol2", 4*btc + btc/2 - 10_000}}}),
			unrec: 1,
		},
		{
			// The service gave dep1 to bob's later invoice: his payment is
			// his by the normal matching; alice's after it is hers again.
			name: "an address reassigned to another account's invoice",
			txs: base(mtx{at: at(21 * time.Hour), in: []ref{{4, 1}}, out: []pay{{"dep1", btc / 2}, {"bob3", 7*btc + btc/2 - 20_000}}},
				againFromAlice(22*time.Hour, btc/2)),
			payments: []link.Payment{invoice(3, "bob", "dep1", btc/2, at(20*time.Hour))},
			want:     []want{{"ev/invoices#3", link.Verified, btc / 2}, {"ev/invoices+again1#1", link.PaidAgain, btc / 2}},
		},
		{
			// Bob pays alice's old address with his own money: not paid
			// again (another cluster), an unrecorded deposit.
			name:  "bob pays alice's old address",
			txs:   base(mtx{at: at(21 * time.Hour), in: []ref{{4, 1}}, out: []pay{{"dep1", btc / 2}, {"bob3", 7*btc + btc/2 - 20_000}}}),
			unrec: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newMemChain(tt.txs)
			cl := x.clustering(alice)
			res, err := link.Run(context.Background(), x, append(basePayments(), tt.payments...), cl, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, l := range res.Links {
				if l.Key.Table == "invoices" && l.Key.Row <= 2 {
					if l.Status != link.Verified {
						t.Errorf("payment %s: %s (%s); want verified", l.Key, l.Status, l.Reason)
					}
					continue
				}
				got = append(got, want{l.Key.String(), l.Status, l.Paid})
				if l.Status == link.PaidAgain && (l.Account != "alice" || l.Address != "dep1" || !strings.Contains(l.Reason, "ev/invoices#1")) {
					t.Errorf("paid again %s: account %q address %q reason %q; want alice's, at dep1, naming invoice 1", l.Key, l.Account, l.Address, l.Reason)
				}
			}
			sort.Slice(got, func(i, j int) bool { return got[i].key < got[j].key })
			sort.Slice(tt.want, func(i, j int) bool { return tt.want[i].key < tt.want[j].key })
			if len(got) != len(tt.want) {
				t.Fatalf("links %+v; want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("link %+v; want %+v", got[i], tt.want[i])
				}
			}
			if res.Stats.Unrecorded != tt.unrec {
				t.Errorf("%d unrecorded deposits %+v; want %d", res.Stats.Unrecorded, res.Unrecorded, tt.unrec)
			}
			if res.Stats.Payments != len(basePayments())+len(tt.payments) {
				t.Errorf("stats count %d payments; want the recorded ones, %d", res.Stats.Payments, len(basePayments())+len(tt.payments))
			}
			for i := 1; i < len(res.Links); i++ {
				if !res.Links[i-1].Key.Less(res.Links[i].Key) {
					t.Errorf("links out of key order: %s before %s", res.Links[i-1].Key, res.Links[i].Key)
				}
			}
		})
	}
}

func TestStaticAddress(t *testing.T) {
	// One address for every customer: each invoice gets the output of its
	// amount in its window, whoever paid first; a customer's further
	// payment is paid again, a stranger's an unrecorded deposit.
	txs := []mtx{
		{at: at(0), out: []pay{{"alice1", 10 * btc}}},
		{at: at(0), out: []pay{{"bob1", 10 * btc}}},
		{at: at(0), out: []pay{{"carol1", 10 * btc}}},
		{at: at(0), out: []pay{{"dave1", 10 * btc}}},
		{at: at(10 * time.Minute), in: []ref{{1, 0}}, out: []pay{{"static", 2 * btc}, {"bob2", 8*btc - 10_000}}},
		{at: at(20 * time.Minute), in: []ref{{0, 0}}, out: []pay{{"static", btc}, {"alice2", 9*btc - 10_000}}},
		{at: at(30 * time.Minute), in: []ref{{2, 0}}, out: []pay{{"carol2", 9*btc + btc/2 - 10_000}, {"static", btc / 2}}},
		{at: at(50 * time.Hour), in: []ref{{5, 1}}, out: []pay{{"static", btc}, {"alice3", 8*btc - 20_000}}},
		{at: at(51 * time.Hour), in: []ref{{3, 0}}, out: []pay{{"static", btc / 10}, {"dave2", 10*btc - btc/10 - 10_000}}},
	}
	x := newMemChain(txs)
	cl := x.clustering([]string{"alice1", "alice2", "alice3"})
	ps := []link.Payment{
		invoice(1, "alice", "static", btc, at(0)),
		invoice(2, "bob", "static", 2*btc, at(time.Minute)),
		invoice(3, "carol", "static", btc/2, at(2*time.Minute)),
	}
	res, err := link.Run(context.Background(), x, ps, cl, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status link.Status
		tx     int
	}{
		"ev/invoices#1":        {link.Verified, 5},
		"ev/invoices#2":        {link.Verified, 4},
		"ev/invoices#3":        {link.Verified, 6},
		"ev/invoices+again1#1": {link.PaidAgain, 7},
	}
	if len(res.Links) != len(want) {
		t.Errorf("%d links; want %d", len(res.Links), len(want))
	}
	for _, l := range res.Links {
		w, ok := want[l.Key.String()]
		if !ok {
			t.Errorf("unexpected link %s: %s (%s)", l.Key, l.Status, l.Reason)
			continue
		}
		if l.Status != w.status || len(l.Outputs) != 1 || l.Outputs[0].TxID != txidOf(w.tx) {
			t.Errorf("%s: %s (%s) with %d output(s); want %s by tx %d", l.Key, l.Status, l.Reason, len(l.Outputs), w.status, w.tx)
		}
	}
	if len(res.Unrecorded) != 1 || res.Unrecorded[0].TxID != txidOf(8) {
		t.Errorf("unrecorded deposits %+v; want dave's alone", res.Unrecorded)
	}
}

func TestAgainKey(t *testing.T) {
	k := link.Key{Evidence: "ev", Table: "src_invoices", Row: 12}
	for n := 1; n <= 12; n++ {
		a := k.Again(n)
		if a == k || a.Row != k.Row || a.Evidence != k.Evidence {
			t.Errorf("Again(%d) = %v; want another key of the same evidence and row", n, a)
		}
		orig, m, ok := a.AgainOf()
		if !ok || orig != k || m != n {
			t.Errorf("%v.AgainOf() = %v, %d, %v; want %v, %d, true", a, orig, m, ok, k, n)
		}
	}
	for _, table := range []string{"src_invoices", "x+again", "x+again0", "x+again01", "x+again-1", "x+againz"} {
		if _, _, ok := (link.Key{Evidence: "ev", Table: table, Row: 1}).AgainOf(); ok {
			t.Errorf("AgainOf(%q) = ok; want a recorded payment's key", table)
		}
	}
}

func TestSplitPaymentRecordedByOneTxid(t *testing.T) {
	// Alice pays invoice 1 (1 BTC at dep1) in two parts; the service
	// recorded the second part's txid. The first part is hers, not an
	// unrecorded deposit; a part beyond the window and the recorded
	// transaction is not taken.
	tests := []struct {
		name    string
		first   time.Duration // when the first part (0.4 BTC) arrives
		second  time.Duration // when the recorded part (0.6 BTC) arrives
		status  link.Status
		outputs int
		unrec   int
	}{
		{"both parts in the window", 3 * time.Hour, 5 * time.Hour, link.Verified, 2, 0},
		{"the recorded part after the window", 70 * time.Hour, 80 * time.Hour, link.Late, 2, 0},
		{"the first part before the invoice", -5 * time.Hour, 5 * time.Hour, link.Partial, 1, 1},
		{"the other part after the recorded one and the window", 100 * time.Hour, 5 * time.Hour, link.Partial, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := []struct {
				at       time.Duration
				sats     coinsift.Sats
				recorded bool
			}{{tt.first, btc * 4 / 10, false}, {tt.second, btc * 6 / 10, true}}
			sort.Slice(parts, func(i, j int) bool { return parts[i].at < parts[j].at })
			txs := []mtx{
				{at: at(-10 * time.Hour), out: []pay{{"alice1", 10 * btc}}},
				{at: at(-10 * time.Hour), out: []pay{{"alice9", 10 * btc}}},
			}
			rec := 0
			for k, pt := range parts {
				if pt.recorded {
					rec = len(txs)
				}
				txs = append(txs, mtx{at: at(pt.at), in: []ref{{k, 0}}, out: []pay{{"dep1", pt.sats}, {"change", 10*btc - pt.sats - 10_000}}})
			}
			x := newMemChain(txs)
			p := invoice(1, "alice", "dep1", btc, at(0))
			p.TxID = txidOf(rec).String()
			res, err := link.Run(context.Background(), x, []link.Payment{p}, nil, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			l := res.Links[0]
			if l.Status != tt.status || len(l.Outputs) != tt.outputs || res.Stats.Unrecorded != tt.unrec {
				t.Errorf("%s (%s) with %d output(s), %d unrecorded; want %s, %d, %d", l.Status, l.Reason, len(l.Outputs), res.Stats.Unrecorded, tt.status, tt.outputs, tt.unrec)
			}
			for i := 1; i < len(l.Outputs); i++ {
				if l.Outputs[i-1].Output > l.Outputs[i].Output {
					t.Errorf("outputs out of chain order: %+v", l.Outputs)
				}
			}
		})
	}
}
