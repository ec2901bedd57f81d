package chainindex

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/internal/mmap"
)

// Source is a chain to import: a blocks directory (blockfile.Dir) or a node
// over JSON-RPC (rpc.Client). Block must be safe for concurrent use.
type Source interface {
	Network() *bitcoin.Params
	// Tip returns the height of the source's best block.
	Tip(ctx context.Context) (coinsift.Height, error)
	// Hash returns the hash of the best-chain block at height h.
	Hash(ctx context.Context, h coinsift.Height) (coinsift.TxID, error)
	// Block returns the serialized block at height h, possibly in buf.
	Block(ctx context.Context, h coinsift.Height, buf []byte) ([]byte, error)
	// Source names the source for the manifest, e.g. "blocks:/path".
	Source() string
}

// Sizer is implemented by sources that know block sizes in advance, for
// progress totals.
type Sizer interface {
	BlockSize(h coinsift.Height) int
}

// Options configure Import.
type Options struct {
	// Confirmations keeps the index this many blocks behind the source's tip.
	Confirmations int
	// CommitBlocks and CommitBytes bound a batch between commits
	// (defaults 2,000 blocks and 1 GiB of raw blocks). Every commit
	// fsyncs the columns (and the hash tables when they are kept in their
	// files), so fewer commits write less. A crash loses at most one or
	// two batches (a batch's fsyncs overlap the next one); a cancelled
	// context commits what was applied.
	CommitBlocks int
	CommitBytes  int64
	// TableMemory bounds the RAM the two hash tables may take while they
	// are kept in anonymous memory during the import (default 40 % of the
	// machine's RAM; negative keeps them in their mapped files, synced at
	// every commit, as larger tables must be).
	TableMemory int64
	// Workers parse blocks in parallel (default GOMAXPROCS).
	Workers int
	// StopAt stops the import after this height (0 = source tip).
	StopAt coinsift.Height
	// Quarantine receives every item set aside (unparseable main-chain
	// block, input spending an unknown output, impossible value).
	Quarantine func(*coinsift.InputError)
	// Progress builds progress reports for the "bytes" and "blocks" units.
	Progress coinsift.ProgressFunc
	// Stale is the number of stale blocks the source set aside, recorded
	// in the manifest.
	Stale  int
	Logger *slog.Logger
}

// EnsureDefaults fills in zero fields.
func (o *Options) EnsureDefaults() {
	if o.CommitBlocks <= 0 {
		o.CommitBlocks = 2000
	}
	if o.CommitBytes <= 0 {
		o.CommitBytes = 1 << 30
	}
	if o.TableMemory == 0 {
		o.TableMemory = int64(mmap.PhysicalMemory() / 5 * 2)
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Progress == nil {
		o.Progress = coinsift.NopProgressFunc
	}
}

// Result summarises an import.
type Result struct {
	From, To    coinsift.Height // heights appended (From > To when none)
	RolledBack  int             // blocks removed by a reorg
	Blocks      int
	Txs         int64
	Bytes       int64
	Quarantined int64
	Elapsed     time.Duration
}

// bytesPerTx and bytesPerAddress are the block bytes per transaction and
// per new address assumed when sizing the hash tables before an import.
// Mainnet averages ~460 bytes per transaction and ~400 per new address
// (its early years, of one-output coinbases, ~250), the synthetic chain
// of the benchmarks 460 and 304. Both err low for mainnet, so a table is
// not made larger than growing would have made it; too low an estimate
// costs one rebuild of the table (every entry re-inserted) mid-import.
const (
	bytesPerTx      = 512
	bytesPerAddress = 320
)

// ErrBrokenChain reports a main-chain block that cannot be read or fails its
// merkle root: the index stops at the block before it.
var ErrBrokenChain = fmt.Errorf("chainindex: main chain block unreadable: %w", coinsift.ErrCorrupt)

// ErrSourceChanged reports that the source's best chain changed while
// blocks were being read (a node reorganised during the import): the blocks
// before the change are committed, and running Import again continues
// from there, rolling back what the new chain replaced.
var ErrSourceChanged = errors.New("chainindex: source chain changed during import")

type job struct {
	h    coinsift.Height
	buf  []byte
	raw  []byte
	blk  bitcoin.Block
	wtx  []coinsift.TxID // witness txids, computed by the parse workers
	err  error
	done chan struct{}
}

// Import brings the index in dir up to date with src: it finds the last
// block both agree on, rolls back anything above it, and appends the
// source's blocks from there, committing every batch. Cancelling ctx
// commits the complete blocks and returns an error of kind
// coinsift.ErrCanceled; the next Import continues from there.
func Import(ctx context.Context, dir string, src Source, opts Options) (res Result, err error) {
	opts.EnsureDefaults()
	start := time.Now()
	w, err := openWriter(dir, src.Network(), opts.Quarantine, opts.Logger, opts.TableMemory)
	if err != nil {
		return res, err
	}
	defer func() {
		res.Elapsed = time.Since(start)
		err = errors.Join(err, w.close())
	}()
	q0 := w.man.Quarantined
	defer func() { res.Quarantined = w.man.Quarantined - q0 }()
	tip, err := src.Tip(ctx)
	if err != nil {
		return res, fmt.Errorf("source tip: %w", err)
	}
	tip -= coinsift.Height(opts.Confirmations)
	if opts.StopAt > 0 && opts.StopAt < tip {
		tip = opts.StopAt
	}
	// Find the fork point.
	h := w.tip()
	if h > tip {
		h = tip
	}
	for h >= 0 {
		sh, err := src.Hash(ctx, h)
		if err != nil {
			return res, fmt.Errorf("source hash at %d: %w", h, err)
		}
		if sh == w.blockHash(h) {
			break
		}
		h--
	}
	if h < w.tip() {
		res.RolledBack = int(w.tip() - h)
		if opts.Logger != nil {
			opts.Logger.Info("rolling back", slog.Int(coinsift.LogKeyHeight, int(h)), slog.Int("blocks", res.RolledBack))
		}
		if err := w.rollback(h); err != nil {
			return res, err
		}
	}
	if s := src.Source(); !contains(w.man.Sources, s) {
		w.man.Sources = append(w.man.Sources, s)
	}
	if opts.Stale > w.man.Stale {
		w.man.Stale = opts.Stale
	}
	res.From, res.To = h+1, h
	if b, ok := sourceBytes(src, h+1, tip); ok && b > 0 {
		if err := w.reserve(w.c.Txs+uint64(b/bytesPerTx), w.c.Addresses+uint64(b/bytesPerAddress)); err != nil {
			return res, fmt.Errorf("size hash tables: %w", err)
		}
	}
	if err := w.appendRange(ctx, src, h+1, tip, &opts, &res); err != nil {
		return res, errors.Join(err, w.commit())
	}
	if err := w.commit(); err != nil {
		return res, err
	}
	if tail := w.c.Outputs - w.man.PostingsOutputs; tail > 0 && (tail >= 1<<20 || tail*8 >= w.man.PostingsOutputs) {
		// The tables kept in memory are written meanwhile (close would
		// write them after).
		flushed := make(chan error, 1)
		go func() { flushed <- w.flushTableFiles() }()
		err := w.buildPostings()
		if ferr := <-flushed; ferr != nil {
			w.broken = true // close must not remove WRITING
			return res, fmt.Errorf("write hash tables: %w", ferr)
		}
		if err != nil {
			return res, fmt.Errorf("build postings: %w", err)
		}
	} else if err := w.saveManifest(); err != nil {
		return res, err
	}
	return res, nil
}

// sourceBytes returns the size of blocks from..to when src knows it.
func sourceBytes(src Source, from, to coinsift.Height) (int64, bool) {
	sz, ok := src.(Sizer)
	if !ok {
		return 0, false
	}
	var total int64
	for h := from; h <= to; h++ {
		total += int64(sz.BlockSize(h))
	}
	return total, true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// appendRange fetches and parses blocks from..to with opts.Workers
// goroutines and applies them in order.
func (w *writer) appendRange(ctx context.Context, src Source, from, to coinsift.Height, opts *Options, res *Result) error {
	if from > to {
		return nil
	}
	pBytes := opts.Progress("import blocks", "bytes")
	pBlocks := opts.Progress("import blocks", "blocks")
	defer pBytes.Done()
	defer pBlocks.Done()
	pBlocks.SetTotal(int64(to - from + 1))
	if total, ok := sourceBytes(src, from, to); ok {
		pBytes.SetTotal(total)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	depth := opts.Workers * 4
	order := make(chan *job, depth)
	work := make(chan *job, depth)
	// Jobs: the parse queue, the workers' and the address stage's.
	free := make(chan *job, depth+opts.Workers+2+addrStageDepth+1)
	for i := 0; i < cap(free); i++ {
		free <- &job{}
	}
	var wg sync.WaitGroup
	for i := 0; i < opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.raw, j.err = src.Block(wctx, j.h, j.buf)
				if j.err == nil {
					if cap(j.raw) > cap(j.buf) { // keep a grown buffer for reuse
						j.buf = j.raw[:0]
					}
					if j.err = j.blk.Parse(j.raw); j.err == nil {
						j.err = j.blk.CheckMerkle()
					}
					if j.err == nil {
						j.wtx = j.blk.WTxIDs(j.wtx)
					}
				}
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(work)
		for h := from; h <= to; h++ {
			var j *job
			select {
			case j = <-free:
			case <-wctx.Done():
				return
			}
			j.h, j.err, j.done = h, nil, make(chan struct{})
			order <- j
			work <- j
		}
	}()
	defer func() {
		cancel()
		for j := range order { // drain so the producer and workers exit
			<-j.done
		}
		wg.Wait()
	}()
	w.release = func(tag any) { free <- tag.(*job) }
	w.startAddrStage()
	defer func() {
		if err := w.stopAddrStage(); err != nil && w.log != nil {
			w.log.Warn("address stage", slog.String("error", err.Error()))
		}
		w.release = nil
	}()
	var batchBlocks int
	var batchBytes int64
	for j := range order {
		<-j.done
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("import at height %d: %w", j.h, errors.Join(coinsift.ErrCanceled, err))
		}
		if j.err != nil {
			hash, _ := src.Hash(ctx, j.h)
			w.q("read block", fmt.Sprintf("block %d %s", j.h, hash), j.err)
			return fmt.Errorf("block %d %s: %v: %w", j.h, hash, j.err, ErrBrokenChain)
		}
		if j.h > 0 && j.blk.Header.PrevBlock != w.blockHash(j.h-1) {
			return fmt.Errorf("block %d %s: previous block %s, index has %s: %w", j.h, j.blk.Hash, j.blk.Header.PrevBlock, w.blockHash(j.h-1), ErrSourceChanged)
		}
		if err := w.apply(&j.blk, j.wtx, j.h, j); err != nil {
			return fmt.Errorf("apply block %d: %w", j.h, err)
		}
		n := int64(len(j.raw))
		res.To = j.h
		res.Blocks++
		res.Txs += int64(len(j.blk.Txs))
		res.Bytes += n
		pBytes.Add(n)
		pBlocks.Add(1)
		batchBlocks++
		batchBytes += n
		if batchBlocks >= opts.CommitBlocks || batchBytes >= opts.CommitBytes {
			if err := w.commitBatch(true); err != nil {
				return err
			}
			batchBlocks, batchBytes = 0, 0
		}
	}
	return ctx.Err()
}
