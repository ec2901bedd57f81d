//go:build !linux

package mmap

func madviseHuge([]byte) error { return nil }

// PhysicalMemory returns the machine's RAM in bytes, or 0 if unknown.
func PhysicalMemory() uint64 { return 0 }
