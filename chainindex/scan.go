package chainindex

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// TxRecord is one transaction as [Index.ScanTxs] delivers it: the
// transaction with its height and time, and its inputs and outputs
// (spenders resolved). The slices are reused for the next transaction.
type TxRecord struct {
	Tx
	Inputs  []Input
	Outputs []Output
}

// ScanTxs calls fn for every transaction in chain order. It streams the
// columns sequentially, so it is much faster than calling [Index.Tx],
// [Index.Input] and [Index.Output] for each transaction (no binary searches
// for heights, wtxids or sequences). An error from fn stops the scan and is
// returned; ctx is checked once per block.
func (x *Index) ScanTxs(ctx context.Context, fn func(t int64, tx *TxRecord) error) error {
	return x.ScanBlocks(ctx, 0, x.Tip(), fn)
}

// ScanBlocks is [Index.ScanTxs] over the transactions of blocks from..to
// (clamped to the index).
func (x *Index) ScanBlocks(ctx context.Context, from, to coinsift.Height, fn func(t int64, tx *TxRecord) error) error {
	if from < 0 {
		from = 0
	}
	if to > x.Tip() {
		to = x.Tip()
	}
	if from > to {
		return nil
	}
	c := x.man.Counts
	bc, tc, ic, oc := x.cols[iBlocks].data, x.cols[iTxs].data, x.cols[iInputs].data, x.cols[iOutputs].data
	idc, wc, sc, sp := x.cols[iTxids].data, x.cols[iWtxids].data, x.cols[iSeqx].data, x.sp.data
	firstTx := func(h coinsift.Height) uint64 {
		if uint64(h) >= c.Blocks {
			return c.Txs
		}
		return binary.LittleEndian.Uint64(bc[int64(h)*blockRec+48:])
	}
	t0 := firstTx(from)
	// Sequential cursors into the sparse columns.
	nw := len(wc) / wtxidRec
	wi := sort.Search(nw, func(i int) bool { return binary.LittleEndian.Uint64(wc[i*wtxidRec:]) >= t0 })
	var in0 uint64
	if t0 < c.Txs {
		in0 = get40(tc[t0*txRec:])
	}
	ns := len(sc) / seqxRec
	si := sort.Search(ns, func(i int) bool { return binary.LittleEndian.Uint64(sc[i*seqxRec:]) >= in0 })
	var rec TxRecord
	for h := from; h <= to; h++ {
		if (h-from)%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("scan at height %d: %w", h, errors.Join(coinsift.ErrCanceled, err))
			}
		}
		b := bc[int64(h)*blockRec:]
		bt := time.Unix(int64(binary.LittleEndian.Uint32(b[32:])), 0).UTC()
		for t := firstTx(h); t < firstTx(h+1); t++ {
			r := tc[t*txRec:]
			tx := &rec.Tx
			*tx = Tx{Num: int64(t), FirstInput: int64(get40(r[0:])), FirstOutput: int64(get40(r[5:])),
				Version: int32(binary.LittleEndian.Uint32(r[10:])), LockTime: binary.LittleEndian.Uint32(r[14:]),
				Size: int(binary.LittleEndian.Uint32(r[18:])), VSize: int(binary.LittleEndian.Uint32(r[22:])),
				Coinbase: r[26]&1 != 0, Witness: r[26]&2 != 0, Height: h, Time: bt}
			copy(tx.TxID[:], idc[t*txidRec:])
			endIn, endOut := c.Inputs, c.Outputs
			if t+1 < c.Txs {
				n := tc[(t+1)*txRec:]
				endIn, endOut = get40(n[0:]), get40(n[5:])
			}
			tx.NumInputs, tx.NumOutputs = int(endIn-uint64(tx.FirstInput)), int(endOut-uint64(tx.FirstOutput))
			if tx.Witness && wi < nw && binary.LittleEndian.Uint64(wc[wi*wtxidRec:]) == t {
				var w coinsift.TxID
				copy(w[:], wc[wi*wtxidRec+8:])
				if w != tx.TxID {
					tx.WTxID = &w
				}
				wi++
			}
			rec.Inputs = rec.Inputs[:0]
			for i := uint64(tx.FirstInput); i < endIn; i++ {
				in := decodeInput(int64(i), get40(ic[i*inputRec:]), func() uint32 {
					for si < ns && binary.LittleEndian.Uint64(sc[si*seqxRec:]) < i {
						si++
					}
					if si < ns && binary.LittleEndian.Uint64(sc[si*seqxRec:]) == i {
						si++
						return binary.LittleEndian.Uint32(sc[(si-1)*seqxRec+8:])
					}
					return 0
				})
				rec.Inputs = append(rec.Inputs, in)
			}
			rec.Outputs = rec.Outputs[:0]
			for o := uint64(tx.FirstOutput); o < endOut; o++ {
				ob := oc[o*outputRec:]
				v := get56(ob)
				out := Output{Num: int64(o), Value: coinsift.Sats(v & maxValue), Type: coinsift.ScriptType(v >> 52),
					Addr: binary.LittleEndian.Uint32(ob[7:]), Spender: -1}
				if s := get40(sp[o*u40Rec:]); s != 0 && s-1 < c.Inputs {
					out.Spender = int64(s - 1)
				}
				rec.Outputs = append(rec.Outputs, out)
			}
			if err := fn(int64(t), &rec); err != nil {
				return err
			}
		}
	}
	return nil
}
