package chainindex

import (
	"encoding/binary"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
)

// The address stage registers the addresses of blocks' outputs and
// writes their output records, in block order, on a goroutine of its own
// while the writer applies the transactions of the same or later blocks.
// The two touch disjoint files: the stage owns outputs.col, addrs.col,
// addroff.col and addr.hash; the writer owns everything else, spenders.col
// included. They meet only at commits (the writer drains the stage first,
// so a commit always falls on a block boundary of both) and in handle,
// which the writer runs for each finished block in order.
//
// Before it, the two halves ran side by side on each block with a join at
// its end; Go's scheduler left the second goroutine in the writer's run
// queue while the other core parsed blocks, so the halves ran mostly one
// after the other.

// addrStageDepth is how many blocks the writer may run ahead of the stage.
const addrStageDepth = 8

type addrCounts struct {
	addresses, addrBytes uint64
}

type addrJob struct {
	blk *bitcoin.Block
	h   coinsift.Height
	tag any
}

type addrResult struct {
	*addrJob
	first                uint64 // address count at the start of the block
	addresses, addrBytes uint64 // and at its end
	bad                  []int  // transactions with an impossible output value
	err                  error
}

type addrStage struct {
	in      chan *addrJob
	out     chan *addrResult
	pending int
}

// startAddrStage starts the stage from the writer's counts.
func (w *writer) startAddrStage() {
	w.ac = addrCounts{w.c.Addresses, w.c.AddrBytes}
	as := &addrStage{in: make(chan *addrJob, addrStageDepth), out: make(chan *addrResult, addrStageDepth+1)}
	w.as = as
	go func() {
		defer close(as.out)
		for j := range as.in {
			as.out <- w.applyOutputs(j)
		}
	}()
}

// stopAddrStage drains and ends the stage.
func (w *writer) stopAddrStage() error {
	as := w.as
	if as == nil {
		return nil
	}
	err := as.drain(w)
	close(as.in)
	for range as.out {
	}
	w.as = nil
	return err
}

// send hands j to the stage. At most addrStageDepth blocks are pending:
// with more, it first takes the oldest result (the jobs pending hold
// their blocks, and the import has addrStageDepth+1 spare jobs for them).
func (as *addrStage) send(w *writer, j *addrJob) error {
	for as.pending >= addrStageDepth {
		as.pending--
		if err := w.handle(<-as.out); err != nil {
			return err
		}
	}
	as.in <- j
	as.pending++
	return nil
}

// drain waits for every block sent to the stage.
func (as *addrStage) drain(w *writer) error {
	if as == nil {
		return nil
	}
	var first error
	for ; as.pending > 0; as.pending-- {
		if err := w.handle(<-as.out); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// applyOutputs writes the output records of j's block, registering new
// addresses (on the stage, or on the writer when no stage runs).
func (w *writer) applyOutputs(j *addrJob) *addrResult {
	r := &addrResult{addrJob: j, first: w.ac.addresses}
	blk := j.blk
	outs, err := w.cols[iOutputs].extend(outputCount(blk) * outputRec)
	if err != nil {
		r.err = err
		return r
	}
	for ti := range blk.Txs {
		badValue := false
		for oi := range blk.Txs[ti].Outputs {
			out := &blk.Txs[ti].Outputs[oi]
			s := bitcoin.Classify(out.Script)
			var addr uint64
			if p, _, ok := bitcoin.PayloadOf(s); ok {
				if addr, err = w.address(p); err != nil {
					r.err = err
					return r
				}
			}
			val := uint64(out.Value)
			if out.Value < 0 || val > maxValue {
				val, badValue = maxValue, true
			}
			put56(outs, val|uint64(s.Type)<<52)
			binary.LittleEndian.PutUint32(outs[7:], uint32(addr))
			outs = outs[outputRec:]
		}
		if badValue {
			r.bad = append(r.bad, ti)
		}
	}
	r.addresses, r.addrBytes = w.ac.addresses, w.ac.addrBytes
	return r
}
