package term

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// console is a terminal of 100 columns writing to w, without the cursor
// movements a real one needs.
type console struct {
	w   *syncBuffer
	buf bytes.Buffer
}

func (c *console) Write(p []byte) (int, error)         { return c.buf.Write(p) }
func (c *console) ReadFrom(r io.Reader) (int64, error) { return c.buf.ReadFrom(r) }
func (c *console) IsTerminal() bool                    { return true }
func (c *console) GetTermSize() (int, int, error)      { return 100, 40, nil }
func (c *console) Flush(int) error {
	_, err := c.w.Write(c.buf.Bytes())
	c.buf.Reset()
	return err
}

func TestBoardNotTerminal(t *testing.T) {
	var out syncBuffer
	b := NewBoard(context.Background(), &out, true) // a buffer is no terminal
	if b.Enabled() {
		t.Fatal("board draws on a buffer")
	}
	p := b.ProgressFunc("[1] ")("load", "rows")
	p.SetTotal(10)
	p.Add(10)
	p.Done()
	b.Println("[1/2] step")
	b.Close()
	b.Println("after")
	if got := out.String(); got != "[1/2] step\nafter\n" {
		t.Errorf("output %q; want the two lines only", got)
	}
}

func TestBoardDraws(t *testing.T) {
	var out syncBuffer
	b := newBoard(context.Background(), &out, &console{w: &out})
	pf := b.ProgressFunc("[3] ")
	known := pf("import blocks", "blocks")
	known.SetTotal(200)
	unknown := pf("load dump.sql", "bytes")
	b.Println("[4/9] a step line")
	known.Add(150)
	unknown.Add(3 << 20)
	known.Done()
	known.Done() // twice is harmless
	time.Sleep(400 * time.Millisecond)
	// unknown never says Done (its step failed): Close must not hang.
	b.Close()
	got := out.String()
	for _, want := range []string{"[4/9] a step line\n", "[3] import blocks", "[3] load dump.sql", "MiB"} {
		if !strings.Contains(got, want) {
			t.Errorf("board output lacks %q:\n%s", want, got)
		}
	}
	b.Println("after close")
	if !strings.HasSuffix(out.String(), "after close\n") {
		t.Error("Println after Close is lost")
	}
}
