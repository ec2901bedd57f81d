package blockfile

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/internal/mmap"
)

// Errors callers can branch on.
var (
	ErrNoBlocks    = fmt.Errorf("blockfile: no blocks found: %w", coinsift.ErrInvalid)
	ErrBadMagic    = fmt.Errorf("blockfile: bad magic: %w", coinsift.ErrInvalid)
	ErrBadSize     = fmt.Errorf("blockfile: impossible record size: %w", coinsift.ErrInvalid)
	ErrTruncated   = fmt.Errorf("blockfile: truncated record: %w", coinsift.ErrInvalid)
	ErrProofOfWork = fmt.Errorf("blockfile: header fails proof of work: %w", coinsift.ErrInvalid)
	ErrHeight      = fmt.Errorf("blockfile: height not in main chain: %w", coinsift.ErrNotFound)
)

// Options configure Open.
type Options struct {
	// Network forces the network; nil detects it from the first magic.
	Network *bitcoin.Params
	// SkipPoW disables the proof-of-work check of headers (for synthetic
	// chains whose nonces were never ground).
	SkipPoW bool
	// Quarantine receives every record set aside, as a *coinsift.InputError
	// naming the file and offset. Nil discards them (they are still counted).
	Quarantine func(*coinsift.InputError)
	// Progress receives the bytes scanned in pass 1; nil reports nothing.
	Progress coinsift.Progress
	// Logger receives debug logs; nil is silent.
	Logger *slog.Logger
}

// Stats counts what the scan found.
type Stats struct {
	Files       int   `json:"files"`
	Bytes       int64 `json:"bytes"`
	Records     int   `json:"records"`
	MainChain   int   `json:"main_chain"`
	Stale       int   `json:"stale"`
	Orphans     int   `json:"orphans"`
	Duplicates  int   `json:"duplicates"`
	Quarantined int   `json:"quarantined"`
}

// BlockRef locates one block record.
type BlockRef struct {
	Hash   coinsift.TxID
	Prev   coinsift.TxID
	File   string
	Offset int64 // offset of the block (after the 8-byte record header)
	Size   int
	Height coinsift.Height // for stale blocks, the height they would have had; -1 for orphans
}

type entry struct {
	hash, prev coinsift.TxID
	bits       uint32
	file       int32
	off        int64
	size       uint32
	parent     int32
	height     int32
	work       u128
}

type file struct {
	name string
	m    *mmap.Map
}

// Dir is a scanned blocks directory.
type Dir struct {
	dir     string
	files   []file
	key     [8]byte
	xored   bool
	net     *bitcoin.Params
	entries []entry
	main    []int32 // entry index by height
	stats   Stats
	stale   []int32
	orphans []int32
}

// Open scans the blocks directory dir and selects the main chain.
func Open(ctx context.Context, dir string, opts Options) (*Dir, error) {
	names, err := listFiles(dir)
	if err != nil {
		return nil, err
	}
	d := &Dir{dir: dir, net: opts.Network}
	if err := d.readKey(); err != nil {
		return nil, err
	}
	var total int64
	for _, n := range names {
		m, err := mmap.Open(n)
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("open %s: %w", n, err)
		}
		d.files = append(d.files, file{name: n, m: m})
		total += int64(m.Len())
	}
	d.stats.Files = len(d.files)
	d.stats.Bytes = total
	prog := opts.Progress
	if prog == nil {
		prog = coinsift.NopProgress{}
	}
	prog.SetTotal(total)
	s := scanner{d: d, opts: &opts, prog: prog, byHash: make(map[coinsift.TxID]int32), targets: map[uint32]target{}}
	for i := range d.files {
		if err := ctx.Err(); err != nil {
			d.Close()
			return nil, fmt.Errorf("scan %s: %w", d.files[i].name, errors.Join(coinsift.ErrCanceled, err))
		}
		s.scanFile(int32(i))
	}
	prog.Done()
	if len(d.entries) == 0 {
		d.Close()
		return nil, fmt.Errorf("scan %s: %w", dir, ErrNoBlocks)
	}
	d.selectChain(s.byHash)
	if opts.Logger != nil {
		opts.Logger.Debug("blocks dir scanned", slog.String(coinsift.LogKeySource, dir), slog.Int("records", d.stats.Records),
			slog.Int("main", d.stats.MainChain), slog.Int("stale", d.stats.Stale), slog.Int("orphans", d.stats.Orphans))
	}
	return d, nil
}

func listFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read blocks dir: %w", err)
	}
	type nf struct {
		n    int
		path string
	}
	var fs []nf
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, "blk") || !strings.HasSuffix(name, ".dat") {
			continue
		}
		n, err := strconv.Atoi(name[3 : len(name)-4])
		if err != nil {
			continue
		}
		fs = append(fs, nf{n, filepath.Join(dir, name)})
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].n < fs[j].n })
	if len(fs) == 0 {
		return nil, fmt.Errorf("read blocks dir %s: no blk?????.dat files: %w", dir, ErrNoBlocks)
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.path
	}
	return out, nil
}

func (d *Dir) readKey() error {
	b, err := os.ReadFile(filepath.Join(d.dir, "xor.dat"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read xor key: %w", err)
	}
	if len(b) != 8 {
		return fmt.Errorf("read xor key %s: %d bytes, want 8: %w", filepath.Join(d.dir, "xor.dat"), len(b), coinsift.ErrInvalid)
	}
	copy(d.key[:], b)
	d.xored = d.key != [8]byte{}
	return nil
}

// read copies n bytes at off of file f into dst, de-obfuscated.
func (d *Dir) read(dst []byte, f int32, off int64) {
	src := d.files[f].m.Bytes()[off : off+int64(len(dst))]
	copy(dst, src)
	if d.xored {
		for i := range dst {
			dst[i] ^= d.key[(off+int64(i))%8]
		}
	}
}

// Close unmaps the files.
func (d *Dir) Close() error {
	var errs []error
	for _, f := range d.files {
		if f.m != nil {
			errs = append(errs, f.m.Close())
		}
	}
	d.files = nil
	return errors.Join(errs...)
}

// Network returns the network the blocks belong to.
func (d *Dir) Network() *bitcoin.Params { return d.net }

// Stats returns what the scan found.
func (d *Dir) Stats() Stats { return d.stats }

// Tip returns the height of the main chain's tip.
func (d *Dir) Tip(context.Context) (coinsift.Height, error) {
	return coinsift.Height(len(d.main) - 1), nil
}

// Hash returns the hash of the main-chain block at height h.
func (d *Dir) Hash(_ context.Context, h coinsift.Height) (coinsift.TxID, error) {
	if h < 0 || int(h) >= len(d.main) {
		return coinsift.TxID{}, fmt.Errorf("hash at height %d: %w", h, ErrHeight)
	}
	return d.entries[d.main[h]].hash, nil
}

// Ref returns the location of the main-chain block at height h.
func (d *Dir) Ref(h coinsift.Height) (BlockRef, error) {
	if h < 0 || int(h) >= len(d.main) {
		return BlockRef{}, fmt.Errorf("block at height %d: %w", h, ErrHeight)
	}
	return d.ref(d.main[h]), nil
}

func (d *Dir) ref(i int32) BlockRef {
	e := &d.entries[i]
	return BlockRef{Hash: e.hash, Prev: e.prev, File: d.files[e.file].name, Offset: e.off, Size: int(e.size), Height: coinsift.Height(e.height)}
}

// Stale returns the stale blocks (valid ancestry, not on the main chain)
// followed by the orphans, in file order.
func (d *Dir) Stale() []BlockRef {
	out := make([]BlockRef, 0, len(d.stale)+len(d.orphans))
	for _, i := range d.stale {
		out = append(out, d.ref(i))
	}
	for _, i := range d.orphans {
		out = append(out, d.ref(i))
	}
	return out
}

// Block returns the raw block at main-chain height h. For plain files it
// is a slice of the memory map, valid until Close; for obfuscated files it
// is de-obfuscated into buf (grown as needed). It is safe for concurrent use.
func (d *Dir) Block(_ context.Context, h coinsift.Height, buf []byte) ([]byte, error) {
	if h < 0 || int(h) >= len(d.main) {
		return nil, fmt.Errorf("block at height %d: %w", h, ErrHeight)
	}
	e := &d.entries[d.main[h]]
	if !d.xored {
		return d.files[e.file].m.Bytes()[e.off : e.off+int64(e.size) : e.off+int64(e.size)], nil
	}
	if cap(buf) < int(e.size) {
		buf = make([]byte, e.size)
	}
	buf = buf[:e.size]
	d.read(buf, e.file, e.off)
	return buf, nil
}

// BlockSize returns the size of the block at main-chain height h, or 0.
func (d *Dir) BlockSize(h coinsift.Height) int {
	if h < 0 || int(h) >= len(d.main) {
		return 0
	}
	return int(d.entries[d.main[h]].size)
}

// Source describes the directory for provenance.
func (d *Dir) Source() string { return "blocks:" + d.dir }

type target struct {
	be   [32]byte // big-endian target
	work u128
	ok   bool
}

type scanner struct {
	d       *Dir
	opts    *Options
	prog    coinsift.Progress
	byHash  map[coinsift.TxID]int32
	targets map[uint32]target
}

func (s *scanner) quarantine(f int32, off int64, op string, err error) {
	s.d.stats.Quarantined++
	if s.opts.Quarantine != nil {
		s.opts.Quarantine(&coinsift.InputError{Op: op, Source: s.d.files[f].name, Offset: off, Err: err})
	}
}

func (s *scanner) scanFile(f int32) {
	d := s.d
	size := int64(d.files[f].m.Len())
	var hdr [8 + bitcoin.HeaderSize]byte
	pos := int64(0)
	defer func() { s.prog.Add(size) }()
	for pos < size {
		if size-pos < 8 {
			if !d.zeroFrom(f, pos) {
				s.quarantine(f, pos, "read record", ErrTruncated)
			}
			return
		}
		d.read(hdr[:8], f, pos)
		var magic [4]byte
		copy(magic[:], hdr[:4])
		if magic == [4]byte{} && d.zeroFrom(f, pos) {
			return // pre-allocated zero tail
		}
		if d.net == nil {
			d.net = bitcoin.ParamsByMagic(magic)
		}
		if d.net == nil || magic != d.net.Magic {
			s.quarantine(f, pos, "read record", ErrBadMagic)
			next := d.findMagic(f, pos+1)
			if next < 0 {
				return
			}
			pos = next
			continue
		}
		n := int64(binary.LittleEndian.Uint32(hdr[4:8]))
		if n < bitcoin.HeaderSize+1 || n > bitcoin.MaxBlockSize {
			s.quarantine(f, pos, "read record", fmt.Errorf("size %d: %w", n, ErrBadSize))
			next := d.findMagic(f, pos+1)
			if next < 0 {
				return
			}
			pos = next
			continue
		}
		if pos+8+n > size {
			s.quarantine(f, pos, "read record", fmt.Errorf("size %d, %d bytes left: %w", n, size-pos-8, ErrTruncated))
			next := d.findMagic(f, pos+1)
			if next < 0 {
				return
			}
			pos = next
			continue
		}
		d.read(hdr[8:], f, pos+8)
		s.add(f, pos+8, uint32(n), hdr[8:])
		pos += 8 + n
	}
}

// zeroFrom reports whether file f holds only zero bytes from off on.
func (d *Dir) zeroFrom(f int32, off int64) bool {
	b := d.files[f].m.Bytes()[off:]
	for i, c := range b {
		if c^d.keyAt(off+int64(i)) != 0 {
			return false
		}
	}
	return true
}

func (d *Dir) keyAt(p int64) byte {
	if !d.xored {
		return 0
	}
	return d.key[p%8]
}

// findMagic returns the offset of the next record magic at or after off, or -1.
func (d *Dir) findMagic(f int32, off int64) int64 {
	b := d.files[f].m.Bytes()
	for p := off; p+4 <= int64(len(b)); p++ {
		var m [4]byte
		for i := int64(0); i < 4; i++ {
			m[i] = b[p+i] ^ d.keyAt(p+i)
		}
		if d.net != nil && m == d.net.Magic || d.net == nil && bitcoin.ParamsByMagic(m) != nil {
			return p
		}
	}
	return -1
}

func (s *scanner) add(f int32, off int64, size uint32, hdr []byte) {
	d := s.d
	d.stats.Records++
	h, _ := bitcoin.ParseHeader(hdr)
	hash := bitcoin.HeaderHash(hdr)
	t, ok := s.targets[h.Bits]
	if !ok {
		t = targetOf(h.Bits)
		s.targets[h.Bits] = t
	}
	if !t.ok {
		s.quarantine(f, off-8, "read header", fmt.Errorf("bits %#08x: %w", h.Bits, ErrProofOfWork))
		return
	}
	if !s.opts.SkipPoW && !hashMeets(hash, t.be) {
		s.quarantine(f, off-8, "read header", fmt.Errorf("block %s: %w", hash, ErrProofOfWork))
		return
	}
	if _, dup := s.byHash[hash]; dup {
		d.stats.Duplicates++
		return
	}
	s.byHash[hash] = int32(len(d.entries))
	d.entries = append(d.entries, entry{hash: hash, prev: h.PrevBlock, bits: h.Bits, file: f, off: off, size: size, parent: -2, height: -1, work: t.work})
}

func hashMeets(hash coinsift.TxID, be [32]byte) bool {
	for i := 0; i < 32; i++ {
		a, b := hash[31-i], be[i]
		if a != b {
			return a < b
		}
	}
	return true
}

// targetOf expands compact bits into a target and its work, as Bitcoin
// Core's arith_uint256::SetCompact and GetBlockProof do.
func targetOf(bits uint32) target {
	exp := bits >> 24
	mant := bits & 0x007fffff
	if mant != 0 && bits&0x00800000 != 0 { // negative
		return target{}
	}
	t := new(big.Int).SetUint64(uint64(mant))
	if exp <= 3 {
		t.Rsh(t, uint(8*(3-exp)))
	} else {
		t.Lsh(t, uint(8*(exp-3)))
	}
	if t.Sign() == 0 || t.BitLen() > 256 {
		return target{}
	}
	var out target
	t.FillBytes(out.be[:])
	// work = 2^256 / (target + 1)
	w := new(big.Int).Lsh(big.NewInt(1), 256)
	w.Div(w, new(big.Int).Add(t, big.NewInt(1)))
	out.work = u128FromBig(w)
	out.ok = true
	return out
}

// selectChain links entries to parents, accumulates work and picks the
// most-work tip.
func (d *Dir) selectChain(byHash map[coinsift.TxID]int32) {
	const connected, orphan = 1, 2
	state := make([]uint8, len(d.entries))
	var stack []int32
	for i := range d.entries {
		// Walk up until an entry with a known state, then unwind.
		stack = stack[:0]
		j := int32(i)
		for state[j] == 0 {
			stack = append(stack, j)
			e := &d.entries[j]
			if e.prev == (coinsift.TxID{}) {
				e.parent = -1
				break
			}
			p, ok := byHash[e.prev]
			if !ok {
				e.parent = -1
				state[j] = orphan
				break
			}
			e.parent = p
			j = p
			if len(stack) > len(d.entries) { // cycle: impossible for real hashes
				break
			}
		}
		for k := len(stack) - 1; k >= 0; k-- {
			j := stack[k]
			e := &d.entries[j]
			if state[j] == orphan {
				continue
			}
			if e.parent < 0 {
				state[j] = connected // genesis
				e.height = 0
				continue
			}
			p := &d.entries[e.parent]
			if state[e.parent] != connected {
				state[j] = orphan
				continue
			}
			state[j] = connected
			e.height = p.height + 1
			e.work = e.work.add(p.work)
		}
	}
	best := int32(-1)
	for i := range d.entries {
		if state[i] != connected {
			continue
		}
		if best < 0 || d.entries[best].work.less(d.entries[i].work) {
			best = int32(i)
		}
	}
	onMain := make([]bool, len(d.entries))
	if best >= 0 {
		d.main = make([]int32, d.entries[best].height+1)
		for j := best; j >= 0; j = d.entries[j].parent {
			d.main[d.entries[j].height] = j
			onMain[j] = true
		}
	}
	for i := range d.entries {
		switch {
		case onMain[i]:
		case state[i] == connected:
			d.stale = append(d.stale, int32(i))
		default:
			d.entries[i].height = -1
			d.orphans = append(d.orphans, int32(i))
		}
	}
	d.stats.MainChain = len(d.main)
	d.stats.Stale = len(d.stale)
	d.stats.Orphans = len(d.orphans)
}
