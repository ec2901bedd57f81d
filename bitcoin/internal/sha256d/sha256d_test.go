package sha256d

import (
	"crypto/sha256"
	"math/rand/v2"
	"testing"
)

func ref(m []byte) [Size]byte {
	f := sha256.Sum256(m)
	return sha256.Sum256(f[:])
}

// lengths covers every tail shape: empty, within one block, the 55/56
// boundary where padding spills into a second block, whole blocks, and
// long messages.
var lengths = []int{0, 1, 31, 32, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 191, 192, 250, 460, 1000, 4096, 10007}

func message(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestSum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range lengths {
		m := message(r, n)
		if got, want := Sum(m), ref(m); got != want {
			t.Errorf("Sum(%d bytes) = %x, want %x", n, got, want)
		}
	}
}

func TestSum2(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, na := range lengths {
		for _, nb := range lengths {
			a, b := message(r, na), message(r, nb)
			da, db := Sum2(a, b)
			if want := ref(a); da != want {
				t.Errorf("Sum2(%d, %d bytes): first = %x, want %x", na, nb, da, want)
			}
			if want := ref(b); db != want {
				t.Errorf("Sum2(%d, %d bytes): second = %x, want %x", na, nb, db, want)
			}
		}
	}
}

// TestKnown checks a published value: the genesis block's hash.
func TestKnown(t *testing.T) {
	hdr := []byte("\x01\x00\x00\x00" + string(make([]byte, 32)) +
		"\x3b\xa3\xed\xfd\x7a\x7b\x12\xb2\x7a\xc7\x2c\x3e\x67\x76\x8f\x61\x7f\xc8\x1b\xc3\x88\x8a\x51\x32\x3a\x9f\xb8\xaa\x4b\x1e\x5e\x4a" +
		"\x29\xab\x5f\x49\xff\xff\x00\x1d\x1d\xac\x2b\x7c")
	d := Sum(hdr)
	for i, j := 0, len(d)-1; i < j; i, j = i+1, j-1 {
		d[i], d[j] = d[j], d[i]
	}
	const genesis = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
	if got := hexOf(d[:]); got != genesis {
		t.Fatalf("genesis hash %s, want %s", got, genesis)
	}
	_, d2 := Sum2(nil, hdr)
	if d2 != Sum(hdr) {
		t.Fatal("Sum2 and Sum disagree on the genesis header")
	}
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	s := make([]byte, 0, 2*len(b))
	for _, c := range b {
		s = append(s, digits[c>>4], digits[c&15])
	}
	return string(s)
}

func FuzzSum2(f *testing.F) {
	f.Add([]byte("abc"), []byte{})
	f.Add(make([]byte, 55), make([]byte, 56))
	f.Add(make([]byte, 200), make([]byte, 64))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		da, db := Sum2(a, b)
		if da != ref(a) || db != ref(b) {
			t.Fatalf("Sum2(%d, %d bytes) disagrees with crypto/sha256", len(a), len(b))
		}
		if Sum(a) != ref(a) {
			t.Fatalf("Sum(%d bytes) disagrees with crypto/sha256", len(a))
		}
	})
}

func benchMsgs(n int) [][]byte {
	r := rand.New(rand.NewPCG(5, 6))
	ms := make([][]byte, 64)
	for i := range ms {
		ms[i] = message(r, n)
	}
	return ms
}

// BenchmarkDouble compares crypto/sha256 twice, Sum and Sum2 on messages
// of a transaction's typical size.
func BenchmarkDouble(b *testing.B) {
	for _, n := range []int{64, 250, 460} {
		ms := benchMsgs(n)
		b.Run("crypto/sha256/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n * len(ms)))
			for b.Loop() {
				for _, m := range ms {
					ref(m)
				}
			}
		})
		b.Run("Sum/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n * len(ms)))
			for b.Loop() {
				for _, m := range ms {
					Sum(m)
				}
			}
		})
		b.Run("Sum2/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n * len(ms)))
			for b.Loop() {
				for i := 0; i < len(ms); i += 2 {
					Sum2(ms[i], ms[i+1])
				}
			}
		})
		b.Run("Many/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n * len(ms)))
			for b.Loop() {
				Many(len(ms), func(i int) []byte { return ms[i] }, func(int, [Size]byte) {})
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestMany(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 3, 7, 64} {
		var ms [][]byte
		for i := 0; i < n; i++ {
			ms = append(ms, message(r, lengths[r.IntN(len(lengths))]))
		}
		got := make([][Size]byte, n)
		seen := make([]int, n)
		Many(n, func(i int) []byte { return ms[i] }, func(i int, d [Size]byte) { got[i] = d; seen[i]++ })
		for i, m := range ms {
			if seen[i] != 1 {
				t.Fatalf("n=%d: message %d reported %d times", n, i, seen[i])
			}
			if got[i] != ref(m) {
				t.Errorf("n=%d: message %d (%d bytes) = %x, want %x", n, i, len(m), got[i], ref(m))
			}
		}
	}
}

func FuzzMany(f *testing.F) {
	f.Add([]byte("abc"), uint8(3))
	f.Add(make([]byte, 300), uint8(17))
	f.Fuzz(func(t *testing.T, data []byte, cuts uint8) {
		// Split data into messages at pseudo-random points.
		var ms [][]byte
		r := rand.New(rand.NewPCG(uint64(cuts), uint64(len(data))))
		for rest := data; len(rest) > 0; {
			k := r.IntN(len(rest) + 1)
			ms = append(ms, rest[:k])
			rest = rest[k:]
		}
		ms = append(ms, nil)
		Many(len(ms), func(i int) []byte { return ms[i] }, func(i int, d [Size]byte) {
			if d != ref(ms[i]) {
				t.Fatalf("message %d of %d (%d bytes) disagrees with crypto/sha256", i, len(ms), len(ms[i]))
			}
		})
	})
}
