package chainindex

import "encoding/binary"

// TxIter walks every transaction in chain order with the address ids of
// its spent outputs and its outputs, for clustering:
//
//	it := x.Txs()
//	for it.Next() {
//		tx, ins, outs := it.At()
//	}
type TxIter struct {
	x    *Index
	t    int64
	ins  []uint32
	outs []Output
}

// Txs returns an iterator over all transactions.
func (x *Index) Txs() *TxIter { return &TxIter{x: x, t: -1} }

// Next advances to the next transaction.
func (it *TxIter) Next() bool {
	it.t++
	if it.t >= it.x.NumTxs() {
		return false
	}
	x := it.x
	r := x.cols[iTxs].data[it.t*txRec:]
	in0, out0 := int64(get40(r[0:])), int64(get40(r[5:]))
	in1, out1 := int64(x.man.Counts.Inputs), int64(x.man.Counts.Outputs)
	if it.t+1 < x.NumTxs() {
		n := x.cols[iTxs].data[(it.t+1)*txRec:]
		in1, out1 = int64(get40(n[0:])), int64(get40(n[5:]))
	}
	it.ins, it.outs = it.ins[:0], it.outs[:0]
	ob := x.cols[iOutputs].data
	for i := in0; i < in1; i++ {
		v := get40(x.cols[iInputs].data[i*inputRec:]) & spentMask
		var a uint32
		if v != spentCoin && v != spentUnknown {
			a = binary.LittleEndian.Uint32(ob[v*outputRec+7:])
		}
		it.ins = append(it.ins, a)
	}
	for o := out0; o < out1; o++ {
		it.outs = append(it.outs, x.Output(o))
	}
	return true
}

// At returns the current transaction number, the address id of each input's
// spent output (0 for coinbase, unknown or address-less outputs) and the
// outputs. The slices are reused by Next.
func (it *TxIter) At() (int64, []uint32, []Output) { return it.t, it.ins, it.outs }

// Err returns nil; reads from a committed index cannot fail.
func (it *TxIter) Err() error { return nil }
