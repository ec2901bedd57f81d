package bitcoin

import (
	"encoding/binary"

	coinsift "github.com/coinsift/coinsift"
)

// decoder is a sticky-error reader over a byte slice: after the first error
// every read returns zero values and the error is kept with its offset.
type decoder struct {
	b     []byte
	off   int
	err   error
	field string
}

func (d *decoder) fail(field string, err error) {
	if d.err == nil {
		d.err, d.field = err, field
	}
}

func (d *decoder) error(tx int) error {
	return &ParseError{Offset: d.off, Tx: tx, Field: d.field, Err: d.err}
}

func (d *decoder) u32(field string) uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.off < 4 {
		d.fail(field, ErrTruncated)
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b[d.off:])
	d.off += 4
	return v
}

func (d *decoder) u64(field string) uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.off < 8 {
		d.fail(field, ErrTruncated)
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.off:])
	d.off += 8
	return v
}

// varint reads a canonical compact size.
func (d *decoder) varint(field string) uint64 {
	if d.err != nil {
		return 0
	}
	if d.off >= len(d.b) {
		d.fail(field, ErrTruncated)
		return 0
	}
	c := d.b[d.off]
	switch {
	case c < 0xfd:
		d.off++
		return uint64(c)
	case c == 0xfd:
		if len(d.b)-d.off < 3 {
			d.fail(field, ErrTruncated)
			return 0
		}
		v := uint64(binary.LittleEndian.Uint16(d.b[d.off+1:]))
		if v < 0xfd {
			d.fail(field, ErrNonCanonical)
			return 0
		}
		d.off += 3
		return v
	case c == 0xfe:
		if len(d.b)-d.off < 5 {
			d.fail(field, ErrTruncated)
			return 0
		}
		v := uint64(binary.LittleEndian.Uint32(d.b[d.off+1:]))
		if v <= 0xffff {
			d.fail(field, ErrNonCanonical)
			return 0
		}
		d.off += 5
		return v
	default:
		if len(d.b)-d.off < 9 {
			d.fail(field, ErrTruncated)
			return 0
		}
		v := binary.LittleEndian.Uint64(d.b[d.off+1:])
		if v <= 0xffffffff {
			d.fail(field, ErrNonCanonical)
			return 0
		}
		d.off += 9
		return v
	}
}

// count reads a compact size that counts items of at least minSize bytes
// each and refuses counts the remaining bytes cannot hold.
func (d *decoder) count(minSize int, field string) uint64 {
	n := d.varint(field)
	if d.err == nil && n > uint64((len(d.b)-d.off)/minSize) {
		d.fail(field, ErrOversized)
		return 0
	}
	return n
}

func (d *decoder) varBytes(field string) []byte {
	n := d.varint(field)
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)-d.off) {
		d.fail(field, ErrTruncated)
		return nil
	}
	s := d.b[d.off : d.off+int(n) : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *decoder) skipVarBytes(field string) {
	n := d.varint(field)
	if d.err != nil {
		return
	}
	if n > uint64(len(d.b)-d.off) {
		d.fail(field, ErrTruncated)
		return
	}
	d.off += int(n)
}

// tx decodes one transaction into tx, appending its inputs and outputs to
// ins and outs. It leaves tx.TxID to the caller (Block.hashTxIDs hashes
// two transactions at a time).
func (d *decoder) tx(tx *Tx, ins []TxIn, outs []TxOut) ([]TxIn, []TxOut) {
	start := d.off
	tx.Version = int32(d.u32("version"))
	if d.err != nil {
		return ins, outs
	}
	witness := false
	bodyStart := d.off
	if d.off < len(d.b) && d.b[d.off] == 0 {
		// Empty input vector: BIP 144 marker, followed by the flag byte.
		if d.off+1 >= len(d.b) {
			d.fail("witness flag", ErrTruncated)
			return ins, outs
		}
		flag := d.b[d.off+1]
		d.off += 2
		bodyStart = d.off
		switch flag {
		case 0:
			// Bitcoin Core reads an empty vin and vout here.
			tx.LockTime = d.u32("locktime")
			tx.witness = false
			tx.Raw = d.b[start:d.off:d.off]
			tx.baseSize = len(tx.Raw)
			tx.bodyStart, tx.bodyEnd = bodyStart-start, d.off-4-start
			return ins, outs
		case 1:
			witness = true
		default:
			d.fail("witness flag", ErrWitnessFlag)
			return ins, outs
		}
	}
	in0 := len(ins)
	nin := d.count(minTxInSize, "input count")
	for i := uint64(0); i < nin && d.err == nil; i++ {
		var in TxIn
		if len(d.b)-d.off < 36 {
			d.fail("outpoint", ErrTruncated)
			break
		}
		copy(in.PrevOut.TxID[:], d.b[d.off:d.off+32])
		in.PrevOut.Vout = binary.LittleEndian.Uint32(d.b[d.off+32:])
		d.off += 36
		in.Script = d.varBytes("input script")
		in.Sequence = d.u32("sequence")
		ins = append(ins, in)
	}
	nout := d.count(minTxOutSize, "output count")
	for i := uint64(0); i < nout && d.err == nil; i++ {
		v := d.u64("value")
		outs = append(outs, TxOut{Value: coinsift.Sats(v), Script: d.varBytes("output script")})
	}
	bodyEnd := d.off
	if witness {
		any := false
		for i := in0; i < len(ins) && d.err == nil; i++ {
			w0 := d.off
			n := d.count(1, "witness count")
			for j := uint64(0); j < n && d.err == nil; j++ {
				d.skipVarBytes("witness item")
			}
			if n > 0 {
				any = true
			}
			ins[i].Witness = d.b[w0:d.off:d.off]
		}
		if d.err == nil && !any {
			d.fail("witness", ErrWitnessFlag) // superfluous witness record
		}
	}
	tx.LockTime = d.u32("locktime")
	if d.err != nil {
		return ins, outs
	}
	tx.Raw = d.b[start:d.off:d.off]
	tx.witness = witness
	tx.bodyStart, tx.bodyEnd = bodyStart-start, bodyEnd-start
	if !witness {
		tx.baseSize = len(tx.Raw)
		return ins, outs
	}
	// The txid hashes version ‖ inputs ‖ outputs ‖ locktime (txidMsg).
	tx.baseSize = 4 + (bodyEnd - bodyStart) + 4
	return ins, outs
}
