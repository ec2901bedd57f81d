package world

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/rand/v2"
)

// newRand returns the PCG stream named name under seed. Each part of the world
// draws from its own stream so that changing one part leaves the others alone.
func newRand(seed uint64, name string) *rand.Rand {
	h := sha256.Sum256([]byte(name))
	return rand.New(rand.NewPCG(seed^binary.LittleEndian.Uint64(h[:8]), binary.LittleEndian.Uint64(h[8:16])))
}

// poisson draws a Poisson variate with mean lambda (Knuth for small means,
// a rounded normal for large ones).
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		v := int(math.Round(lambda + math.Sqrt(lambda)*r.NormFloat64()))
		if v < 0 {
			return 0
		}
		return v
	}
	l := math.Exp(-lambda)
	k, p := 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// lognormal draws a log-normal variate with the given mean and shape sigma.
func lognormal(r *rand.Rand, mean, sigma float64) float64 {
	mu := math.Log(mean) - sigma*sigma/2
	return math.Exp(mu + sigma*r.NormFloat64())
}

// weighted picks an index with probability proportional to w.
func weighted(r *rand.Rand, w []float64) int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	v := r.Float64() * sum
	for i, x := range w {
		v -= x
		if v < 0 {
			return i
		}
	}
	return len(w) - 1
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
