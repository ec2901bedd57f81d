package chainindex

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
)

// Sentinels in the spent-output field of an input.
const (
	spentMask    = 1<<37 - 1
	spentCoin    = spentMask     // coinbase: spends nothing
	spentUnknown = spentMask - 1 // the spent output is not in the index
	witnessBit   = 1 << 37
	seqShift     = 38
	maxValue     = 1<<52 - 1
)

// writer appends blocks to an index directory.
type writer struct {
	dir        string
	man        *manifest
	net        *bitcoin.Params
	cols       [9]*column
	spenders   *column
	txh        *hashtab
	addrh      *hashtab
	c          counts // live counts, including the uncommitted batch
	batchFrom  coinsift.Height
	quarantine func(*coinsift.InputError)
	log        *slog.Logger
	tableMem   int64  // RAM the tables may take in memory (see hashtab)
	txRoom     uint64 // the tables are built for at least this many ids
	addrRoom   uint64
	tabBytes   atomic.Int64 // the tables' current total size
	// as registers the addresses of outputs on a goroutine of its own
	// during appendRange; ac are its counts.
	as      *addrStage
	ac      addrCounts
	release func(tag any) // called when a block is done with
	pending chan error    // the end of a commit left to a goroutine
	// broken is set when a write failed (a block half-applied, a commit
	// not finished): nothing more is committed, and the WRITING marker
	// stays for the next open to repair.
	broken bool
}

// openWriter opens or creates the index in dir for network net. The hash
// tables are kept in anonymous memory while they fit in tableMem bytes
// together (see hashtab).
func openWriter(dir string, net *bitcoin.Params, quarantine func(*coinsift.InputError), log *slog.Logger, tableMem int64) (*writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	man, err := readManifest(dir)
	fresh := errors.Is(err, ErrNoIndex)
	if fresh {
		man = &manifest{Format: manifestVersion, Network: net.Name}
	} else if err != nil {
		return nil, err
	}
	if man.Network != net.Name {
		return nil, fmt.Errorf("open %s: index holds %s, source is %s: %w", dir, man.Network, net.Name, coinsift.ErrInvalid)
	}
	crashed := false
	if _, err := os.Stat(filepath.Join(dir, writingName)); err == nil {
		crashed = true
	}
	if err := os.WriteFile(filepath.Join(dir, writingName), []byte("a writer has this index open\n"), 0o644); err != nil {
		return nil, err
	}
	w := &writer{dir: dir, man: man, net: net, c: man.Counts, quarantine: quarantine, log: log, tableMem: tableMem}
	for i, ac := range appendCols {
		if w.cols[i], err = openColumn(dir, ac.name, ac.id, ac.rec, man.Counts.bytesOf(i)); err != nil {
			w.close()
			return nil, fmt.Errorf("open %s: %w", ac.name, err)
		}
	}
	if w.spenders, err = openColumn(dir, "spenders.col", colSpenders, u40Rec, int64(man.Counts.Outputs)*u40Rec); err != nil {
		w.close()
		return nil, err
	}
	if !crashed {
		mem := w.inMemory(fileSize(filepath.Join(dir, "txid.hash")) + fileSize(filepath.Join(dir, "addr.hash")))
		w.txh, err = openTab(dir, "txid.hash", colTxidHash, true, mem)
		if err == nil {
			w.addrh, err = openTab(dir, "addr.hash", colAddrHash, true, mem)
		}
		if err == nil && (w.txh.entries > w.c.Txs || w.addrh.entries != w.c.Addresses) {
			crashed = true // tables hold uncommitted entries
		}
		if err != nil {
			crashed = true
		}
	}
	if crashed {
		// A new index has no hash tables yet: repair creates them, and
		// there is nothing to report.
		if log != nil && !fresh {
			log.Info("repairing index after an interrupted write", slog.String(coinsift.LogKeySource, dir))
		}
		if err := w.repair(); err != nil {
			w.close()
			return nil, fmt.Errorf("repair %s: %w", dir, err)
		}
	}
	if w.txh.mem || w.addrh.mem {
		// The table files reach only this far until close writes the
		// tables: readers look later ids up in the columns. Growing may
		// move a table into memory only while this is set.
		w.man.TableCover = &tableCover{Txs: w.c.Txs, Addresses: w.c.Addresses}
	}
	w.tabBytes.Store(w.txh.size() + w.addrh.size())
	return w, nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// inMemory reports whether tables of size bytes together may be kept in
// memory.
func (w *writer) inMemory(size int64) bool { return w.tableMem > 0 && size <= w.tableMem }

// repair clears spender entries of uncommitted inputs and rebuilds both
// hash tables from the committed columns.
func (w *writer) repair() error {
	sp := w.spenders.data()
	for o := uint64(0); o < w.c.Outputs; o++ {
		if v := get40(sp[o*u40Rec:]); v != 0 && v-1 >= w.c.Inputs {
			put40(sp[o*u40Rec:], 0)
		}
	}
	return w.rebuildTables()
}

func (w *writer) rebuildTables() error {
	var err error
	if w.txh != nil {
		w.txh.close()
	}
	if w.addrh != nil {
		w.addrh.close()
	}
	w.txh, w.addrh = nil, nil
	mem := w.inMemory(tabSize(max(w.c.Txs, w.txRoom)) + tabSize(max(w.c.Addresses, w.addrRoom)))
	if w.txh, err = w.buildTxTab(w.c.Txs, mem); err != nil {
		return err
	}
	w.addrh, err = w.buildAddrTab(w.c.Addresses, mem)
	return err
}

func (w *writer) txidAt(t uint64) []byte {
	return w.cols[iTxids].m.Bytes()[headerSize+t*txidRec : headerSize+(t+1)*txidRec]
}

func (w *writer) buildTxTab(n uint64, mem bool) (*hashtab, error) {
	return buildTab(w.dir, "txid.hash", colTxidHash, n, w.txRoom, mem,
		func(t uint64) uint64 { return txidKey(w.txidAt(t)) },
		func(a, b uint64) bool { return bytes.Equal(w.txidAt(a), w.txidAt(b)) })
}

func (w *writer) addrAt(a uint64) (kind, version byte, data []byte) {
	off := get40(w.cols[iAddroff].m.Bytes()[headerSize+a*u40Rec:])
	rec := w.cols[iAddrs].m.Bytes()[headerSize+off:]
	return rec[0], rec[1], rec[3 : 3+int(rec[2])]
}

func (w *writer) buildAddrTab(n uint64, mem bool) (*hashtab, error) {
	return buildTab(w.dir, "addr.hash", colAddrHash, n, w.addrRoom, mem,
		func(a uint64) uint64 { k, v, d := w.addrAt(a); return addrKey(k, v, d) },
		func(a, b uint64) bool {
			k1, v1, d1 := w.addrAt(a)
			k2, v2, d2 := w.addrAt(b)
			return k1 == k2 && v1 == v2 && bytes.Equal(d1, d2)
		})
}

func (w *writer) tip() coinsift.Height { return coinsift.Height(w.c.Blocks) - 1 }

func (w *writer) blockHash(h coinsift.Height) coinsift.TxID {
	var id coinsift.TxID
	copy(id[:], w.cols[iBlocks].m.Bytes()[headerSize+int64(h)*blockRec:])
	return id
}

func (w *writer) txRec(t uint64) []byte {
	return w.cols[iTxs].m.Bytes()[headerSize+t*txRec : headerSize+(t+1)*txRec]
}

func (w *writer) q(op, source string, err error) {
	w.man.Quarantined++
	item := QuarantineItem{Source: source, Offset: -1, Reason: err.Error()}
	if len(w.man.Quarantine) < maxQuarantine {
		w.man.Quarantine = append(w.man.Quarantine, item)
	}
	if w.quarantine != nil {
		w.quarantine(&coinsift.InputError{Op: op, Source: source, Offset: -1, Err: err})
	}
}

var (
	errUnknownSpend = fmt.Errorf("chainindex: spends an output not in the index: %w", coinsift.ErrInvalid)
	errValue        = fmt.Errorf("chainindex: output value out of range: %w", coinsift.ErrInvalid)
)

// apply appends one parsed block at height h (= current block count);
// wtxids holds its transactions' witness txids (Block.WTxIDs). It applies
// the transactions (txs, txids, wtxids, inputs, seqx, the txid table and
// the spenders of what the inputs spend) and hands the outputs to the
// address stage (addrstage.go) when one runs, else registers them itself;
// tag comes back to release when the stage is done with blk. An error
// marks the writer broken: nothing more is committed, and the WRITING
// marker stays for the next open to repair.
func (w *writer) apply(blk *bitcoin.Block, wtxids []coinsift.TxID, h coinsift.Height, tag any) error {
	if w.broken {
		return errBroken
	}
	if w.c.Blocks == w.man.Counts.Blocks {
		w.batchFrom = h
	}
	if err := w.applyTxBlock(blk, wtxids, h); err != nil {
		w.broken = true
		return err
	}
	if w.as == nil {
		w.ac = addrCounts{w.c.Addresses, w.c.AddrBytes}
		r := w.applyOutputs(&addrJob{blk: blk, h: h, tag: tag})
		return w.handle(r)
	}
	return w.as.send(w, &addrJob{blk: blk, h: h, tag: tag})
}

var errBroken = errors.New("chainindex: an earlier write failed; the import stops at the last commit")

func (w *writer) applyTxBlock(blk *bitcoin.Block, wtxids []coinsift.TxID, h coinsift.Height) error {
	b, err := w.cols[iBlocks].extend(blockRec)
	if err != nil {
		return err
	}
	copy(b[0:32], blk.Hash[:])
	binary.LittleEndian.PutUint32(b[32:], blk.Header.Time)
	binary.LittleEndian.PutUint32(b[36:], blk.Header.Bits)
	binary.LittleEndian.PutUint32(b[40:], uint32(blk.Header.Version))
	binary.LittleEndian.PutUint32(b[44:], 0) // first address: set by handle
	binary.LittleEndian.PutUint64(b[48:], w.c.Txs)
	binary.LittleEndian.PutUint32(b[56:], uint32(len(blk.Raw)))
	binary.LittleEndian.PutUint32(b[60:], 0)
	w.c.Blocks++
	nout := outputCount(blk)
	sp, err := w.spenders.extend(nout * u40Rec)
	if err != nil {
		return err
	}
	clear(sp)
	out0 := w.c.Outputs
	w.c.Outputs += uint64(nout)
	for ti := range blk.Txs {
		tx := &blk.Txs[ti]
		if err := w.applyTx(tx, wtxids[ti], h, out0); err != nil {
			return err
		}
		out0 += uint64(len(tx.Outputs))
	}
	return nil
}

// handle takes the address stage's result for a block: the block
// record's first address, the address counts, the quarantine of
// impossible values, and the release of the block.
func (w *writer) handle(r *addrResult) error {
	if r.err != nil {
		w.broken = true
		return fmt.Errorf("block %d outputs: %w", r.h, r.err)
	}
	binary.LittleEndian.PutUint32(w.cols[iBlocks].m.Bytes()[headerSize+int64(r.h)*blockRec+44:], uint32(r.first))
	w.c.Addresses, w.c.AddrBytes = r.addresses, r.addrBytes
	for _, ti := range r.bad {
		w.q("read output", fmt.Sprintf("block %d tx %s", r.h, r.blk.Txs[ti].TxID), errValue)
	}
	if w.release != nil {
		w.release(r.tag)
	}
	return nil
}

func (w *writer) applyTx(tx *bitcoin.Tx, wtxid coinsift.TxID, h coinsift.Height, out0 uint64) error {
	t := w.c.Txs
	r, err := w.cols[iTxs].extend(txRec)
	if err != nil {
		return err
	}
	put40(r[0:], w.c.Inputs)
	put40(r[5:], out0)
	binary.LittleEndian.PutUint32(r[10:], uint32(tx.Version))
	binary.LittleEndian.PutUint32(r[14:], tx.LockTime)
	binary.LittleEndian.PutUint32(r[18:], uint32(tx.Size()))
	binary.LittleEndian.PutUint32(r[22:], uint32(tx.VSize()))
	coinbase := tx.IsCoinbase()
	var flags byte
	if coinbase {
		flags |= 1
	}
	if tx.HasWitness() {
		flags |= 2
	}
	r[26], r[27] = flags, 0
	id, err := w.cols[iTxids].extend(txidRec)
	if err != nil {
		return err
	}
	copy(id, tx.TxID[:])
	if tx.HasWitness() {
		wb, err := w.cols[iWtxids].extend(wtxidRec)
		if err != nil {
			return err
		}
		binary.LittleEndian.PutUint64(wb, t)
		copy(wb[8:], wtxid[:])
		w.c.Wtxids++
	}
	sp := w.spenders.data()
	for ii := range tx.Inputs {
		in := &tx.Inputs[ii]
		spent := uint64(spentCoin)
		if !coinbase {
			spent = w.resolve(in.PrevOut)
			if spent == spentUnknown {
				w.q("resolve input", fmt.Sprintf("block %d tx %s input %d", h, tx.TxID, ii),
					fmt.Errorf("spends %s: %w", in.PrevOut, errUnknownSpend))
			} else {
				put40(sp[spent*u40Rec:], w.c.Inputs+1)
			}
		}
		v := spent
		if in.HasWitness() {
			v |= witnessBit
		}
		switch in.Sequence {
		case 0xffffffff:
		case 0xfffffffe:
			v |= 1 << seqShift
		case 0xfffffffd:
			v |= 2 << seqShift
		default:
			v |= 3 << seqShift
			sb, err := w.cols[iSeqx].extend(seqxRec)
			if err != nil {
				return err
			}
			binary.LittleEndian.PutUint64(sb, w.c.Inputs)
			binary.LittleEndian.PutUint32(sb[8:], in.Sequence)
			w.c.Seqx++
		}
		ib, err := w.cols[iInputs].extend(inputRec)
		if err != nil {
			return err
		}
		put40(ib, v)
		w.c.Inputs++
	}
	// Register the txid after its own inputs, before the next transaction.
	if w.txh.full() {
		if err := w.growTab(&w.txh, w.buildTxTab, t, 0); err != nil {
			return err
		}
	}
	w.txh.insert(txidKey(tx.TxID[:]), t, func(o uint64) bool { return coinsift.TxID(w.txidAt(o)) == tx.TxID })
	w.c.Txs++
	return nil
}

// growTab rebuilds a table at twice the size; n ids are registered so far.
// The two halves of a block may grow their tables at the same time, so
// the tables' total size is kept in an atomic (the budget is soft: both
// may pass the check at once), and w.man is only read.
func (w *writer) growTab(tab **hashtab, build func(uint64, bool) (*hashtab, error), n, room uint64) error {
	old, size := (*tab).size(), tabSize(max(n, room))
	mem := w.man.TableCover != nil && w.inMemory(w.tabBytes.Load()-old+size)
	(*tab).close()
	*tab = nil
	nt, err := build(n, mem)
	if err != nil {
		return err
	}
	*tab = nt
	w.tabBytes.Add(nt.size() - old)
	return nil
}

// reserve sizes the tables for about txs transactions and addresses in all
// (an estimate from the source's size, see Import), so that they need not
// grow one doubling at a time: every growth re-inserts every entry, at
// mainnet scale a billion of them on the critical path.
func (w *writer) reserve(txs, addresses uint64) error {
	w.txRoom, w.addrRoom = txs, addresses
	if tabSlots(txs) > w.txh.slots {
		if err := w.growTab(&w.txh, w.buildTxTab, w.c.Txs, txs); err != nil {
			return err
		}
	}
	if tabSlots(addresses) > w.addrh.slots {
		return w.growTab(&w.addrh, w.buildAddrTab, w.c.Addresses, addresses)
	}
	return nil
}

// resolve returns the global output number spent by op, or spentUnknown.
func (w *writer) resolve(op coinsift.OutPoint) uint64 {
	t, ok := w.txh.find(txidKey(op.TxID[:]), func(o uint64) bool { return coinsift.TxID(w.txidAt(o)) == op.TxID })
	if !ok {
		return spentUnknown
	}
	first := get40(w.txRec(t)[5:])
	// t < w.c.Txs, and the current transaction's record is already written,
	// so record t+1 exists.
	end := get40(w.txRec(t + 1)[5:])
	if uint64(op.Vout) >= end-first {
		return spentUnknown
	}
	return first + uint64(op.Vout)
}

// address returns the id of payload p, registering it if new.
// It runs on the address stage, with the stage's counts (w.ac).
func (w *writer) address(p bitcoin.Payload) (uint64, error) {
	kind, ver := byte(p.Kind), p.Version
	key := addrKey(kind, ver, p.Data)
	eq := func(a uint64) bool {
		k, v, d := w.addrAt(a)
		return k == kind && v == ver && bytes.Equal(d, p.Data)
	}
	if a, ok := w.addrh.find(key, eq); ok {
		return a + 1, nil
	}
	a := w.ac.addresses
	off := w.ac.addrBytes
	rb, err := w.cols[iAddrs].extend(3 + len(p.Data))
	if err != nil {
		return 0, err
	}
	rb[0], rb[1], rb[2] = kind, ver, byte(len(p.Data))
	copy(rb[3:], p.Data)
	ob, err := w.cols[iAddroff].extend(u40Rec)
	if err != nil {
		return 0, err
	}
	put40(ob, off)
	w.ac.addrBytes += uint64(3 + len(p.Data))
	w.ac.addresses++
	if w.addrh.full() {
		if err := w.growTab(&w.addrh, w.buildAddrTab, w.ac.addresses, 0); err != nil {
			return 0, err
		}
	} else {
		w.addrh.insert(key, a, nil)
	}
	return a + 1, nil
}

// commit makes everything appended so far durable and visible, once the
// address stage has caught up.
func (w *writer) commit() error { return w.commitBatch(false) }

// commitBatch commits; when async is set it returns once the checksums
// are computed and leaves the fsyncs and the manifest to a goroutine, so
// that applying the next batch overlaps the disk's work. Until that
// goroutine ends the batch is not durable: a crash leaves the commit
// before it. Anything that writes the manifest or needs the batch durable
// waits for it first (wait).
func (w *writer) commitBatch(async bool) error {
	if err := w.as.drain(w); err != nil {
		return err
	}
	if w.broken {
		return errBroken
	}
	if err := w.wait(); err != nil {
		return err
	}
	if w.c == w.man.Counts {
		return nil
	}
	// Checksums are computed here, side by side (a later extend may remap
	// a column); the files are synced side by side too.
	seg := segment{First: w.batchFrom, Last: w.tip(), Cols: make([]colRange, len(appendCols))}
	var wg sync.WaitGroup
	for i, ac := range appendCols {
		wg.Go(func() {
			from, to := w.man.Counts.bytesOf(i), w.c.bytesOf(i)
			seg.Cols[i] = colRange{Name: ac.name, Start: from, End: to, CRC: w.cols[i].crc(from, to)}
		})
	}
	wg.Wait()
	// Tables in files are synced now: a growth may close their files.
	for _, t := range []*hashtab{w.txh, w.addrh} {
		if !t.mem {
			if err := t.sync(); err != nil {
				return err
			}
		}
	}
	w.man.Counts = w.c
	w.man.TipHash = w.blockHash(w.tip()).String()
	w.man.Segments = append(w.man.Segments, seg)
	b, err := encodeManifest(w.man)
	if err != nil {
		return err
	}
	files := make([]*os.File, 0, len(appendCols)+1)
	for _, c := range w.cols {
		files = append(files, c.f)
	}
	files = append(files, w.spenders.f)
	tip := w.tip()
	finish := func() error {
		errs := make([]error, len(files))
		var wg sync.WaitGroup
		for i, f := range files {
			wg.Go(func() {
				if err := f.Sync(); err != nil {
					errs[i] = fmt.Errorf("sync %s: %w", f.Name(), err)
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		if err := writeManifestBytes(w.dir, b); err != nil {
			return fmt.Errorf("commit height %d: %w", tip, err)
		}
		return nil
	}
	if !async {
		if err := finish(); err != nil {
			w.broken = true
			return err
		}
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- finish() }()
	w.pending = done
	return nil
}

// wait waits for a commit left to a goroutine; its error breaks the
// writer.
func (w *writer) wait() error {
	if w.pending == nil {
		return nil
	}
	err := <-w.pending
	w.pending = nil
	if err != nil {
		w.broken = true
	}
	return err
}

// saveManifest writes the manifest after any pending commit.
func (w *writer) saveManifest() error {
	if err := w.wait(); err != nil {
		return err
	}
	return writeManifest(w.dir, w.man)
}

// close commits nothing; when the state on disk is committed it writes
// the tables kept in memory and removes the WRITING marker. Then it
// releases the maps.
func (w *writer) close() error {
	var errs []error
	if err := w.wait(); err != nil {
		errs = append(errs, err)
	}
	clean := w.man != nil && w.c == w.man.Counts && !w.broken
	if clean {
		if err := w.flushTables(); err != nil {
			errs = append(errs, err)
			clean = false
		}
	}
	for _, c := range w.cols {
		if c != nil {
			errs = append(errs, c.close())
		}
	}
	if w.spenders != nil {
		errs = append(errs, w.spenders.close())
	}
	errs = append(errs, w.txh.close(), w.addrh.close())
	err := errors.Join(errs...)
	if err == nil && clean {
		err = os.Remove(filepath.Join(w.dir, writingName))
	}
	return err
}

// flushTables writes the tables kept in memory to their files and then
// the manifest without a table cover.
func (w *writer) flushTables() error {
	if err := w.flushTableFiles(); err != nil {
		return fmt.Errorf("write hash tables: %w", err)
	}
	if w.man.TableCover == nil {
		return nil
	}
	w.man.TableCover = nil
	return w.saveManifest()
}

// flushTableFiles writes the tables kept in memory to their files.
func (w *writer) flushTableFiles() error { return errors.Join(w.txh.flush(), w.addrh.flush()) }

func outputCount(blk *bitcoin.Block) int {
	n := 0
	for ti := range blk.Txs {
		n += len(blk.Txs[ti].Outputs)
	}
	return n
}
