package chainindex_test

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/coinsift/coinsift/bitcoin"
)

// TestSynthChain writes a synthetic contiguous chain of realistic shape for
// import benchmarks when COINSIFT_SYNTH_OUT names a directory:
// COINSIFT_SYNTH_MB (default 1100) megabytes of regtest blk*.dat files with
// ~1.2 MB blocks of transactions spending random earlier outputs (about 2.4
// inputs and 2.6 outputs per transaction, P2WPKH/P2PKH/P2SH/P2TR, 40 %
// address reuse, dummy signatures of real size; no proof of work, import
// with --skip-pow).
//
//	COINSIFT_SYNTH_OUT=/data/synth go test ./chainindex -run TestSynthChain -v
func TestSynthChain(t *testing.T) {
	out := os.Getenv("COINSIFT_SYNTH_OUT")
	if out == "" {
		t.Skip("set COINSIFT_SYNTH_OUT=DIR to write a synthetic chain for benchmarks")
	}
	mb := 1100
	if s := os.Getenv("COINSIFT_SYNTH_MB"); s != "" {
		mb, _ = strconv.Atoi(s)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	s := newSynth(1)
	var file *os.File
	var fileN, fileSize int64
	var total int64
	var blocks, txs, ins, outs int64
	prev := [32]byte{}
	for total < int64(mb)<<20 {
		if file == nil || fileSize > 128<<20 {
			if file != nil {
				file.Close()
			}
			var err error
			file, err = os.Create(filepath.Join(out, fmt.Sprintf("blk%05d.dat", fileN)))
			if err != nil {
				t.Fatal(err)
			}
			fileN++
			fileSize = 0
		}
		blk, n, ni, no := s.block(prev, uint32(1600000000+blocks*600), int(blocks))
		prev = bitcoin.HeaderHash(blk)
		rec := binary.LittleEndian.AppendUint32(bitcoin.RegTest.Magic[:4:4], uint32(len(blk)))
		if _, err := file.Write(append(rec, blk...)); err != nil {
			t.Fatal(err)
		}
		fileSize += int64(len(rec) + len(blk))
		total += int64(len(blk))
		blocks++
		txs += int64(n)
		ins += int64(ni)
		outs += int64(no)
	}
	file.Close()
	t.Logf("%d blocks, %d txs, %d inputs, %d outputs, %d bytes of blocks in %d files", blocks, txs, ins, outs, total, fileN)
}

type utxo struct {
	txid [32]byte
	vout uint32
	addr uint32
}

type synth struct {
	r     *rand.Rand
	pool  []utxo
	addrs uint32
}

func newSynth(seed uint64) *synth { return &synth{r: rand.New(rand.NewPCG(seed, 7))} }

// addrKind: 0 P2WPKH, 1 P2PKH, 2 P2SH, 3 P2TR, by id.
func addrKind(a uint32) int {
	switch h := a * 2654435761 >> 24 % 100; {
	case h < 60:
		return 0
	case h < 85:
		return 1
	case h < 95:
		return 2
	}
	return 3
}

func (s *synth) pickAddr() uint32 {
	if s.addrs > 100 && s.r.IntN(100) < 40 {
		// Reuse, biased to recent addresses.
		back := uint32(s.r.ExpFloat64()*float64(s.addrs)/20) % s.addrs
		return s.addrs - back
	}
	s.addrs++
	return s.addrs
}

func script(b []byte, a uint32) []byte {
	var h [32]byte
	binary.LittleEndian.PutUint32(h[:], a)
	h = sha256.Sum256(h[:4])
	switch addrKind(a) {
	case 0:
		b = append(b, 22, 0x00, 20)
		return append(b, h[:20]...)
	case 1:
		b = append(b, 25, 0x76, 0xa9, 20)
		return append(append(b, h[:20]...), 0x88, 0xac)
	case 2:
		b = append(b, 23, 0xa9, 20)
		return append(append(b, h[:20]...), 0x87)
	}
	b = append(b, 34, 0x51, 32)
	return append(b, h[:]...)
}

func varint(b []byte, n int) []byte {
	if n < 0xfd {
		return append(b, byte(n))
	}
	return binary.LittleEndian.AppendUint16(append(b, 0xfd), uint16(n))
}

func dsha(b []byte) [32]byte {
	h := sha256.Sum256(b)
	return sha256.Sum256(h[:])
}

func (s *synth) count(small, big int) int {
	switch x := s.r.IntN(100); {
	case x < 55:
		return 1
	case x < 80:
		return 2
	case x < 95:
		return 3 + s.r.IntN(small)
	}
	return 10 + s.r.IntN(big)
}

// tx serializes one transaction spending ins and paying nOut outputs;
// it returns the full serialization and the txid.
func (s *synth) tx(ins []utxo, nOut int, coinbase bool, height int) ([]byte, [32]byte) {
	// Non-witness serialization first, for the txid.
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 2)
	b = varint(b, len(ins))
	witness := false
	for _, in := range ins {
		b = append(b, in.txid[:]...)
		b = binary.LittleEndian.AppendUint32(b, in.vout)
		switch {
		case coinbase:
			b = append(b, 4, 3, byte(height), byte(height>>8), byte(height>>16))
		case addrKind(in.addr) == 1 || addrKind(in.addr) == 2:
			b = append(b, 107, 72)
			b = append(b, make([]byte, 106)...)
		default:
			b = append(b, 0)
			witness = true
		}
		b = binary.LittleEndian.AppendUint32(b, 0xfffffffd)
	}
	outStart := len(b)
	b = varint(b, nOut)
	for i := 0; i < nOut; i++ {
		a := s.pickAddr()
		b = binary.LittleEndian.AppendUint64(b, uint64(s.r.Int64N(1<<36)))
		b = script(b, a)
		s.pool = append(s.pool, utxo{vout: uint32(i), addr: a})
	}
	outEnd := len(b)
	b = binary.LittleEndian.AppendUint32(b, 0)
	id := dsha(b)
	for i := len(s.pool) - nOut; i < len(s.pool); i++ {
		s.pool[i].txid = id
	}
	if !witness {
		return b, id
	}
	// Segwit serialization: marker, flag, inputs, outputs, witnesses.
	var w []byte
	w = binary.LittleEndian.AppendUint32(w, 2)
	w = append(w, 0, 1)
	w = append(w, b[4:outStart]...)
	w = append(w, b[outStart:outEnd]...)
	for _, in := range ins {
		if k := addrKind(in.addr); k == 1 || k == 2 {
			w = append(w, 0)
		} else if k == 3 {
			w = append(w, 1, 64)
			w = append(w, make([]byte, 64)...)
		} else {
			w = append(w, 2, 72)
			w = append(w, make([]byte, 72)...)
			w = append(w, 33, 2)
			w = append(w, make([]byte, 32)...)
		}
	}
	w = binary.LittleEndian.AppendUint32(w, 0)
	return w, id
}

func (s *synth) block(prev [32]byte, time uint32, height int) (blk []byte, ntx, nin, nout int) {
	const target = 1200 << 10
	var body []byte
	var ids [][32]byte
	cbOuts := 2
	if len(s.pool) < 20000 {
		cbOuts = 2000 // seed the pool
	}
	cb, id := s.tx([]utxo{{vout: 0xffffffff}}, cbOuts, true, height)
	body = append(body, cb...)
	ids = append(ids, id)
	ntx, nin, nout = 1, 1, cbOuts
	spendable := len(s.pool) - cbOuts
	for len(body) < target && spendable > 1000 {
		k := min(s.count(4, 12), spendable-1000)
		ins := make([]utxo, k)
		for i := range ins {
			j := s.r.IntN(spendable)
			ins[i] = s.pool[j]
			spendable--
			s.pool[j] = s.pool[spendable]
			s.pool[spendable] = s.pool[len(s.pool)-1]
			s.pool = s.pool[:len(s.pool)-1]
		}
		n := s.count(4, 12)
		t, id := s.tx(ins, n, false, 0)
		// New outputs are not spendable in this block.
		body = append(body, t...)
		ids = append(ids, id)
		ntx++
		nin += k
		nout += n
	}
	// Merkle root.
	level := ids
	for len(level) > 1 {
		if len(level)%2 == 1 {
			level = append(level, level[len(level)-1])
		}
		next := make([][32]byte, len(level)/2)
		for i := range next {
			next[i] = dsha(append(level[2*i][:], level[2*i+1][:]...))
		}
		level = next
	}
	blk = binary.LittleEndian.AppendUint32(blk, 0x20000000)
	blk = append(blk, prev[:]...)
	blk = append(blk, level[0][:]...)
	blk = binary.LittleEndian.AppendUint32(blk, time)
	blk = binary.LittleEndian.AppendUint32(blk, 0x207fffff)
	blk = binary.LittleEndian.AppendUint32(blk, 0)
	blk = varint(blk, ntx)
	blk = append(blk, body...)
	return blk, ntx, nin, nout
}
