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

const madvPopulateWrite = 23 // MADV_POPULATE_WRITE, Linux 5.14+

// PopulateWrite prefaults n bytes at off of a writable map for writing, in
// one system call instead of one page fault per page. It is a hint: where
// unsupported it does nothing.
func (m *Map) PopulateWrite(off, n int64) {
	if !m.writable || off < 0 || n <= 0 || off >= int64(len(m.data)) {
		return
	}
	const page = 4096
	start := off &^ (page - 1)
	end := min(off+n, int64(len(m.data)))
	_ = syscall.Madvise(m.data[start:end], madvPopulateWrite)
}
