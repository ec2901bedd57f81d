package term

import (
	"context"
	"io"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
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
		bb := &boardBar{start: time.Now(), unit: unit}
		if unit == "bytes" {
			bb.phase = "reading"
		}
		// The units are chosen once, from the total when it is known
		// (scaleFor), so that they do not change mid-way.
		name := decor.Any(func(s decor.Statistics) string {
			if ph := bb.phaseName(); ph != "" {
				return prefix + task + "  " + ph
			}
			return prefix + task
		}, decor.WCSyncSpaceR)
		count := decor.Any(func(s decor.Statistics) string {
			sc := bb.scaleOf(s.Total)
			if s.Total <= 0 || bb.isLater() {
				return sc.format(s.Current, true)
			}
			return sc.format(s.Current, false) + " / " + sc.format(s.Total, true)
		}, decor.WCSyncSpace)
		// A task of unknown size, or in a later phase, shows no share.
		share := decor.Any(func(s decor.Statistics) string {
			if s.Total <= 0 || bb.isLater() {
				return ""
			}
			return strconv.FormatInt(min(100, s.Current*100/s.Total), 10) + " %"
		}, decor.WCSyncSpace)
		// One rate, once there is one; a later phase shows its time.
		speed := decor.Any(func(s decor.Statistics) string {
			return bb.rateOrTime(s.Current, s.Total)
		}, decor.WCSyncSpace)
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.p == nil { // the board has closed
			return coinsift.NopProgress{}
		}
		bar := b.p.New(0, mpb.BarStyle(), mpb.BarRemoveOnComplete(),
			mpb.PrependDecorators(name, count),
			mpb.AppendDecorators(share, speed))
		b.bs = append(b.bs, bar)
		bb.b = bar
		return bb
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
	unit  string
	start time.Time
	cur   atomic.Int64 // work reported so far
	mu    sync.Mutex
	total int64
	done  bool
	// Guarded by mu, read by the decorators.
	phase   string
	phaseAt time.Time
	later   bool
	scale   scale
	scaled  bool
}

var _ coinsift.Phaser = (*boardBar)(nil)

// Phase starts a new phase of the task (coinsift.Phaser).
func (p *boardBar) Phase(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done || name == p.phase {
		return
	}
	if p.cur.Load() == 0 && !p.later {
		p.phase = name
		return
	}
	p.phase, p.phaseAt, p.later = name, time.Now(), true
}

func (p *boardBar) phaseName() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.phase
}

func (p *boardBar) isLater() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.later
}

// scaleOf returns the bar's units, chosen on first use from total.
func (p *boardBar) scaleOf(total int64) scale {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.scaled {
		p.scale, p.scaled = scaleFor(p.unit, total), true
	}
	return p.scale
}

// rateOrTime is the rate of the first phase, shown once a second has
// passed, with an ETA when the total is known; or a later phase's time.
func (p *boardBar) rateOrTime(cur, total int64) string {
	sc := p.scaleOf(total)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.later {
		return round(time.Since(p.phaseAt)).String()
	}
	el := time.Since(p.start)
	if el < time.Second || cur <= 0 {
		return ""
	}
	r := float64(cur) / el.Seconds()
	out := sc.rate(r)
	if total > 0 && cur < total {
		out += "  ETA " + round(time.Duration(float64(total-cur)/r*float64(time.Second))).String()
	}
	return out
}

// The methods below never call the mpb bar while holding mu: its
// decorators take mu while the bar renders.

func (p *boardBar) SetTotal(n int64) {
	p.mu.Lock()
	if n <= 0 || p.done {
		p.mu.Unlock()
		return
	}
	p.total = n
	if !p.scaled || p.cur.Load() == 0 {
		p.scale, p.scaled = scaleFor(p.unit, n), true
	}
	p.mu.Unlock()
	p.b.SetTotal(n, false)
}

func (p *boardBar) Add(n int64) {
	p.cur.Add(n)
	p.b.IncrInt64(n)
}

func (p *boardBar) Done() {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return
	}
	p.done = true
	p.mu.Unlock()
	p.b.SetTotal(-1, true) // complete at the count reached
}
