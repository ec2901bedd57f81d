package cluster

import (
	"context"
	"fmt"

	coinsift "github.com/coinsift/coinsift"
)

// MemSource is a Source held in memory: small chains in tests and examples,
// and the reference implementation of the Source contract. Spenders and
// first-seen indices are derived from the transactions by Index.
type MemSource struct {
	Txs       []Tx
	addresses int
	firstSeen map[uint32]int64
}

// NewMemSource indexes txs, which must be in chain order with Index equal to
// their position, and Output.Spender already filled in.
func NewMemSource(txs []Tx) *MemSource {
	m := &MemSource{Txs: txs, firstSeen: map[uint32]int64{}}
	for _, tx := range txs {
		for _, o := range tx.Outputs {
			if o.Addr == NoAddr {
				continue
			}
			if int(o.Addr) >= m.addresses {
				m.addresses = int(o.Addr) + 1
			}
			if _, ok := m.firstSeen[o.Addr]; !ok {
				m.firstSeen[o.Addr] = tx.Index
			}
		}
		for _, in := range tx.Inputs {
			if in.Addr != NoAddr && int(in.Addr) >= m.addresses {
				m.addresses = int(in.Addr) + 1
			}
		}
	}
	return m
}

// NumAddresses implements Source.
func (m *MemSource) NumAddresses() int { return m.addresses }

// Scan implements Source.
func (m *MemSource) Scan(ctx context.Context, fn func(*Tx) error) error {
	for i := range m.Txs {
		if err := fn(&m.Txs[i]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Shape implements Source.
func (m *MemSource) Shape(i int64) (Shape, error) {
	if i < 0 || i >= int64(len(m.Txs)) {
		return Shape{}, fmt.Errorf("tx %d: %w", i, coinsift.ErrNotFound)
	}
	tx := &m.Txs[i]
	return Shape{Version: tx.Version, LockTime: tx.LockTime, RBF: tx.RBF, NumInputs: len(tx.Inputs), NumOutputs: len(tx.Outputs)}, nil
}

// FirstSeen implements Source.
func (m *MemSource) FirstSeen(a uint32) int64 {
	if i, ok := m.firstSeen[a]; ok {
		return i
	}
	return NoTx
}

var _ Source = (*MemSource)(nil)
