// Package sha256d computes Bitcoin's double SHA-256, SHA256(SHA256(m)),
// the hash behind txids, block hashes and merkle trees.
//
// [Sum] hashes one message; [Sum2] hashes two messages at once. On amd64
// with the SHA extensions both run hand-scheduled SHA-NI code (gen.go
// writes it), and Sum2 interleaves the two messages' rounds: one message's
// rounds form a chain of dependent SHA256RNDS2 instructions that leaves the
// SHA unit idle for most of each instruction's latency, and the second
// message fills those gaps. Both also skip what crypto/sha256 spends per
// digest (a Digest value, its buffering and a second padding pass): the
// second hash's input is always one 32-byte digest, so its padded block is
// built directly. Elsewhere both fall back to crypto/sha256.
package sha256d

import (
	"crypto/sha256"
	"encoding/binary"
)

// Size is the size of a digest in bytes.
const Size = 32

var iv = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// Sum returns SHA256(SHA256(m)).
func Sum(m []byte) [Size]byte {
	if !useAsm {
		first := sha256.Sum256(m)
		return sha256.Sum256(first[:])
	}
	var s msg
	s.init(m)
	h := iv
	for _, seg := range s.segs() {
		if len(seg) > 0 {
			block1(&h, &seg[0], len(seg)/64)
		}
	}
	var blk [64]byte
	digestBlock(&blk, &h)
	h = iv
	block1(&h, &blk[0], 1)
	return digest(&h)
}

// Sum2 returns SHA256(SHA256(a)) and SHA256(SHA256(b)), hashing the two
// messages side by side.
func Sum2(a, b []byte) (da, db [Size]byte) {
	if !useAsm {
		return Sum(a), Sum(b)
	}
	var ma, mb msg
	ma.init(a)
	mb.init(b)
	ha, hb := iv, iv
	sa, sb := ma.segs(), mb.segs()
	ra, rb := sa[0], sb[0]
	ia, ib := 0, 0
	for {
		// Step to the next segment with blocks left.
		for len(ra) == 0 && ia < len(sa)-1 {
			ia++
			ra = sa[ia]
		}
		for len(rb) == 0 && ib < len(sb)-1 {
			ib++
			rb = sb[ib]
		}
		if len(ra) == 0 || len(rb) == 0 {
			break
		}
		n := min(len(ra), len(rb)) / 64
		block2(&ha, &hb, &ra[0], &rb[0], n)
		ra, rb = ra[n*64:], rb[n*64:]
	}
	// One message may have blocks left.
	rest(&ha, ra, sa[ia+1:])
	rest(&hb, rb, sb[ib+1:])
	var ba, bb [64]byte
	digestBlock(&ba, &ha)
	digestBlock(&bb, &hb)
	ha, hb = iv, iv
	block2(&ha, &hb, &ba[0], &bb[0], 1)
	return digest(&ha), digest(&hb)
}

// rest hashes r and then the segments after it, one stream.
func rest(h *[8]uint32, r []byte, later [][]byte) {
	if len(r) > 0 {
		block1(h, &r[0], len(r)/64)
	}
	for _, seg := range later {
		if len(seg) > 0 {
			block1(h, &seg[0], len(seg)/64)
		}
	}
}

// msg is a message split into its whole 64-byte blocks, read in place,
// and its padded tail of one or two blocks.
type msg struct {
	body  []byte
	tail  [128]byte
	ntail int
}

func (s *msg) init(m []byte) {
	n := len(m) &^ 63
	s.body = m[:n]
	r := copy(s.tail[:], m[n:])
	s.tail[r] = 0x80
	s.ntail = 64
	if r+1+8 > 64 {
		s.ntail = 128
	}
	binary.BigEndian.PutUint64(s.tail[s.ntail-8:], uint64(len(m))*8)
}

func (s *msg) segs() [2][]byte { return [2][]byte{s.body, s.tail[:s.ntail]} }

// digestBlock writes the padded block that holds h's 32-byte digest.
func digestBlock(blk *[64]byte, h *[8]uint32) {
	for i, v := range h {
		binary.BigEndian.PutUint32(blk[4*i:], v)
	}
	blk[32] = 0x80
	blk[62] = 1 // bit length 256, big-endian
}

func digest(h *[8]uint32) (d [Size]byte) {
	for i, v := range h {
		binary.BigEndian.PutUint32(d[4*i:], v)
	}
	return d
}
