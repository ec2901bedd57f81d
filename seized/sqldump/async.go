package sqldump

import (
	"io"
	"sync"
)

// asyncReader reads from r in a goroutine (gzip inflation runs on another
// core than parsing) through a ring of fixed-size blocks: memory is bounded
// by nblocks*size.
type asyncReader struct {
	full  chan block
	free  chan []byte
	done  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
	cur   block
	off   int
	err   error
	final bool
}

type block struct {
	b   []byte
	err error
}

func newAsyncReader(r io.Reader, size, nblocks int) *asyncReader {
	a := &asyncReader{
		full: make(chan block, nblocks),
		free: make(chan []byte, nblocks),
		done: make(chan struct{}),
	}
	for i := 0; i < nblocks; i++ {
		a.free <- make([]byte, size)
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		a.run(r)
	}()
	return a
}

func (a *asyncReader) run(r io.Reader) {
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		case <-a.done:
			return
		}
		n, err := fillBlock(r, buf)
		select {
		case a.full <- block{buf[:n], err}:
		case <-a.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *asyncReader) Read(p []byte) (int, error) {
	for a.off >= len(a.cur.b) {
		if a.final {
			return 0, a.err
		}
		if a.cur.b != nil {
			a.free <- a.cur.b[:cap(a.cur.b)]
			a.cur.b = nil
		}
		blk, ok := <-a.full
		if !ok {
			return 0, io.EOF
		}
		a.cur, a.off = blk, 0
		if blk.err != nil {
			a.final, a.err = true, blk.err
		}
	}
	n := copy(p, a.cur.b[a.off:])
	a.off += n
	return n, nil
}

// Close stops the goroutine and waits for it.
func (a *asyncReader) Close() {
	a.once.Do(func() { close(a.done) })
	a.wg.Wait()
}

// fillBlock reads into buf until it is full or r fails. Unlike io.ReadFull
// it keeps r's own io.ErrUnexpectedEOF (a gzip stream that ends early)
// apart from a clean io.EOF after a partial block.
func fillBlock(r io.Reader, buf []byte) (int, error) {
	n, idle := 0, 0
	for n < len(buf) {
		k, err := r.Read(buf[n:])
		n += k
		if err != nil {
			return n, err
		}
		if k > 0 {
			idle = 0
		} else if idle++; idle >= 100 {
			return n, io.ErrNoProgress
		}
	}
	return n, nil
}
