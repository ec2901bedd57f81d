package mmap

import "syscall"

const madvHugepage = 14 // MADV_HUGEPAGE

func madviseHuge(b []byte) error { return syscall.Madvise(b, madvHugepage) }

// PhysicalMemory returns the machine's RAM in bytes, or 0 if unknown.
func PhysicalMemory() uint64 {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit)
}
