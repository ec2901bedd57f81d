package blockfile

import "math/big"

// u128 is an unsigned 128-bit integer for cumulative work; additions
// saturate. Mainnet's total work is about 2^95.
type u128 struct{ hi, lo uint64 }

func u128FromBig(b *big.Int) u128 {
	if b.BitLen() > 128 {
		return u128{^uint64(0), ^uint64(0)}
	}
	var buf [16]byte
	b.FillBytes(buf[:])
	var u u128
	for i := 0; i < 8; i++ {
		u.hi = u.hi<<8 | uint64(buf[i])
		u.lo = u.lo<<8 | uint64(buf[8+i])
	}
	return u
}

func (a u128) add(b u128) u128 {
	lo := a.lo + b.lo
	carry := uint64(0)
	if lo < a.lo {
		carry = 1
	}
	hi := a.hi + b.hi + carry
	if hi < a.hi || (carry == 1 && hi == a.hi) {
		return u128{^uint64(0), ^uint64(0)}
	}
	return u128{hi, lo}
}

func (a u128) less(b u128) bool { return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo }
