//go:build !amd64 || purego

package sha256d

const useAsm = false

func block1(ah *[8]uint32, ap *byte, n int)         { panic("sha256d: no assembly") }
func block2(ah, bh *[8]uint32, ap, bp *byte, n int) { panic("sha256d: no assembly") }
