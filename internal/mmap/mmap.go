package mmap

import (
	"errors"
	"fmt"
	"os"
)

// Map is a memory map of a file.
type Map struct {
	f        *os.File
	data     []byte
	writable bool
	owned    bool // f was opened by this package and is closed by Close
}

// Open maps the whole file at path read-only.
func Open(path string) (*Map, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	m := &Map{f: f, owned: true}
	if err := m.remap(fi.Size()); err != nil {
		f.Close()
		return nil, fmt.Errorf("mmap %s: %w", path, err)
	}
	return m, nil
}

// OpenFile maps the first size bytes of f, read-write if writable. When
// writable and the file is shorter than size it is extended. The caller keeps
// ownership of f.
func OpenFile(f *os.File, size int64, writable bool) (*Map, error) {
	m := &Map{f: f, writable: writable}
	if err := m.Remap(size); err != nil {
		return nil, err
	}
	return m, nil
}

// Anon maps size bytes of zeroed anonymous memory, read-write, backed by
// no file and by transparent huge pages where the system offers them.
// Sync does nothing on it and Remap refuses it; Close releases it.
func Anon(size int64) (*Map, error) {
	b, err := anon(size)
	if err != nil {
		return nil, fmt.Errorf("mmap %d anonymous bytes: %w", size, err)
	}
	return &Map{data: b, writable: true}, nil
}

// Bytes returns the mapped bytes. The slice is valid until the next Remap or
// Close.
func (m *Map) Bytes() []byte { return m.data }

// Len returns the mapped length.
func (m *Map) Len() int { return len(m.data) }

// Remap changes the mapped length to size, extending a writable file first.
func (m *Map) Remap(size int64) error {
	if m.f == nil {
		return errors.New("mmap: an anonymous map cannot be resized")
	}
	if m.writable {
		fi, err := m.f.Stat()
		if err != nil {
			return err
		}
		if fi.Size() < size {
			if err := m.f.Truncate(size); err != nil {
				return fmt.Errorf("grow %s: %w", m.f.Name(), err)
			}
		}
	}
	if err := m.unmap(); err != nil {
		return err
	}
	if err := m.remap(size); err != nil {
		return fmt.Errorf("mmap %s: %w", m.f.Name(), err)
	}
	return nil
}

// Close unmaps the file (and closes it when Open opened it).
func (m *Map) Close() error {
	err := m.unmap()
	if m.owned {
		if cerr := m.f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
