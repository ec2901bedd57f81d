package cluster

import (
	"context"
	"fmt"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// IndexSource reads a chain index as a Source. Chain index address ids start
// at 1 (0 means no address), so id 0 is a singleton that nothing joins.
type IndexSource struct {
	x *chainindex.Index
}

// FromIndex returns the Source view of a chain index.
func FromIndex(x *chainindex.Index) *IndexSource { return &IndexSource{x: x} }

// NumAddresses implements Source.
func (s *IndexSource) NumAddresses() int { return int(s.x.NumAddresses()) + 1 }

// FirstAddress implements AddressBase: address id 0 is "no address".
func (s *IndexSource) FirstAddress() uint32 { return 1 }

// Scan implements Source. It streams the index with chainindex's
// sequential scan; only the outputs an input spends and the transaction of
// each spender are random reads.
func (s *IndexSource) Scan(ctx context.Context, fn func(*Tx) error) error {
	x := s.x
	tx := &Tx{}
	return x.ScanTxs(ctx, func(t int64, rec *chainindex.TxRecord) error {
		tx.Index, tx.Coinbase, tx.Version, tx.LockTime, tx.RBF = t, rec.Coinbase, rec.Version, rec.LockTime, false
		tx.Inputs, tx.Outputs = tx.Inputs[:0], tx.Outputs[:0]
		for _, in := range rec.Inputs {
			if in.Sequence < 0xfffffffe {
				tx.RBF = true
			}
			if in.Spent < 0 {
				tx.Inputs = append(tx.Inputs, Input{Addr: NoAddr})
				continue
			}
			o := x.Output(in.Spent)
			tx.Inputs = append(tx.Inputs, Input{Addr: addrOf(o.Addr), Value: o.Value, Type: o.Type})
		}
		for _, out := range rec.Outputs {
			sp := NoTx
			if out.Spender >= 0 {
				sp, _ = x.TxOfInput(out.Spender)
			}
			tx.Outputs = append(tx.Outputs, Output{Addr: addrOf(out.Addr), Value: out.Value, Type: out.Type, Spender: sp})
		}
		return fn(tx)
	})
}

func addrOf(a uint32) uint32 {
	if a == 0 {
		return NoAddr
	}
	return a
}

// Shape implements Source.
func (s *IndexSource) Shape(t int64) (Shape, error) {
	if t < 0 || t >= s.x.NumTxs() {
		return Shape{}, fmt.Errorf("tx %d: %w", t, coinsift.ErrNotFound)
	}
	ts := s.x.TxShape(t)
	sh := Shape{Version: ts.Version, LockTime: ts.LockTime, NumInputs: ts.NumInputs, NumOutputs: ts.NumOutputs, RBF: ts.RBF}
	return sh, nil
}

// FirstSeen implements Source.
func (s *IndexSource) FirstSeen(a uint32) int64 {
	outs := s.x.AddressOutputs(a)
	if len(outs) == 0 {
		return NoTx
	}
	t, _ := s.x.TxOfOutput(outs[0])
	return t
}

var _ Source = (*IndexSource)(nil)
