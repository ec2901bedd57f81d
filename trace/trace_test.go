package trace_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/worldtest"
	"github.com/coinsift/coinsift/trace"
	"github.com/coinsift/coinsift/world"
)

func TestMain(m *testing.M) {
	code := m.Run()
	worldtest.Cleanup()
	os.Exit(code)
}

// truthLabels labels every address of every exchange actor with the
// exchange's name: perfect attribution, to test the walk itself.
func truthLabels(t *testing.T, w *worldtest.World, x *chainindex.Index) trace.Labeler {
	t.Helper()
	names := map[string]trace.Entity{}
	for _, a := range w.Rows(t, "actors.tsv") {
		if a["type"] == "exchange" {
			names[a["actor_id"]] = trace.Entity{Name: a["name"], Category: "exchange"}
		}
	}
	lab := map[uint32]trace.Entity{}
	for _, r := range w.Rows(t, "addresses.tsv") {
		e, ok := names[r["actor_id"]]
		if !ok {
			continue
		}
		if id, err := x.AddressByString(r["address"]); err == nil {
			lab[id] = e
		}
	}
	return trace.LabelFunc(func(a uint32) (trace.Entity, bool) { e, ok := lab[a]; return e, ok })
}

func paymentOutput(t *testing.T, x *chainindex.Index, txid, vout string) int64 {
	t.Helper()
	id, err := coinsift.ParseTxID(txid)
	if err != nil {
		t.Fatal(err)
	}
	n, err := x.TxByID(id)
	if err != nil {
		t.Fatalf("payment tx %s not in the index: %v", txid, err)
	}
	v, _ := strconv.Atoi(vout)
	return x.Tx(n).FirstOutput + int64(v)
}

func TestBackFindsFundingExchange(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	lab := truthLabels(t, w, x)
	type tally struct{ n, top, direct int }
	byMode := map[string]*tally{}
	for _, p := range w.Rows(t, "payments.tsv") {
		if p["source_exchange"] == "" || p["source_exchange"] == "-" {
			continue
		}
		o := paymentOutput(t, x, p["txid"], p["vout"])
		cfg := trace.DefaultConfig()
		cfg.Hops = 8
		r, err := trace.Back(context.Background(), x, []int64{o}, cfg, lab, nil)
		if err != nil {
			t.Fatal(err)
		}
		tl := byMode[p["pay_mode"]]
		if tl == nil {
			tl = &tally{}
			byMode[p["pay_mode"]] = tl
		}
		tl.n++
		if len(r.Sources) > 0 && r.Sources[0].Entity.Name == p["source_exchange"] {
			tl.top++
			if r.Sources[0].Hops == 1 {
				tl.direct++
			}
		}
		var sum float64
		for _, s := range r.Sources {
			sum += s.Share
		}
		for _, s := range r.Stops {
			sum += s.Share
		}
		if sum < 0.999 || sum > 1.001 {
			t.Fatalf("payment %s: shares sum to %v; want 1 (haircut conserves value)", p["txid"], sum)
		}
	}
	for mode, tl := range byMode {
		t.Logf("%-16s payments %4d  top source right %4d (%.1f%%)  at hop 1: %d", mode, tl.n, tl.top, 100*float64(tl.top)/float64(tl.n), tl.direct)
	}
	// Paid straight from an exchange: the payment tx is the withdrawal.
	if d := byMode["exchange_direct"]; d == nil || d.n == 0 || d.top != d.n || d.direct != d.n {
		t.Errorf("exchange_direct: %+v; want every one found at hop 1", d)
	}
	// From a personal wallet funded by an exchange: found within the hops
	// for nearly all (a few are funded by several exchanges).
	if d := byMode["wallet"]; d == nil || float64(d.top) < 0.9*float64(d.n) {
		t.Errorf("wallet: %+v; want ≥ 90%% with the right top source", d)
	}
}

func TestModels(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	lab := truthLabels(t, w, x)
	p := w.Rows(t, "payments.tsv")[0]
	o := paymentOutput(t, x, p["txid"], p["vout"])
	for _, m := range []trace.Model{trace.Haircut, trace.FIFO, trace.Poison} {
		cfg := trace.DefaultConfig()
		cfg.Model = m
		r1, err := trace.Back(context.Background(), x, []int64{o}, cfg, lab, nil)
		if err != nil {
			t.Fatal(err)
		}
		r2, _ := trace.Back(context.Background(), x, []int64{o}, cfg, lab, nil)
		if len(r1.Sources) != len(r2.Sources) {
			t.Fatalf("%s: not deterministic", m)
		}
		for _, s := range r1.Sources {
			if s.Share <= 0 || s.Share > 1 || (m == trace.Poison && s.Share != 1) {
				t.Errorf("%s: source %+v has share %v", m, s.Entity, s.Share)
			}
		}
	}
	if _, err := trace.Back(context.Background(), x, []int64{o}, trace.Config{Model: "lifo", Hops: 3}, lab, nil); err == nil {
		t.Error("unknown model accepted")
	}
}

func TestForwardReachesCashOut(t *testing.T) {
	// Forward from service deposits: the revenue is swept, paid to the
	// administrators and cashed out at exchanges.
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	lab := truthLabels(t, w, x)
	reached, n := 0, 0
	for _, p := range w.Rows(t, "payments.tsv") {
		o := paymentOutput(t, x, p["txid"], p["vout"])
		if x.Output(o).Spender < 0 {
			continue // not swept yet
		}
		cfg := trace.DefaultConfig()
		cfg.Hops = 10
		r, err := trace.Forward(context.Background(), x, []int64{o}, cfg, lab, nil)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if len(r.Sources) > 0 {
			reached++
		}
		if n == 200 {
			break
		}
	}
	t.Logf("forward: %d of %d payments reach an exchange within 10 hops", reached, n)
	if reached == 0 {
		t.Error("no payment's revenue reached an exchange")
	}
}
