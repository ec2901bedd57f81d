//go:build !linux

package mmap

func madviseHuge([]byte) error { return nil }

// PhysicalMemory returns the machine's RAM in bytes, or 0 if unknown.
func PhysicalMemory() uint64 { return 0 }

// PopulateWrite prefaults pages for writing where the system supports it.
func (m *Map) PopulateWrite(off, n int64) {}
