package chainindex

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/mmap"
)

const tabHeader = headerSize + 16 // file header, slots u64, entries u64

// hashtab is an open-addressing table of u40 slots, probed linearly from
// key mod slots. A slot holds id+1 in its low idBits bits (0 = empty) and
// a fingerprint of the key (its top bits) above them, so that most probes
// of other keys are rejected without reading the candidate's txid or
// payload. Keys are derived from random hashes, so no further mixing is
// needed.
//
// A writer keeps a table either in its file, mapped and synced at every
// commit, or (mem) in anonymous memory that is written to the file only
// when the writer closes with everything committed. Random inserts dirty
// nearly every page of a table between two commits, so syncing a mapped
// table rewrites all of it each time, and the kernel's write-back of the
// mapped pages takes page faults and TLB shootdowns from the writer;
// anonymous memory (with huge pages) has neither. A crash leaves the old
// file, and the WRITING marker makes the next writer rebuild the table.
type hashtab struct {
	path    string
	id      uint16
	idBits  uint
	f       *os.File // the mapped file of a writer's table; nil otherwise
	m       *mmap.Map
	mem     bool // in anonymous memory, written to path by flush
	dirty   bool // mem: changed since read from or written to path
	slots   uint64
	entries uint64
	limit   uint64 // ids ≥ limit are ignored (uncommitted)
}

func (h *hashtab) slot(i uint64) []byte {
	o := tabHeader + i*u40Rec
	return h.m.Bytes()[o : o+u40Rec]
}

// Slot layouts: id bits per table (the rest of the 40 bits is the
// fingerprint). Address ids are u32, transaction numbers need more.
const (
	txTabIDBits   = 36 // 2^36 transactions, 4-bit fingerprint
	addrTabIDBits = 33 // 2^32 addresses, 7-bit fingerprint
)

func idBitsOf(col uint16) uint {
	if col == colAddrHash {
		return addrTabIDBits
	}
	return txTabIDBits
}

// fp returns the fingerprint bits of key, placed above the id bits.
func (h *hashtab) fp(key uint64) uint64 { return key >> (24 + h.idBits) << h.idBits }

func (h *hashtab) idOf(v uint64) uint64 { return v&(1<<h.idBits-1) - 1 }

// find returns the id whose key matches per eq.
func (h *hashtab) find(key uint64, eq func(id uint64) bool) (uint64, bool) {
	if h == nil || h.slots == 0 {
		return 0, false
	}
	mask := h.slots - 1
	fp, fpMask := h.fp(key), ^uint64(0)<<h.idBits
	for i := key & mask; ; i = (i + 1) & mask {
		v := get40(h.slot(i))
		if v == 0 {
			return 0, false
		}
		if v&fpMask == fp {
			if id := h.idOf(v); id < h.limit && eq(id) {
				return id, true
			}
		}
	}
}

// insert adds id, or replaces an entry eq matches.
func (h *hashtab) insert(key, id uint64, eq func(id uint64) bool) {
	mask := h.slots - 1
	fp, fpMask := h.fp(key), ^uint64(0)<<h.idBits
	for i := key & mask; ; i = (i + 1) & mask {
		s := h.slot(i)
		v := get40(s)
		if v == 0 {
			put40(s, fp|(id+1))
			h.entries++
			h.dirty = true
			return
		}
		if eq != nil && v&fpMask == fp && eq(h.idOf(v)) {
			put40(s, fp|(id+1))
			return
		}
	}
}

// remove deletes id (backward-shift deletion keeps probe chains intact).
func (h *hashtab) remove(key, id uint64, keyOf func(id uint64) uint64) {
	mask := h.slots - 1
	i := key & mask
	for {
		v := get40(h.slot(i))
		if v == 0 {
			return
		}
		if h.idOf(v) == id {
			break
		}
		i = (i + 1) & mask
	}
	h.entries--
	h.dirty = true
	for {
		put40(h.slot(i), 0)
		j := i
		for {
			j = (j + 1) & mask
			v := get40(h.slot(j))
			if v == 0 {
				return
			}
			home := keyOf(h.idOf(v)) & mask
			// Move j's entry to i if i lies cyclically in [home, j).
			if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
				put40(h.slot(i), v)
				i = j
				break
			}
		}
	}
}

func (h *hashtab) full() bool { return h.entries*8 >= h.slots*5 }

func (h *hashtab) writeCounts() {
	b := h.m.Bytes()
	binary.LittleEndian.PutUint64(b[headerSize:], h.slots)
	binary.LittleEndian.PutUint64(b[headerSize+8:], h.entries)
}

func (h *hashtab) size() int64 {
	if h == nil || h.m == nil {
		return 0
	}
	return int64(h.m.Len())
}

func (h *hashtab) close() error {
	if h == nil || h.m == nil {
		return nil
	}
	if h.f != nil {
		h.writeCounts()
	}
	err := h.m.Close()
	if h.f != nil {
		err = errors.Join(err, h.f.Close())
	}
	return err
}

// sync makes a mapped table durable; a table in memory waits for flush.
func (h *hashtab) sync() error {
	h.writeCounts()
	return h.m.Sync()
}

// flush writes a table kept in memory to its file (through a temporary
// file and a rename).
func (h *hashtab) flush() error {
	if h == nil || !h.mem || !h.dirty {
		return nil
	}
	h.writeCounts()
	tmp := h.path + ".tmp"
	if err := writeFileSync(tmp, h.m.Bytes()); err != nil {
		return err
	}
	if err := os.Rename(tmp, h.path); err != nil {
		return err
	}
	h.dirty = false
	return nil
}

// tabSlots returns the number of slots of a table built for n ids.
func tabSlots(n uint64) uint64 {
	slots := uint64(1 << 10)
	for slots*5 <= (n+1)*8 {
		slots *= 2
	}
	return slots
}

// tabSize returns the file size of a table built for n ids.
func tabSize(n uint64) int64 { return int64(tabHeader + tabSlots(n)*u40Rec) }

// buildTab makes a fresh table with room for max(n, room) ids (inserting
// ids 0..n-1 with keyOf/eqOf), in memory when mem is set, else at path via
// a temporary file and a rename.
func buildTab(dir, name string, id uint16, n, room uint64, mem bool, keyOf func(uint64) uint64, eqOf func(a, b uint64) bool) (*hashtab, error) {
	slots := tabSlots(max(n, room))
	size := int64(tabHeader + slots*u40Rec)
	path := filepath.Join(dir, name)
	hdr := fileHeader(id, u40Rec)
	binary.LittleEndian.PutUint32(hdr[12:], uint32(idBitsOf(id)))
	h := &hashtab{path: path, id: id, idBits: idBitsOf(id), slots: slots, limit: 1<<63 - 1, mem: mem, dirty: true}
	fill := func() {
		for i := uint64(0); i < n; i++ {
			a := i
			h.insert(keyOf(i), i, func(b uint64) bool { return eqOf(a, b) })
		}
	}
	if mem {
		m, err := mmap.Anon(size)
		if err != nil {
			return nil, err
		}
		copy(m.Bytes(), hdr)
		h.m = m
		fill()
		h.writeCounts()
		return h, nil
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(hdr); err != nil {
		f.Close()
		return nil, err
	}
	m, err := mmap.OpenFile(f, size, true)
	if err != nil {
		f.Close()
		return nil, err
	}
	h.f, h.m = f, m
	fill()
	if err := h.sync(); err != nil {
		h.close()
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		h.close()
		return nil, err
	}
	return h, nil
}

// openTab opens an existing table for writing (mapped, or read into
// memory when mem is set) or reading.
func openTab(dir, name string, id uint16, writable, mem bool) (*hashtab, error) {
	path := filepath.Join(dir, name)
	var (
		m   *mmap.Map
		f   *os.File
		err error
	)
	if writable && mem {
		if m, err = readAnon(path); err != nil {
			return nil, err
		}
	} else if writable {
		if f, err = os.OpenFile(path, os.O_RDWR, 0); err != nil {
			return nil, err
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if m, err = mmap.OpenFile(f, fi.Size(), true); err != nil {
			f.Close()
			return nil, err
		}
	} else if m, err = mmap.Open(path); err != nil {
		return nil, err
	}
	h := &hashtab{path: path, id: id, idBits: idBitsOf(id), f: f, m: m, limit: 1<<63 - 1, mem: writable && mem}
	b := m.Bytes()
	if err := checkHeader(b, id, path); err != nil || len(b) < tabHeader {
		h.close()
		return nil, fmt.Errorf("%s: bad table header: %w", path, coinsift.ErrCorrupt)
	}
	if got := binary.LittleEndian.Uint32(b[12:]); got != uint32(h.idBits) {
		// Tables written before fingerprints: a writer rebuilds them.
		h.close()
		return nil, fmt.Errorf("%s: slot layout %d, want %d id bits (run 'coinsift chain import' to rebuild): %w", path, got, h.idBits, coinsift.ErrCorrupt)
	}
	h.slots = binary.LittleEndian.Uint64(b[headerSize:])
	h.entries = binary.LittleEndian.Uint64(b[headerSize+8:])
	if h.slots == 0 || h.slots&(h.slots-1) != 0 || uint64(len(b)) < tabHeader+h.slots*u40Rec {
		h.close()
		return nil, fmt.Errorf("%s: bad table size: %w", path, coinsift.ErrCorrupt)
	}
	return h, nil
}

// readAnon reads the file at path into anonymous memory.
func readAnon(path string) (*mmap.Map, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() < tabHeader {
		return nil, fmt.Errorf("%s: %d bytes: %w", path, fi.Size(), coinsift.ErrCorrupt)
	}
	m, err := mmap.Anon(fi.Size())
	if err != nil {
		return nil, err
	}
	if _, err := f.ReadAt(m.Bytes(), 0); err != nil {
		m.Close()
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}

func txidKey(id []byte) uint64 { return binary.LittleEndian.Uint64(id) }

func addrKey(kind, version byte, data []byte) uint64 {
	var b [8]byte
	copy(b[:], data)
	return binary.LittleEndian.Uint64(b[:]) ^ (uint64(kind)|uint64(version)<<8)*0x9E3779B97F4A7C15
}
