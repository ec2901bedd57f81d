package world

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"

	"github.com/btcsuite/btcd/wire"
)

// regtestMagic is the network magic of regtest block files.
const regtestMagic = 0xdab5bffa

// maxBlockFile is Bitcoin Core's MAX_BLOCKFILE_SIZE (128 MiB).
const maxBlockFile = 128 << 20

// blockWriter writes blk?????.dat files the way Bitcoin Core's download does:
// records are buffered in a small window and written in a shuffled order, so
// nearby blocks swap places; files roll over at 128 MiB; with a key every byte
// is XORed with key[offset%8].
type blockWriter struct {
	dir    string
	key    [8]byte
	xor    bool
	window []pendingBlock
	f      *os.File
	w      *bufio.Writer
	fileNo int
	off    int64
	buf    bytes.Buffer
	scr    []byte
	shuf   func(n int) int
	index  func(height int32, hash string, file int, off int64, size int, stale bool, ntx int, t int64)
	Bytes  int64
	Blocks int
	Stale  int
}

type pendingBlock struct {
	height int32
	stale  bool
	hash   string
	ntx    int
	time   int64
	data   []byte
}

func newBlockWriter(dir string, key *[8]byte, shuf func(int) int) (*blockWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	b := &blockWriter{dir: dir, shuf: shuf}
	if key != nil {
		b.key, b.xor = *key, true
		if err := os.WriteFile(filepath.Join(dir, "xor.dat"), key[:], 0o644); err != nil {
			return nil, err
		}
	}
	return b, b.open()
}

func (b *blockWriter) open() error {
	f, err := os.Create(filepath.Join(b.dir, fmt.Sprintf("blk%05d.dat", b.fileNo)))
	if err != nil {
		return err
	}
	b.f, b.w, b.off = f, bufio.NewWriterSize(f, 1<<20), 0
	return nil
}

// add queues a block; the window holds up to 8 blocks.
func (b *blockWriter) add(blk *wire.MsgBlock, height int32, stale bool) error {
	b.buf.Reset()
	if err := blk.Serialize(&b.buf); err != nil {
		return fmt.Errorf("serialize block %d: %w", height, err)
	}
	b.window = append(b.window, pendingBlock{height: height, stale: stale, hash: blk.BlockHash().String(),
		ntx: len(blk.Transactions), time: blk.Header.Timestamp.Unix(), data: bytes.Clone(b.buf.Bytes())})
	if stale {
		b.Stale++
	}
	if len(b.window) >= 8 {
		return b.emit(b.shuf(3))
	}
	return nil
}

func (b *blockWriter) emit(i int) error {
	p := b.window[i]
	b.window = append(b.window[:i], b.window[i+1:]...)
	size := int64(len(p.data)) + 8
	if b.off > 0 && b.off+size >= maxBlockFile {
		if err := b.closeFile(); err != nil {
			return err
		}
		b.fileNo++
		if err := b.open(); err != nil {
			return err
		}
	}
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[:4], regtestMagic)
	binary.LittleEndian.PutUint32(hdr[4:], uint32(len(p.data)))
	b.index(p.height, p.hash, b.fileNo, b.off, len(p.data), p.stale, p.ntx, p.time)
	for _, part := range [][]byte{hdr[:], p.data} {
		if b.xor {
			b.scr = append(b.scr[:0], part...)
			for k := range b.scr {
				b.scr[k] ^= b.key[(b.off+int64(k))%8]
			}
			part = b.scr
		}
		if _, err := b.w.Write(part); err != nil {
			return err
		}
		b.off += int64(len(part))
	}
	b.Bytes += size
	b.Blocks++
	return nil
}

func (b *blockWriter) closeFile() error {
	if err := b.w.Flush(); err != nil {
		b.f.Close()
		return err
	}
	return b.f.Close()
}

func (b *blockWriter) close() error {
	for len(b.window) > 0 {
		if err := b.emit(0); err != nil {
			return err
		}
	}
	return b.closeFile()
}
