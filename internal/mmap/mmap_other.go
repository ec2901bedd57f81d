//go:build !unix

package mmap

import (
	"errors"
	"io"
)

// Without mmap(2) the file is read into memory; writable maps are refused.
func (m *Map) remap(size int64) error {
	if m.writable {
		return errors.New("mmap: writable maps are not supported on this platform")
	}
	b := make([]byte, size)
	if _, err := m.f.ReadAt(b, 0); err != nil && err != io.EOF {
		return err
	}
	m.data = b
	return nil
}

func (m *Map) unmap() error { m.data = nil; return nil }

// Sync is a no-op on platforms without writable maps.
func (m *Map) Sync() error { return nil }

func anon(size int64) ([]byte, error) { return make([]byte, size), nil }
