package link_test

import (
	"crypto/sha256"
	"fmt"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/link"
)

// ref names an output of an earlier transaction of a memChain: its
// position in the list and its vout.
type ref struct{ tx, vout int }

// pay is one output of a memChain transaction.
type pay struct {
	addr string
	sats coinsift.Sats
}

// mtx is one transaction of a memChain: no inputs make a coinbase. Each
// transaction is in a block of its own, stamped at.
type mtx struct {
	at  time.Time
	in  []ref
	out []pay
}

// memChain is a small chain held in memory that implements link.Chain.
// Addresses are arbitrary strings, numbered from 1 in order of first use.
type memChain struct {
	addrs  []string
	ids    map[string]uint32
	txs    []chainindex.Tx
	byID   map[coinsift.TxID]int64
	ins    []chainindex.Input
	outs   []chainindex.Output
	outTx  []int64
	inTx   []int64
	byAddr map[uint32][]int64
}

var _ link.Chain = (*memChain)(nil)

func txidOf(i int) coinsift.TxID { return sha256.Sum256([]byte(fmt.Sprintf("tx %d", i))) }

func newMemChain(txs []mtx) *memChain {
	c := &memChain{ids: map[string]uint32{}, byID: map[coinsift.TxID]int64{}, byAddr: map[uint32][]int64{}}
	first := make([]int64, len(txs))
	for i, t := range txs {
		tx := chainindex.Tx{Num: int64(i), TxID: txidOf(i), Height: coinsift.Height(i), Time: t.at.UTC(), Version: 2,
			FirstInput: int64(len(c.ins)), FirstOutput: int64(len(c.outs)), Coinbase: len(t.in) == 0}
		if len(t.in) == 0 {
			c.ins = append(c.ins, chainindex.Input{Num: int64(len(c.ins)), Spent: -1, Coinbase: true, Sequence: 0xffffffff})
			c.inTx = append(c.inTx, int64(i))
		}
		for _, r := range t.in {
			o := first[r.tx] + int64(r.vout)
			n := int64(len(c.ins))
			c.outs[o].Spender = n
			c.ins = append(c.ins, chainindex.Input{Num: n, Spent: o, Sequence: 0xffffffff})
			c.inTx = append(c.inTx, int64(i))
		}
		first[i] = int64(len(c.outs))
		for _, p := range t.out {
			a, ok := c.ids[p.addr]
			if !ok {
				c.addrs = append(c.addrs, p.addr)
				a = uint32(len(c.addrs))
				c.ids[p.addr] = a
			}
			o := int64(len(c.outs))
			c.outs = append(c.outs, chainindex.Output{Num: o, Value: p.sats, Addr: a, Spender: -1})
			c.outTx = append(c.outTx, int64(i))
			c.byAddr[a] = append(c.byAddr[a], o)
		}
		tx.NumInputs = len(c.ins) - int(tx.FirstInput)
		tx.NumOutputs = len(c.outs) - int(tx.FirstOutput)
		c.txs = append(c.txs, tx)
		c.byID[tx.TxID] = int64(i)
	}
	return c
}

func (c *memChain) NumAddresses() int64 { return int64(len(c.addrs)) }

func (c *memChain) AddressByString(s string) (uint32, error) {
	if a, ok := c.ids[s]; ok {
		return a, nil
	}
	return 0, fmt.Errorf("address %s: %w", s, coinsift.ErrNotFound)
}

func (c *memChain) AddressString(a uint32) string { return c.addrs[a-1] }

func (c *memChain) AddressOutputs(a uint32) []int64 { return append([]int64(nil), c.byAddr[a]...) }

func (c *memChain) TxByID(id coinsift.TxID) (int64, error) {
	if t, ok := c.byID[id]; ok {
		return t, nil
	}
	return 0, fmt.Errorf("tx %s: %w", id, coinsift.ErrNotFound)
}

func (c *memChain) Tx(t int64) chainindex.Tx         { return c.txs[t] }
func (c *memChain) Input(i int64) chainindex.Input   { return c.ins[i] }
func (c *memChain) Output(o int64) chainindex.Output { return c.outs[o] }

func (c *memChain) TxOfOutput(o int64) (int64, int) {
	t := c.outTx[o]
	return t, int(o - c.txs[t].FirstOutput)
}

func (c *memChain) TxOfInput(i int64) (int64, int) {
	t := c.inTx[i]
	return t, int(i - c.txs[t].FirstInput)
}

// clustering returns a stored clustering of c: every address its own
// cluster, except that the addresses of a group share the first one's.
func (c *memChain) clustering(groups ...[]string) link.Clustering {
	cl := make(link.Clustering, len(c.addrs)+1)
	for a := range cl {
		cl[a] = uint32(a)
	}
	for _, g := range groups {
		for _, s := range g[1:] {
			cl[c.ids[s]] = c.ids[g[0]]
		}
	}
	return cl
}
