package chainindex

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/mmap"
)

const (
	fileMagic   = "CSIX"
	fileVersion = 1
	headerSize  = 16
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Column ids, stored in each file header.
const (
	colBlocks uint16 = iota + 1
	colTxs
	colTxids
	colWtxids
	colInputs
	colSeqx
	colOutputs
	colAddrs
	colAddroff
	colSpenders
	colTxidHash
	colAddrHash
	colPostOff
	colPostings
)

// Record sizes.
const (
	blockRec  = 64
	txRec     = 28
	txidRec   = 32
	wtxidRec  = 40
	inputRec  = 5
	seqxRec   = 12
	outputRec = 11
	u40Rec    = 5
)

// appendCols are the append-only columns covered by segment CRCs, in
// manifest order.
var appendCols = []struct {
	name string
	id   uint16
	rec  int
}{
	{"blocks.col", colBlocks, blockRec},
	{"txs.col", colTxs, txRec},
	{"txids.col", colTxids, txidRec},
	{"wtxids.col", colWtxids, wtxidRec},
	{"inputs.col", colInputs, inputRec},
	{"seqx.col", colSeqx, seqxRec},
	{"outputs.col", colOutputs, outputRec},
	{"addrs.col", colAddrs, 0},
	{"addroff.col", colAddroff, u40Rec},
}

const (
	iBlocks = iota
	iTxs
	iTxids
	iWtxids
	iInputs
	iSeqx
	iOutputs
	iAddrs
	iAddroff
)

func fileHeader(id uint16, rec int) []byte {
	h := make([]byte, headerSize)
	copy(h, fileMagic)
	binary.LittleEndian.PutUint16(h[4:], fileVersion)
	binary.LittleEndian.PutUint16(h[6:], id)
	binary.LittleEndian.PutUint32(h[8:], uint32(rec))
	return h
}

func checkHeader(b []byte, id uint16, path string) error {
	if len(b) < headerSize || string(b[:4]) != fileMagic {
		return fmt.Errorf("%s: bad magic: %w", path, coinsift.ErrCorrupt)
	}
	if v := binary.LittleEndian.Uint16(b[4:]); v != fileVersion {
		return fmt.Errorf("%s: format version %d, want %d: %w", path, v, fileVersion, coinsift.ErrCorrupt)
	}
	if got := binary.LittleEndian.Uint16(b[6:]); got != id {
		return fmt.Errorf("%s: column id %d, want %d: %w", path, got, id, coinsift.ErrCorrupt)
	}
	return nil
}

// column is a growable, memory-mapped file of records. n is its logical
// length in data bytes (after the header).
type column struct {
	path string
	f    *os.File
	m    *mmap.Map
	n    int64
	pop  int64 // the map is prefaulted up to here (file offset)
}

// populateStep is how far ahead of the appends a column's pages are
// prefaulted (mmap.PopulateWrite): one system call per step instead of a
// page fault per 4 KiB page.
const populateStep = 8 << 20

// openColumn opens (creating if needed) a column for writing, truncated to
// committed data bytes.
func openColumn(dir, name string, id uint16, rec int, committed int64) (*column, error) {
	path := filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if fi.Size() == 0 {
		if committed != 0 {
			f.Close()
			return nil, fmt.Errorf("%s: empty, manifest says %d bytes: %w", path, committed, coinsift.ErrCorrupt)
		}
		if _, err := f.Write(fileHeader(id, rec)); err != nil {
			f.Close()
			return nil, err
		}
	} else {
		var h [headerSize]byte
		if _, err := f.ReadAt(h[:], 0); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if err := checkHeader(h[:], id, path); err != nil {
			f.Close()
			return nil, err
		}
		if fi.Size() < headerSize+committed {
			f.Close()
			return nil, fmt.Errorf("%s: %d bytes, manifest says %d: %w", path, fi.Size()-headerSize, committed, coinsift.ErrCorrupt)
		}
	}
	if err := f.Truncate(headerSize + committed); err != nil {
		f.Close()
		return nil, err
	}
	c := &column{path: path, f: f, n: committed}
	capacity := headerSize + committed + committed/4 + 1<<16
	if c.m, err = mmap.OpenFile(f, capacity, true); err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

// data returns the logical data bytes; valid until the next extend.
func (c *column) data() []byte { return c.m.Bytes()[headerSize : headerSize+c.n] }

// extend grows the logical length by k bytes and returns them for writing.
func (c *column) extend(k int) ([]byte, error) {
	need := headerSize + c.n + int64(k)
	if need > int64(c.m.Len()) {
		nc := int64(c.m.Len()) * 2
		if nc < need {
			nc = need
		}
		if err := c.m.Remap(nc); err != nil {
			return nil, err
		}
		c.pop = 0 // a new mapping
	}
	if need > c.pop {
		from := max(c.pop, headerSize+c.n)
		c.pop = min(need+populateStep, int64(c.m.Len()))
		c.m.PopulateWrite(from, c.pop-from)
	}
	b := c.m.Bytes()[headerSize+c.n : need]
	c.n += int64(k)
	return b, nil
}

func (c *column) truncate(n int64) { c.n = n }

func (c *column) crc(from, to int64) uint32 {
	return crc32.Checksum(c.m.Bytes()[headerSize+from:headerSize+to], castagnoli)
}

func (c *column) sync() error { return c.m.Sync() }

// close truncates the file to its logical length.
func (c *column) close() error {
	err := c.m.Close()
	if terr := c.f.Truncate(headerSize + c.n); err == nil {
		err = terr
	}
	return errors.Join(err, c.f.Close())
}

// roColumn is a read-only view of a committed column.
type roColumn struct {
	m    *mmap.Map
	data []byte
}

func openRO(dir, name string, id uint16, n int64) (*roColumn, error) {
	path := filepath.Join(dir, name)
	m, err := mmap.Open(path)
	if err != nil {
		if n == 0 && errors.Is(err, os.ErrNotExist) {
			return &roColumn{}, nil
		}
		return nil, err
	}
	b := m.Bytes()
	if err := checkHeader(b, id, path); err != nil {
		m.Close()
		return nil, err
	}
	if int64(len(b)) < headerSize+n {
		m.Close()
		return nil, fmt.Errorf("%s: %d bytes, manifest says %d: %w", path, len(b)-headerSize, n, coinsift.ErrCorrupt)
	}
	return &roColumn{m: m, data: b[headerSize : headerSize+n]}, nil
}

func (c *roColumn) close() error {
	if c == nil || c.m == nil {
		return nil
	}
	return c.m.Close()
}

func get40(b []byte) uint64 {
	_ = b[4]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 | uint64(b[4])<<32
}

func put40(b []byte, v uint64) {
	_ = b[4]
	b[0], b[1], b[2], b[3], b[4] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24), byte(v>>32)
}

func get56(b []byte) uint64 {
	_ = b[6]
	return get40(b) | uint64(b[5])<<40 | uint64(b[6])<<48
}

func put56(b []byte, v uint64) {
	put40(b, v)
	b[5], b[6] = byte(v>>40), byte(v>>48)
}

func crcOf(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }
