package cluster_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/cluster"
)

// synth is a Source of random transactions generated on the fly: each tx
// spends 1–4 inputs of random earlier addresses and pays two outputs, one to
// a fresh address. It stands in for a chain of any size without memory.
type synth struct {
	txs, addrs int
	seed       uint64
}

func (s *synth) NumAddresses() int { return s.addrs }

func (s *synth) Scan(ctx context.Context, fn func(*cluster.Tx) error) error {
	rng := rand.New(rand.NewPCG(s.seed, 1))
	tx := &cluster.Tx{Inputs: make([]cluster.Input, 0, 4), Outputs: make([]cluster.Output, 2)}
	next := uint32(0)
	for i := 0; i < s.txs; i++ {
		tx.Index = int64(i)
		tx.Inputs = tx.Inputs[:0]
		n := 1 + rng.IntN(4)
		for j := 0; j < n && next > 0; j++ {
			tx.Inputs = append(tx.Inputs, cluster.Input{Addr: rng.Uint32N(next), Value: coinsift.Sats(1e6 + rng.IntN(1e8)), Type: coinsift.ScriptP2WPKH})
		}
		tx.Coinbase = len(tx.Inputs) == 0
		for k := range tx.Outputs {
			a := next % uint32(s.addrs)
			if k == 1 || next < uint32(s.addrs) {
				next++
			}
			tx.Outputs[k] = cluster.Output{Addr: a, Value: coinsift.Sats(rng.IntN(1e8)), Type: coinsift.ScriptP2WPKH, Spender: cluster.NoTx}
		}
		if err := fn(tx); err != nil {
			return err
		}
	}
	return nil
}

func (s *synth) Shape(i int64) (cluster.Shape, error) {
	return cluster.Shape{Version: 2, NumInputs: 2, NumOutputs: 2}, nil
}

func (s *synth) FirstSeen(a uint32) int64 { return int64(a) / 2 }

// BenchmarkMultiInput reports union-find throughput in inputs/s on a
// synthetic chain of 4 million transactions (~10 million inputs);
// COINSIFT_BENCH_TXS sets another size (addresses: twice the transactions),
// e.g. 40000000 for arrays far larger than any cache, as on the real chain.
func BenchmarkMultiInput(b *testing.B) {
	n := 4_000_000
	if v, err := strconv.Atoi(os.Getenv("COINSIFT_BENCH_TXS")); err == nil && v > 0 {
		n = v
	}
	src := &synth{txs: n, addrs: 2 * n, seed: 1}
	cfg := cluster.DefaultConfig()
	cfg.Heuristics, _ = cluster.ParseSet("multi-input")
	cfg.KeepMerges = false
	var inputs int64
	for i := 0; i < b.N; i++ {
		r, err := cluster.Run(context.Background(), src, cfg, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		inputs = r.Stats.Inputs
	}
	b.ReportMetric(float64(inputs)*float64(b.N)/b.Elapsed().Seconds(), "inputs/s")
	b.ReportMetric(4, "bytes/addr")
}

// BenchmarkDefault runs the default heuristics (change included) on a
// synthetic chain of 1 million transactions.
func BenchmarkDefault(b *testing.B) {
	src := &synth{txs: 1_000_000, addrs: 2_000_000, seed: 2}
	cfg := cluster.DefaultConfig()
	var inputs int64
	for i := 0; i < b.N; i++ {
		r, err := cluster.Run(context.Background(), src, cfg, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		inputs = r.Stats.Inputs
	}
	b.ReportMetric(float64(inputs)*float64(b.N)/b.Elapsed().Seconds(), "inputs/s")
}
