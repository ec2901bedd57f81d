package sha256d

// Hasher holds the state of Many between calls, so that a caller hashing
// over and over (a block parser) allocates nothing. Its zero value is
// ready; it is not safe for concurrent use.
type Hasher struct {
	lanes [2]lane
}

// Many is Hasher.Many with a Hasher of its own.
func Many(n int, msg func(i int) []byte, out func(i int, d [Size]byte)) {
	var hs Hasher
	hs.Many(n, msg, out)
}

// Many computes SHA256(SHA256(m)) of n messages, msg(i) for i in [0, n),
// and passes each digest to out (in the order the messages finish, not
// necessarily by index). It hashes two messages side by side like Sum2,
// and when one ends the next takes its lane at once, so that messages of
// unequal length leave no blocks to hash one lane alone until the last.
// The slice msg returns must stay valid until out has the message's
// digest.
func (hs *Hasher) Many(n int, msg func(i int) []byte, out func(i int, d [Size]byte)) {
	if !useAsm {
		for i := 0; i < n; i++ {
			out(i, Sum(msg(i)))
		}
		return
	}
	lanes := &hs.lanes
	next := 0
	load := func(l *lane) {
		if next < n {
			l.start(next, msg(next))
			next++
		} else {
			l.idx = -1
		}
	}
	load(&lanes[0])
	load(&lanes[1])
	a, b := &lanes[0], &lanes[1]
	for a.idx >= 0 && b.idx >= 0 {
		k := min(len(a.cur), len(b.cur)) / 64
		block2(&a.h, &b.h, &a.cur[0], &b.cur[0], k)
		a.cur, b.cur = a.cur[k*64:], b.cur[k*64:]
		for _, l := range [2]*lane{a, b} {
			if len(l.cur) == 0 && l.advance(out) {
				load(l)
			}
		}
	}
	for _, l := range [2]*lane{a, b} {
		for l.idx >= 0 {
			block1(&l.h, &l.cur[0], len(l.cur)/64)
			l.cur = nil
			if l.advance(out) {
				load(l)
			}
		}
	}
}

// lane is one message in progress: its body, its padded tail, then the
// block of the second hash.
type lane struct {
	h      [8]uint32
	m      msg
	cur    []byte // what is left of the current segment
	tail   bool   // cur is the tail
	second bool   // cur is the second hash's block
	blk    [64]byte
	idx    int // the message's index; -1 when the lane is idle
}

func (l *lane) start(i int, m []byte) {
	l.idx, l.h, l.tail, l.second = i, iv, false, false
	clear(l.m.tail[:])
	l.m.init(m)
	l.cur = l.m.body
	l.advance(nil) // an empty body: go on to the tail
}

// advance moves past finished segments; it reports true when the message
// is done and its digest given to out.
func (l *lane) advance(out func(int, [Size]byte)) bool {
	for len(l.cur) == 0 {
		switch {
		case l.second:
			out(l.idx, digest(&l.h))
			return true
		case !l.tail:
			l.tail, l.cur = true, l.m.tail[:l.m.ntail]
		default:
			digestBlock(&l.blk, &l.h)
			l.h, l.cur, l.second = iv, l.blk[:], true
		}
	}
	return false
}
