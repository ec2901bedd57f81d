package chainindex_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/testchain"
)

// TestScanTxs checks that the sequential scan agrees with the random-access
// readers on every transaction, on early blocks and on the real SegWit and
// Taproot blocks.
func TestScanTxs(t *testing.T) {
	var mem memSource
	for _, rb := range testchain.RealBlocks(t) {
		mem.blocks = append(mem.blocks, rb.Raw)
	}
	mem.link()
	tests := []struct {
		name string
		src  chainindex.Source
	}{
		{"blk_0_to_14131", openSource(t, filepath.Dir(linkBlk(t)), false)},
		{"real blocks", &mem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustImport(t, dir, tt.src, chainindex.Options{})
			x := mustOpen(t, dir)
			var n int64
			var seq bool
			shapes := map[bool]int{} // transactions by RBF
			err := x.ScanTxs(context.Background(), func(tn int64, r *chainindex.TxRecord) error {
				if tn != n {
					t.Fatalf("scan gave tx %d; want %d", tn, n)
				}
				n++
				if want := x.Tx(tn); !reflect.DeepEqual(r.Tx, want) {
					t.Fatalf("tx %d: scan %+v; Tx %+v", tn, r.Tx, want)
				}
				if len(r.Inputs) != r.NumInputs || len(r.Outputs) != r.NumOutputs {
					t.Fatalf("tx %d: %d inputs %d outputs; want %d, %d", tn, len(r.Inputs), len(r.Outputs), r.NumInputs, r.NumOutputs)
				}
				rbf := false
				for k, in := range r.Inputs {
					if want := x.Input(r.FirstInput + int64(k)); in != want {
						t.Fatalf("input %d: scan %+v; Input %+v", in.Num, in, want)
					}
					if in.Sequence < 0xfffffffd {
						seq = true
					}
					rbf = rbf || in.Sequence < 0xfffffffe
				}
				want := chainindex.TxShape{Version: r.Version, LockTime: r.LockTime, NumInputs: r.NumInputs, NumOutputs: r.NumOutputs, RBF: rbf}
				if got := x.TxShape(tn); got != want {
					t.Fatalf("tx %d: TxShape %+v; want %+v", tn, got, want)
				}
				shapes[rbf]++
				for k, o := range r.Outputs {
					if want := x.Output(r.FirstOutput + int64(k)); o != want {
						t.Fatalf("output %d: scan %+v; Output %+v", o.Num, o, want)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != x.NumTxs() {
				t.Errorf("scanned %d txs; want %d", n, x.NumTxs())
			}
			if tt.name == "real blocks" && !seq {
				t.Errorf("no uncommon nSequence scanned; the seqx cursor is untested")
			}
			if tt.name == "real blocks" && (shapes[true] == 0 || shapes[false] == 0) {
				t.Errorf("transactions by RBF signal: %v; want both kinds for TxShape", shapes)
			}
			// A range scan starts with the right cursors.
			var first int64 = -1
			x.ScanBlocks(context.Background(), x.Tip()-1, x.Tip(), func(tn int64, r *chainindex.TxRecord) error {
				if first < 0 {
					first = tn
				}
				for k, in := range r.Inputs {
					if want := x.Input(r.FirstInput + int64(k)); in != want {
						t.Fatalf("range scan input %d: %+v; want %+v", in.Num, in, want)
					}
				}
				if want := x.Tx(tn); !reflect.DeepEqual(r.Tx, want) {
					t.Fatalf("range scan tx %d: %+v; want %+v", tn, r.Tx, want)
				}
				return nil
			})
			if want := x.Block(x.Tip() - 1).FirstTx; first != want {
				t.Errorf("range scan started at tx %d; want %d", first, want)
			}
		})
	}
	t.Run("canceled", func(t *testing.T) {
		dir := t.TempDir()
		mustImport(t, dir, &mem, chainindex.Options{})
		x := mustOpen(t, dir)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := x.ScanTxs(ctx, func(int64, *chainindex.TxRecord) error { return nil }); !errors.Is(err, coinsift.ErrCanceled) {
			t.Errorf("ScanTxs = %v; want ErrCanceled", err)
		}
	})
}
