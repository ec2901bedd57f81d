package chainindex

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/mmap"
)

// rollback removes every block above height h (h = -1 empties the index)
// and commits the result.
func (w *writer) rollback(h coinsift.Height) error {
	if err := w.commit(); err != nil {
		return err
	}
	if h >= w.tip() {
		return nil
	}
	nb := uint64(h + 1)
	blk := w.cols[iBlocks].m.Bytes()[headerSize+nb*blockRec:]
	nc := counts{Blocks: nb, Txs: binary.LittleEndian.Uint64(blk[48:]), Addresses: uint64(binary.LittleEndian.Uint32(blk[44:]))}
	if nc.Txs < w.c.Txs {
		r := w.txRec(nc.Txs)
		nc.Inputs, nc.Outputs = get40(r[0:]), get40(r[5:])
	} else {
		nc.Inputs, nc.Outputs = w.c.Inputs, w.c.Outputs
	}
	if nc.Addresses < w.c.Addresses {
		nc.AddrBytes = get40(w.cols[iAddroff].m.Bytes()[headerSize+nc.Addresses*u40Rec:])
	} else {
		nc.AddrBytes = w.c.AddrBytes
	}
	nc.Seqx = w.countBelow(iSeqx, seqxRec, w.c.Seqx, nc.Inputs)
	nc.Wtxids = w.countBelow(iWtxids, wtxidRec, w.c.Wtxids, nc.Txs)

	// Unspend the outputs the removed inputs spent.
	in := w.cols[iInputs].m.Bytes()[headerSize:]
	sp := w.spenders.data()
	for i := nc.Inputs; i < w.c.Inputs; i++ {
		o := get40(in[i*inputRec:]) & spentMask
		if o < nc.Outputs {
			put40(sp[o*u40Rec:], 0)
		}
	}
	// Delete removed txids and addresses from the tables, newest first.
	txKey := func(t uint64) uint64 { return txidKey(w.txidAt(t)) }
	for t := w.c.Txs; t > nc.Txs; t-- {
		w.txh.remove(txKey(t-1), t-1, txKey)
	}
	adKey := func(a uint64) uint64 { k, v, d := w.addrAt(a); return addrKey(k, v, d) }
	for a := w.c.Addresses; a > nc.Addresses; a-- {
		w.addrh.remove(adKey(a-1), a-1, adKey)
	}
	for i := range appendCols {
		w.cols[i].truncate(nc.bytesOf(i))
	}
	w.spenders.truncate(int64(nc.Outputs) * u40Rec)
	if w.man.PostingsOutputs > nc.Outputs {
		w.man.PostingsOutputs = nc.Outputs
	}
	// Drop segments above h, shorten the one containing h.
	segs := w.man.Segments[:0]
	for _, s := range w.man.Segments {
		if s.First > h {
			continue
		}
		if s.Last > h {
			s.Last = h
			for i := range s.Cols {
				s.Cols[i].End = nc.bytesOf(i)
				s.Cols[i].CRC = w.cols[i].crc(s.Cols[i].Start, s.Cols[i].End)
			}
		}
		segs = append(segs, s)
	}
	w.man.Segments = segs
	w.c = nc
	w.man.Counts = nc
	w.man.TipHash = ""
	if nb > 0 {
		w.man.TipHash = w.blockHash(h).String()
	}
	for _, s := range []interface{ sync() error }{w.spenders, w.txh, w.addrh} {
		if err := s.sync(); err != nil {
			return err
		}
	}
	if err := w.saveManifest(); err != nil {
		return fmt.Errorf("commit rollback to %d: %w", h, err)
	}
	return nil
}

// countBelow returns how many of the first n records of a column sorted by
// its leading u64 have a key below limit.
func (w *writer) countBelow(col, rec int, n, limit uint64) uint64 {
	b := w.cols[col].m.Bytes()[headerSize:]
	lo, hi := uint64(0), n
	for lo < hi {
		mid := (lo + hi) / 2
		if binary.LittleEndian.Uint64(b[mid*uint64(rec):]) < limit {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// postings32 bounds the output count for which buildPostings keeps each
// address's next position in 32 bits (a variable for tests).
var postings32 uint64 = 1 << 32

// buildPostings rebuilds the address → outputs CSR over all committed
// outputs by counting sort, then commits the new coverage.
func (w *writer) buildPostings() error {
	na, no := w.c.Addresses, w.c.Outputs
	cnt := make([]uint32, na+1)
	outs := w.cols[iOutputs].m.Bytes()[headerSize:]
	// Each pass runs on every core, each over all outputs but for its own
	// range of addresses: the random accesses split, the order within an
	// address stays ascending, and no memory is added.
	byRange := func(fn func(o uint64, a uint32)) {
		parts := uint64(runtime.GOMAXPROCS(0))
		var wg sync.WaitGroup
		for p := uint64(0); p < parts; p++ {
			lo, hi := uint32(na*p/parts), uint32(na*(p+1)/parts)
			wg.Go(func() {
				for o := uint64(0); o < no; o++ {
					if a := binary.LittleEndian.Uint32(outs[o*outputRec+7:]); a > lo && a <= hi {
						fn(o, a)
					}
				}
			})
		}
		wg.Wait()
	}
	byRange(func(_ uint64, a uint32) { cnt[a-1]++ })
	// While they fit in the table budget beside the tables, both files
	// are built in anonymous memory and written whole: the placing pass
	// writes at random, which in a mapped file costs a page fault per page
	// and a write-back that write-protects them again. Larger ones (a
	// mainnet index: ~24 GB) are built in their mapped files.
	mem := w.inMemory(int64(na+1+no)*u40Rec + w.tabBytes.Load())
	offPath := filepath.Join(w.dir, "postings.off")
	colPath := filepath.Join(w.dir, "postings.col")
	off, err := newOutFile(offPath+".tmp", colPostOff, int64(na+1)*u40Rec, mem)
	if err != nil {
		return err
	}
	defer off.release()
	// cnt becomes each address's next position while the positions fit in
	// 32 bits (mainnet: 3.3 G outputs), so that placing reads one array at
	// random instead of two; beyond that it counts the outputs placed.
	var total uint64
	ob := off.data
	small := no < postings32
	for a := uint64(0); a < na; a++ {
		put40(ob[a*u40Rec:], total)
		c := uint64(cnt[a])
		cnt[a] = 0
		if small {
			cnt[a] = uint32(total)
		}
		total += c
	}
	put40(ob[na*u40Rec:], total)
	pc, err := newOutFile(colPath+".tmp", colPostings, int64(total)*u40Rec, mem)
	if err != nil {
		return err
	}
	defer pc.release()
	pb := pc.data
	if small {
		byRange(func(o uint64, a uint32) {
			put40(pb[uint64(cnt[a-1])*u40Rec:], o)
			cnt[a-1]++
		})
	} else {
		byRange(func(o uint64, a uint32) {
			pos := get40(ob[(a-1)*u40Rec:]) + uint64(cnt[a-1])
			put40(pb[pos*u40Rec:], o)
			cnt[a-1]++
		})
	}
	// The two files are written (or synced) side by side.
	offDone := make(chan error, 1)
	go func() { offDone <- off.finish() }()
	err = pc.finish()
	if err := errors.Join(<-offDone, err); err != nil {
		return err
	}
	if err := os.Rename(offPath+".tmp", offPath); err != nil {
		return err
	}
	if err := os.Rename(colPath+".tmp", colPath); err != nil {
		return err
	}
	w.man.PostingsOutputs, w.man.PostingsAddrs = no, na
	return w.saveManifest()
}

// writeFileSync writes b to a new file at path and fsyncs it.
func writeFileSync(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return f.Close()
}

// outFile is a file of u40 records being built, in anonymous memory or in
// its mapped file: data is where to write, finish makes it durable at its
// path, release frees it.
type outFile struct {
	data    []byte
	finish  func() error
	release func() error
}

func newOutFile(path string, id uint16, n int64, mem bool) (*outFile, error) {
	if !mem {
		c, err := newFileCol(path, id, n)
		if err != nil {
			return nil, err
		}
		return &outFile{data: c.data(), finish: c.sync, release: c.close}, nil
	}
	m, err := mmap.Anon(headerSize + n)
	if err != nil {
		return nil, err
	}
	copy(m.Bytes(), fileHeader(id, u40Rec))
	return &outFile{data: m.Bytes()[headerSize:], finish: func() error { return writeFileSync(path, m.Bytes()) }, release: m.Close}, nil
}

// newFileCol creates a file column of exactly n data bytes.
func newFileCol(path string, id uint16, n int64) (*column, error) {
	os.Remove(path)
	dir, name := filepath.Split(path)
	c, err := openColumn(dir, name, id, u40Rec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := c.extend(int(n)); err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}
