package cluster_test

import (
	"context"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/cluster"
)

const (
	pkh  = coinsift.ScriptP2PKH
	wpkh = coinsift.ScriptP2WPKH
	tr   = coinsift.ScriptP2TR
)

func in(a uint32, v coinsift.Sats, t coinsift.ScriptType) cluster.Input {
	return cluster.Input{Addr: a, Value: v, Type: t}
}

func out(a uint32, v coinsift.Sats, t coinsift.ScriptType, spender int64) cluster.Output {
	return cluster.Output{Addr: a, Value: v, Type: t, Spender: spender}
}

func run(t *testing.T, cfg cluster.Config, txs []cluster.Tx) *cluster.Result {
	t.Helper()
	for i := range txs {
		txs[i].Index = int64(i)
	}
	r, err := cluster.Run(context.Background(), cluster.NewMemSource(txs), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func only(list string) cluster.Config {
	cfg := cluster.DefaultConfig()
	s, err := cluster.ParseSet(list)
	if err != nil {
		panic(err)
	}
	cfg.Heuristics = s
	cfg.MinChangeVotes = 1
	return cfg
}

func TestMultiInput(t *testing.T) {
	txs := []cluster.Tx{
		{Coinbase: true, Outputs: []cluster.Output{out(5, 50e8, pkh, 1)}},
		// 5 and 3 co-spend: one wallet.
		{Inputs: []cluster.Input{in(5, 50e8, pkh), in(3, 1e8, pkh)}, Outputs: []cluster.Output{out(7, 51e8, pkh, cluster.NoTx)}},
		// 3 and 9 co-spend: the cluster grows to {3,5,9}.
		{Inputs: []cluster.Input{in(9, 1e8, pkh), in(3, 1e8, pkh)}, Outputs: []cluster.Output{out(8, 2e8, pkh, cluster.NoTx)}},
		// A coinjoin with five equal outputs: not merged.
		{Inputs: []cluster.Input{in(10, 2e6, wpkh), in(11, 2e6, wpkh), in(12, 2e6, wpkh), in(13, 2e6, wpkh), in(14, 2e6, wpkh)},
			Outputs: []cluster.Output{out(15, 1e6, wpkh, -1), out(16, 1e6, wpkh, -1), out(17, 1e6, wpkh, -1), out(18, 1e6, wpkh, -1), out(19, 1e6, wpkh, -1)}},
	}
	r := run(t, only("multi-input,coinjoin"), txs)
	want := map[uint32]uint32{3: 3, 5: 3, 9: 3, 7: 7, 8: 8, 10: 10, 11: 11}
	for a, c := range want {
		if r.Cluster[a] != c {
			t.Errorf("Cluster[%d] = %d; want %d", a, r.Cluster[a], c)
		}
	}
	if r.Size[3] != 3 || r.Stats.Largest != 3 || r.Stats.LargestID != 3 {
		t.Errorf("Size[3] = %d, stats %+v", r.Size[3], r.Stats)
	}
	if len(r.CoinJoins) != 1 || r.CoinJoins[0].Tx != 3 || r.CoinJoins[0].Detector != cluster.DetectWhirlpool {
		t.Errorf("CoinJoins = %+v", r.CoinJoins)
	}
	// Without the coinjoin detector the join collapses five owners into one.
	r2 := run(t, only("multi-input"), txs)
	if r2.Cluster[14] != 10 {
		t.Errorf("without coinjoin detection Cluster[14] = %d; want 10", r2.Cluster[14])
	}
	// Explain: 9 → 5 goes through tx 2 (9~3) and tx 1 (3~5).
	f := cluster.NewForest(r.Merges)
	steps, ok := f.Path(9, 5)
	if !ok || len(steps) != 2 || steps[0].Tx != 2 || steps[1].Tx != 1 || steps[0].Heuristic != cluster.MultiInput {
		t.Errorf("Path(9,5) = %+v, %v", steps, ok)
	}
	if _, ok := f.Path(9, 7); ok {
		t.Error("Path(9,7) found; they are not in one cluster")
	}
}

func TestChangeHeuristics(t *testing.T) {
	// Each case is one spending tx (index 1) of address 1's coin; outputs go
	// to addresses 2 and 3; tx 2 and tx 3 spend them (for look-ahead).
	fund := cluster.Tx{Coinbase: true, Outputs: []cluster.Output{out(1, 10e8, wpkh, 1)}}
	seen3 := cluster.Tx{Coinbase: true, Outputs: []cluster.Output{out(3, 1, pkh, -1)}} // makes address 3 not fresh
	spend := func(version int32, lock uint32, rbf bool, nout int) cluster.Tx {
		outs := []cluster.Output{out(20, 1e5, wpkh, -1)}
		if nout == 2 {
			outs = append(outs, out(21, 1e5, wpkh, -1))
		}
		return cluster.Tx{Version: version, LockTime: lock, RBF: rbf, Inputs: []cluster.Input{in(2, 1, wpkh)}, Outputs: outs}
	}
	tests := []struct {
		name      string
		heuristic string
		txs       []cluster.Tx
		wantVout  int // -1: no decision
	}{
		{"reuse", "change-reuse", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 3e8, wpkh, -1), out(1, 6e8, wpkh, -1)}}}, 1},
		{"type", "change-type", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 3e8, tr, -1), out(3, 6e8, wpkh, -1)}}}, 1},
		{"type ambiguous", "change-type", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 3e8, wpkh, -1), out(3, 6e8, wpkh, -1)}}}, -1},
		{"optimal", "change-optimal", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 3e8, wpkh, -1), out(3, 11e8, wpkh, -1)}}}, 0},
		{"round", "change-round", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 5e7, wpkh, -1), out(3, 94_987_123, wpkh, -1)}}}, 1},
		{"round none", "change-round", []cluster.Tx{fund, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 50_000_001, wpkh, -1), out(3, 94_987_123, wpkh, -1)}}}, -1},
		{"fresh", "change-fresh", []cluster.Tx{seen3, {Inputs: []cluster.Input{in(1, 10e8, wpkh)},
			Outputs: []cluster.Output{out(2, 3e8, wpkh, -1), out(3, 6e8, wpkh, -1)}}}, 0},
		{"fingerprint", "change-fingerprint", []cluster.Tx{fund,
			{Version: 2, LockTime: 700000, RBF: true, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, 3)}},
			spend(1, 0, false, 1), spend(2, 700010, true, 1)}, 1},
		// A wallet's own change may be unspent while two recipients spend:
		// one with the spender's habits is no evidence of change.
		{"fingerprint unspent output", "change-fingerprint", []cluster.Tx{fund,
			{Version: 1, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, -1), out(4, 1e8, wpkh, 3)}},
			spend(1, 0, false, 1), spend(2, 700010, true, 1)}, -1},
		// A Unix-time locktime is another habit than a block height.
		{"fingerprint locktime kind", "change-fingerprint", []cluster.Tx{fund,
			{Version: 2, LockTime: 700000, RBF: true, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, 3)}},
			spend(2, 1_700_000_000, true, 1), spend(2, 700010, true, 1)}, 1},
		{"software", "change-software", []cluster.Tx{fund,
			{Version: 1, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, -1)}},
			spend(2, 700010, true, 1)}, 1},
		{"software same habits", "change-software", []cluster.Tx{fund,
			{Version: 1, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, -1)}},
			spend(1, 0, false, 1)}, -1},
		{"software two left", "change-software", []cluster.Tx{fund,
			{Version: 1, Inputs: []cluster.Input{in(1, 10e8, wpkh)},
				Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, -1), out(4, 1e8, wpkh, -1)}},
			spend(2, 700010, true, 1)}, -1},
		{"peel", "change-peel", []cluster.Tx{fund,
			{Inputs: []cluster.Input{in(1, 10e8, wpkh)}, Outputs: []cluster.Output{out(2, 3e8, wpkh, 2), out(3, 6e8, wpkh, 3)}},
			spend(2, 0, false, 1), spend(2, 0, false, 2)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, only("multi-input,"+tt.heuristic), tt.txs)
			var got *cluster.ChangeDecision
			for i := range r.Changes {
				if r.Changes[i].Tx == 1 {
					got = &r.Changes[i]
				}
			}
			if tt.wantVout < 0 {
				if got != nil {
					t.Fatalf("decision %+v; want none", *got)
				}
				return
			}
			if got == nil {
				t.Fatalf("no decision; want vout %d", tt.wantVout)
			}
			if got.Vout != tt.wantVout || !got.Merged {
				t.Errorf("decision %+v; want vout %d merged", *got, tt.wantVout)
			}
			changeAddr := tt.txs[1].Outputs[tt.wantVout].Addr
			if r.Cluster[changeAddr] != r.Cluster[1] {
				t.Errorf("change address %d in cluster %d, inputs in %d", changeAddr, r.Cluster[changeAddr], r.Cluster[1])
			}
		})
	}
}

func TestChangeVotesAndConflict(t *testing.T) {
	// change-type names vout 1, change-optimal names vout 0: a conflict.
	txs := []cluster.Tx{
		{Coinbase: true, Outputs: []cluster.Output{out(1, 10e8, wpkh, 1)}},
		{Inputs: []cluster.Input{in(1, 10e8, wpkh)}, Outputs: []cluster.Output{out(2, 3e8, tr, -1), out(3, 11e8, wpkh, -1)}},
	}
	r := run(t, only("change-type,change-optimal"), txs)
	if len(r.Changes) != 1 || r.Changes[0].Refusal != "conflict" || r.Changes[0].Merged {
		t.Fatalf("Changes = %+v; want one refused for conflict", r.Changes)
	}
	if r.Cluster[2] == r.Cluster[1] || r.Cluster[3] == r.Cluster[1] {
		t.Error("a conflicting decision merged")
	}
	// Two votes required, one given.
	cfg := only("change-type")
	cfg.MinChangeVotes = 2
	r = run(t, cfg, txs)
	if len(r.Changes) != 1 || r.Changes[0].Refusal != "votes" {
		t.Fatalf("Changes = %+v; want refused for votes", r.Changes)
	}
}

// TestHabitVotesCountTwice checks that a wallet-habit look-ahead vote
// (change-software, change-fingerprint) meets two required votes alone,
// and a shape vote (change-type) does not.
func TestHabitVotesCountTwice(t *testing.T) {
	spender := cluster.Tx{Version: 2, LockTime: 700010, RBF: true, Inputs: []cluster.Input{in(2, 3e8, wpkh)},
		Outputs: []cluster.Output{out(30, 1e8, wpkh, -1)}}
	txs := []cluster.Tx{
		{Coinbase: true, Outputs: []cluster.Output{out(1, 10e8, wpkh, 1)}},
		// Version 1, no locktime: output 0 is spent with other habits.
		{Version: 1, Inputs: []cluster.Input{in(1, 10e8, wpkh)}, Outputs: []cluster.Output{out(2, 11e8, wpkh, 2), out(3, 6e8, wpkh, -1)}},
		spender,
	}
	for _, tt := range []struct {
		set    string
		merged bool
	}{
		{"change-software", true},
		{"change-optimal", false},
	} {
		cfg := only(tt.set)
		cfg.MinChangeVotes = 2
		r := run(t, cfg, append([]cluster.Tx(nil), txs...))
		if len(r.Changes) != 1 || r.Changes[0].Merged != tt.merged {
			t.Errorf("%s: Changes = %+v; want one, merged %v", tt.set, r.Changes, tt.merged)
		}
	}
}

func TestGuard(t *testing.T) {
	// Two clusters of 3 (by multi-input), then a change link between them.
	txs := []cluster.Tx{
		{Inputs: []cluster.Input{in(0, 1e8, wpkh), in(1, 1e8, wpkh), in(2, 1e8, wpkh)}, Outputs: []cluster.Output{out(9, 3e8, pkh, -1)}},
		{Inputs: []cluster.Input{in(3, 1e8, wpkh), in(4, 1e8, wpkh), in(5, 1e8, wpkh)}, Outputs: []cluster.Output{out(9, 3e8, pkh, -1)}},
		{Inputs: []cluster.Input{in(0, 1e8, wpkh)}, Outputs: []cluster.Output{out(10, 3e7, tr, -1), out(3, 6e7, wpkh, -1)}},
	}
	cfg := only("multi-input,change-type")
	cfg.GuardSize = 2
	r := run(t, cfg, txs)
	if r.Cluster[3] == r.Cluster[0] || r.Stats.GuardRefusals != 1 || r.Changes[0].Refusal != "guard-size" {
		t.Errorf("guard did not refuse: %+v %+v", r.Changes, r.Stats)
	}
	cfg.GuardSize = 0
	cfg.Actor = func(a uint32) uint32 {
		switch a {
		case 1:
			return 7
		case 4:
			return 8
		}
		return 0
	}
	r = run(t, cfg, txs)
	if r.Cluster[3] == r.Cluster[0] || r.Changes[0].Refusal != "guard-tag" {
		t.Errorf("tag guard did not refuse: %+v", r.Changes)
	}
	cfg.Actor = nil
	r = run(t, cfg, txs)
	if r.Cluster[3] != 0 || r.Size[0] != 6 {
		t.Errorf("unguarded change merge: Cluster[3]=%d Size[0]=%d", r.Cluster[3], r.Size[0])
	}
}

func TestDeterministicIDs(t *testing.T) {
	// The cluster id is the smallest member whatever the merge order.
	a := []cluster.Tx{{Inputs: []cluster.Input{in(7, 1, pkh), in(2, 1, pkh)}}, {Inputs: []cluster.Input{in(4, 1, pkh), in(7, 1, pkh)}}}
	b := []cluster.Tx{{Inputs: []cluster.Input{in(4, 1, pkh), in(7, 1, pkh)}}, {Inputs: []cluster.Input{in(2, 1, pkh), in(4, 1, pkh)}}}
	ra, rb := run(t, only("multi-input"), a), run(t, only("multi-input"), b)
	for _, x := range []uint32{2, 4, 7} {
		if ra.Cluster[x] != 2 || rb.Cluster[x] != 2 {
			t.Errorf("Cluster[%d] = %d / %d; want 2", x, ra.Cluster[x], rb.Cluster[x])
		}
	}
}

func TestDetectCoinJoin(t *testing.T) {
	eq := func(n int, v coinsift.Sats) []cluster.Output {
		o := make([]cluster.Output, n)
		for i := range o {
			o[i] = out(uint32(100+i), v, wpkh, -1)
		}
		return o
	}
	ins := func(n int) []cluster.Input {
		o := make([]cluster.Input, n)
		for i := range o {
			o[i] = in(uint32(i), 1e8, wpkh)
		}
		return o
	}
	nulldata := cluster.Output{Addr: cluster.NoAddr, Type: coinsift.ScriptNullData, Spender: -1}
	w2 := func() []cluster.Output {
		var o []cluster.Output
		for i, v := range []coinsift.Sats{5000, 8192, 10000, 16384, 20000, 50000, 65536, 100000, 196608, 200000} {
			for j := 0; j < 6; j++ {
				o = append(o, out(uint32(1000+10*i+j), v, tr, -1))
			}
		}
		return o
	}
	tests := []struct {
		name string
		tx   cluster.Tx
		want string
	}{
		{"payment", cluster.Tx{Inputs: ins(1), Outputs: eq(2, 5e5)}, ""},
		{"whirlpool", cluster.Tx{Inputs: ins(5), Outputs: eq(5, 1_000_000)}, cluster.DetectWhirlpool},
		{"whirlpool tx0", cluster.Tx{Inputs: ins(1), Outputs: append(eq(4, 1_000_170), nulldata, out(9, 5e6, wpkh, -1))}, cluster.DetectWhirlpoolTx0},
		{"wasabi1", cluster.Tx{Inputs: ins(60), Outputs: eq(50, 10_012_345)}, cluster.DetectWasabi1},
		{"wasabi2", cluster.Tx{Inputs: ins(60), Outputs: w2()}, cluster.DetectWasabi2},
		{"joinmarket", cluster.Tx{Inputs: ins(4), Outputs: append(eq(4, 2_345_678), out(7, 11, wpkh, -1), out(8, 12, wpkh, -1), out(9, 13, wpkh, -1))}, cluster.DetectJoinMarket},
		{"batched withdrawal", cluster.Tx{Inputs: ins(1), Outputs: eq(20, 1e6)}, ""},
	}
	for _, tt := range tests {
		if got := cluster.DetectCoinJoin(&tt.tx); got != tt.want {
			t.Errorf("%s: DetectCoinJoin = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	// Truth: {0,1,2} {3,4}; prediction: {0,1} {2,3,4}.
	clusterOf := []uint32{0, 0, 2, 2, 2}
	wallet := []int64{10, 10, 10, 20, 20}
	s := cluster.Evaluate(clusterOf, wallet)
	// Predicted pairs: 1 + 3 = 4, correct: (0,1) and (3,4) = 2, true pairs: 3 + 1 = 4.
	if s.PairPrecision != 0.5 || s.PairRecall != 0.5 {
		t.Errorf("pairwise = %v / %v; want 0.5 / 0.5", s.PairPrecision, s.PairRecall)
	}
	// B-cubed precision: (1+1+1/3+2/3+2/3)/5 = 11/15.
	if d := s.BCubedPrecision - 11.0/15; d > 1e-12 || d < -1e-12 {
		t.Errorf("bcubed precision = %v; want %v", s.BCubedPrecision, 11.0/15)
	}
	// B-cubed recall: (2/3+2/3+1/3+1+1)/5 = 11/15.
	if d := s.BCubedRecall - 11.0/15; d > 1e-12 || d < -1e-12 {
		t.Errorf("bcubed recall = %v", s.BCubedRecall)
	}
	perfect := cluster.Evaluate([]uint32{0, 0, 0, 3, 3}, wallet)
	if perfect.PairPrecision != 1 || perfect.PairRecall != 1 || perfect.BCubedPrecision != 1 || perfect.BCubedRecall != 1 {
		t.Errorf("perfect = %+v", perfect)
	}
}

func TestParseSet(t *testing.T) {
	s, err := cluster.ParseSet("multi-input, change")
	if err != nil || !s.Has(cluster.MultiInput) || !s.Has(cluster.ChangePeel) || !s.Has(cluster.ChangeSoftware) || s.Has(cluster.CoinJoin) {
		t.Errorf("ParseSet = %v, %v", s, err)
	}
	if _, err := cluster.ParseSet("multi-input,telepathy"); err == nil {
		t.Error("ParseSet accepted an unknown heuristic")
	}
}
