package bitcoin

import (
	"encoding/binary"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/internal/sha256d"
)

// HeaderSize is the size of a serialized block header.
const HeaderSize = 80

// MaxBlockSize is the largest serialized block Bitcoin Core accepts
// (MAX_BLOCK_SERIALIZED_SIZE, four million bytes).
const MaxBlockSize = 4_000_000

// Minimum serialized sizes, used to cap counts read from input before
// allocating: an input is at least 41 bytes, an output 9, a transaction 10.
const (
	minTxInSize  = 41
	minTxOutSize = 9
	minTxSize    = 10
)

// Header is a block header.
type Header struct {
	Version    int32
	PrevBlock  coinsift.TxID
	MerkleRoot coinsift.TxID
	Time       uint32
	Bits       uint32
	Nonce      uint32
}

// ParseHeader decodes the 80-byte header at the start of b.
func ParseHeader(b []byte) (Header, error) {
	var h Header
	if len(b) < HeaderSize {
		return h, &ParseError{Offset: len(b), Tx: -1, Field: "header", Err: ErrTruncated}
	}
	h.Version = int32(binary.LittleEndian.Uint32(b[0:]))
	copy(h.PrevBlock[:], b[4:36])
	copy(h.MerkleRoot[:], b[36:68])
	h.Time = binary.LittleEndian.Uint32(b[68:])
	h.Bits = binary.LittleEndian.Uint32(b[72:])
	h.Nonce = binary.LittleEndian.Uint32(b[76:])
	return h, nil
}

// HeaderHash returns the block hash of the 80-byte header at the start of b.
func HeaderHash(b []byte) coinsift.TxID {
	return DoubleHash(b[:HeaderSize])
}

// DoubleHash returns SHA256(SHA256(b)).
func DoubleHash(b []byte) coinsift.TxID { return sha256d.Sum(b) }

// doubleHash2 returns DoubleHash(a) and DoubleHash(b), hashed side by side
// (about 1.7 times the throughput of two DoubleHash calls on SHA-NI).
func doubleHash2(a, b []byte) (coinsift.TxID, coinsift.TxID) {
	da, db := sha256d.Sum2(a, b)
	return da, db
}

// Block is a parsed block. Its slices (Raw, scripts, witnesses) alias the
// buffer given to Parse; they are valid as long as that buffer is.
type Block struct {
	Raw    []byte
	Header Header
	Hash   coinsift.TxID
	Txs    []Tx

	ins   []TxIn
	outs  []TxOut
	spans []span
	strip []byte // segwit transactions' txid serializations, one after another
	at    []int  // where each transaction's serialization starts in strip
	seg   []int  // the segwit transactions, for WTxIDs
	hs    sha256d.Hasher
	ids   []coinsift.TxID
}

type span struct{ in0, in1, out0, out1 int }

// Tx is a parsed transaction.
type Tx struct {
	Raw      []byte // the full serialization, with witness data if any
	TxID     coinsift.TxID
	Version  int32
	LockTime uint32
	Inputs   []TxIn
	Outputs  []TxOut

	witness   bool
	bodyStart int // start of the inputs within Raw (after a segwit marker)
	bodyEnd   int // end of the outputs within Raw
	baseSize  int
}

// TxIn is a transaction input.
type TxIn struct {
	PrevOut  coinsift.OutPoint
	Script   []byte
	Sequence uint32
	// Witness is the raw witness stack (count and items) of the input, or
	// nil when the transaction has no witness data. An input whose stack is
	// empty has Witness == []byte{0}.
	Witness []byte
}

// TxOut is a transaction output.
type TxOut struct {
	Value  coinsift.Sats
	Script []byte
}

// HasWitness reports whether the input carries a non-empty witness stack.
func (in *TxIn) HasWitness() bool {
	return len(in.Witness) > 1 || (len(in.Witness) == 1 && in.Witness[0] != 0)
}

// WitnessItems splits the input's witness stack into its items. The items
// alias the block buffer.
func (in *TxIn) WitnessItems() [][]byte {
	if len(in.Witness) == 0 {
		return nil
	}
	d := decoder{b: in.Witness}
	n := d.count(1, "witness count")
	items := make([][]byte, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		items = append(items, d.varBytes("witness item"))
	}
	return items
}

// HasWitness reports whether the transaction was serialized with witness data.
func (tx *Tx) HasWitness() bool { return tx.witness }

// Size returns the serialized size in bytes, witness included.
func (tx *Tx) Size() int { return len(tx.Raw) }

// BaseSize returns the size without witness data.
func (tx *Tx) BaseSize() int { return tx.baseSize }

// Weight returns the BIP 141 weight: base size × 3 + total size.
func (tx *Tx) Weight() int { return tx.baseSize*3 + len(tx.Raw) }

// VSize returns the virtual size, weight / 4 rounded up.
func (tx *Tx) VSize() int { return (tx.Weight() + 3) / 4 }

// WTxID returns the witness txid; it equals TxID for a transaction without
// witness data.
func (tx *Tx) WTxID() coinsift.TxID {
	if !tx.witness {
		return tx.TxID
	}
	return DoubleHash(tx.Raw)
}

// txidMsg returns the bytes a txid hashes: Raw without witness data, or
// for a segwit transaction version ‖ inputs ‖ outputs ‖ locktime, copied
// into *buf.
func (tx *Tx) txidMsg(buf *[]byte) []byte {
	if !tx.witness {
		return tx.Raw
	}
	*buf = tx.appendStripped((*buf)[:0])
	return *buf
}

// appendStripped appends version ‖ inputs ‖ outputs ‖ locktime of a
// segwit transaction to b.
func (tx *Tx) appendStripped(b []byte) []byte {
	b = append(b, tx.Raw[:4]...)
	b = append(b, tx.Raw[tx.bodyStart:tx.bodyEnd]...)
	return append(b, tx.Raw[len(tx.Raw)-4:]...)
}

// hashTxIDs computes every transaction's txid, two at a time
// (sha256d.Many). A segwit transaction's version ‖ inputs ‖ outputs ‖
// locktime is copied first, all of them into one buffer that stays put
// while they are hashed.
func (blk *Block) hashTxIDs() {
	txs := blk.Txs
	buf := blk.strip[:0]
	at := grow(blk.at[:0], len(txs))
	for i := range txs {
		if tx := &txs[i]; tx.witness {
			at[i] = len(buf)
			buf = tx.appendStripped(buf)
		}
	}
	blk.strip, blk.at = buf, at
	blk.hs.Many(len(txs), func(i int) []byte {
		if tx := &txs[i]; tx.witness {
			return buf[at[i] : at[i]+tx.baseSize]
		}
		return txs[i].Raw
	}, func(i int, d [sha256d.Size]byte) { txs[i].TxID = d })
}

// WTxIDs returns every transaction's witness txid (WTxID), appended to
// dst[:0]; segwit transactions are hashed two at a time.
func (blk *Block) WTxIDs(dst []coinsift.TxID) []coinsift.TxID {
	dst = grow(dst[:0], len(blk.Txs))
	seg := blk.seg[:0]
	for i := range blk.Txs {
		if blk.Txs[i].witness {
			seg = append(seg, i)
		} else {
			dst[i] = blk.Txs[i].TxID
		}
	}
	blk.seg = seg
	blk.hs.Many(len(seg), func(k int) []byte { return blk.Txs[seg[k]].Raw },
		func(k int, d [sha256d.Size]byte) { dst[seg[k]] = d })
	return dst
}

// IsCoinbase reports whether tx is a coinbase: one input spending the null
// outpoint.
func (tx *Tx) IsCoinbase() bool {
	return len(tx.Inputs) == 1 && tx.Inputs[0].PrevOut.Vout == 0xffffffff && tx.Inputs[0].PrevOut.TxID == coinsift.TxID{}
}

// ParseBlock parses a serialized block (without the blk*.dat record header)
// and computes every txid.
func ParseBlock(b []byte) (*Block, error) {
	blk := new(Block)
	if err := blk.Parse(b); err != nil {
		return nil, err
	}
	return blk, nil
}

// Parse parses b into blk, reusing blk's storage. On error blk is left in an
// unspecified state.
func (blk *Block) Parse(b []byte) error {
	h, err := ParseHeader(b)
	if err != nil {
		return err
	}
	blk.Raw = b
	blk.Header = h
	blk.Hash = DoubleHash(b[:HeaderSize])
	d := decoder{b: b, off: HeaderSize}
	n := d.count(minTxSize, "tx count")
	if d.err != nil {
		return d.error(-1)
	}
	blk.Txs = grow(blk.Txs[:0], int(n))
	blk.ins = blk.ins[:0]
	blk.outs = blk.outs[:0]
	blk.spans = grow(blk.spans[:0], int(n))
	spans := blk.spans
	for i := range blk.Txs {
		tx := &blk.Txs[i]
		s := &spans[i]
		s.in0, s.out0 = len(blk.ins), len(blk.outs)
		blk.ins, blk.outs = d.tx(tx, blk.ins, blk.outs)
		if d.err != nil {
			return d.error(i)
		}
		s.in1, s.out1 = len(blk.ins), len(blk.outs)
	}
	if d.off != len(b) {
		return &ParseError{Offset: d.off, Tx: -1, Field: "block end", Err: ErrTrailing}
	}
	for i := range blk.Txs {
		s := spans[i]
		blk.Txs[i].Inputs = blk.ins[s.in0:s.in1:s.in1]
		blk.Txs[i].Outputs = blk.outs[s.out0:s.out1:s.out1]
	}
	blk.hashTxIDs()
	return nil
}

// CheckMerkle recomputes the merkle root from the txids and compares it with
// the header's.
func (blk *Block) CheckMerkle() error {
	ids := grow(blk.ids[:0], len(blk.Txs)+1)[:len(blk.Txs)] // +1: room for an odd level's copy
	for i := range blk.Txs {
		ids[i] = blk.Txs[i].TxID
	}
	blk.ids = ids
	if MerkleRoot(ids) != blk.Header.MerkleRoot {
		return ErrMerkle
	}
	return nil
}

// MerkleRoot computes the Bitcoin merkle root of ids (the last element of an
// odd level is paired with itself). It overwrites ids.
func MerkleRoot(ids []coinsift.TxID) coinsift.TxID {
	if len(ids) == 0 {
		return coinsift.TxID{}
	}
	var a, b [64]byte
	for len(ids) > 1 {
		if len(ids)%2 == 1 {
			ids = append(ids, ids[len(ids)-1])
		}
		i := 0
		for ; i+3 < len(ids); i += 4 { // two pairs side by side
			copy(a[:32], ids[i][:])
			copy(a[32:], ids[i+1][:])
			copy(b[:32], ids[i+2][:])
			copy(b[32:], ids[i+3][:])
			ids[i/2], ids[i/2+1] = doubleHash2(a[:], b[:])
		}
		if i < len(ids) {
			copy(a[:32], ids[i][:])
			copy(a[32:], ids[i+1][:])
			ids[i/2] = DoubleHash(a[:])
		}
		ids = ids[:len(ids)/2]
	}
	return ids[0]
}

// ParseTx parses one transaction at the start of b and returns it with the
// number of bytes it occupied.
func ParseTx(b []byte) (*Tx, int, error) {
	tx := new(Tx)
	d := decoder{b: b}
	ins, outs := d.tx(tx, nil, nil)
	if d.err != nil {
		return nil, 0, d.error(0)
	}
	tx.Inputs, tx.Outputs = ins, outs
	var buf []byte
	tx.TxID = DoubleHash(tx.txidMsg(&buf))
	return tx, d.off, nil
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
