//go:build amd64 && !purego

package sha256d

import "github.com/klauspost/cpuid/v2"

//go:generate sh -c "go run gen.go > sha256d_amd64.s"

var useAsm = cpuid.CPU.Supports(cpuid.SHA, cpuid.SSE4, cpuid.SSSE3, cpuid.AVX)

// block1 hashes n 64-byte blocks at ap into the state ah.
//
//go:noescape
func block1(ah *[8]uint32, ap *byte, n int)

// block2 hashes n blocks at ap into ah and n blocks at bp into bh,
// interleaved.
//
//go:noescape
func block2(ah, bh *[8]uint32, ap, bp *byte, n int)
