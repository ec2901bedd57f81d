package term

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	coinsift "github.com/coinsift/coinsift"
)

// Board draws the progress of tasks that run at the same time, one line
// per task, redrawn in place: the demo's lanes (the chain import beside
// the seized load) report through one Board instead of bars that would
// overwrite each other. A Board on a writer that is no terminal draws
// nothing. Lines written with Println appear above the bars.
type Board struct {
	w  io.Writer
	mu sync.Mutex    // guards p and bs
	p  *mpb.Progress // nil when disabled or closed
	bs []*mpb.Bar    // bars made, for Close
}

// NewBoard returns a Board drawing on w while ctx lasts, or a Board that
// only passes Println through when !enabled or w is no terminal.
//
// The board draws only on a terminal that tells its width: mpb draws
// nothing, not even the lines above the bars, where it cannot learn it.
func NewBoard(ctx context.Context, w io.Writer, enabled bool) *Board {
	if f, ok := w.(*os.File); ok && enabled && IsTerminal(w) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width >= 40 {
			return newBoard(ctx, w, nil)
		}
	}
	return &Board{w: w}
}

// newBoard returns a drawing board; cw, if not nil, is the console it
// draws on instead of w (tests).
func newBoard(ctx context.Context, w io.Writer, cw mpb.ConsoleWriter) *Board {
	b := &Board{w: w}
	b.p = mpb.NewWithContext(ctx, mpb.WithOutput(w), mpb.WithWidth(30), mpb.WithRefreshRate(150*time.Millisecond),
		mpb.ContainerOptional(mpb.WithConsoleWriter(cw), cw != nil))
	return b
}

// Enabled reports whether the board draws bars.
func (b *Board) Enabled() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.p != nil
}

// Println writes a line above the bars.
func (b *Board) Println(s string) {
	b.Write([]byte(s + "\n"))
}

// Write writes p above the bars (whole lines, such as log records, read
// best); it is how the commands that run under the board write to stderr.
func (b *Board) Write(p []byte) (int, error) {
	b.mu.Lock()
	mp := b.p
	b.mu.Unlock()
	if mp != nil {
		if n, err := mp.Write(p); err == nil {
			return n, nil
		}
		// The board has shut down: write straight through.
	}
	return b.w.Write(p)
}

// ProgressFunc returns a coinsift.ProgressFunc whose tasks are lines of the
// board, named prefix + task.
func (b *Board) ProgressFunc(prefix string) coinsift.ProgressFunc {
	if !b.Enabled() {
		return coinsift.NopProgressFunc
	}
	return func(task, unit string) coinsift.Progress {
		format := func(n int64) string { return strconv.FormatInt(n, 10) }
		speed := decor.AverageSpeed(0, "%.0f "+unit+"/s", decor.WCSyncSpace)
		if unit == "bytes" {
			format = func(n int64) string { return fmt.Sprintf("% .1f", decor.SizeB1024(n)) }
			speed = decor.AverageSpeed(decor.SizeB1024(0), "% .1f", decor.WCSyncSpace)
		} else {
			name := format
			format = func(n int64) string { return name(n) + " " + unit }
		}
		// A task of unknown size shows what it has done, no share of it.
		count := decor.Any(func(s decor.Statistics) string {
			if s.Total <= 0 {
				return format(s.Current)
			}
			return format(s.Current) + " / " + format(s.Total)
		}, decor.WCSyncSpace)
		share := decor.Any(func(s decor.Statistics) string {
			if s.Total <= 0 {
				return ""
			}
			return strconv.FormatInt(min(100, s.Current*100/s.Total), 10) + " %"
		}, decor.WCSyncSpace)
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.p == nil { // the board has closed
			return coinsift.NopProgress{}
		}
		bar := b.p.New(0, mpb.BarStyle(), mpb.BarRemoveOnComplete(),
			mpb.PrependDecorators(decor.Name(prefix+task, decor.WCSyncSpaceR), count),
			mpb.AppendDecorators(share, speed))
		b.bs = append(b.bs, bar)
		return &boardBar{b: bar}
	}
}

// Close completes the bars whose tasks ended without Done (an error) and
// stops drawing. The Board passes Println through afterwards.
func (b *Board) Close() {
	b.mu.Lock()
	closed := b.p == nil
	b.mu.Unlock()
	if closed {
		return
	}
	b.mu.Lock()
	for _, bar := range b.bs {
		bar.Abort(false)
	}
	b.bs = nil
	mp := b.p
	b.p = nil
	b.mu.Unlock()
	mp.Wait()
}

type boardBar struct {
	b     *mpb.Bar
	mu    sync.Mutex
	total int64
	done  bool
}

func (p *boardBar) SetTotal(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n > 0 && !p.done {
		p.total = n
		p.b.SetTotal(n, false)
	}
}

func (p *boardBar) Add(n int64) {
	p.b.IncrInt64(n)
}

func (p *boardBar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	p.b.SetTotal(-1, true) // complete at the count reached
}
