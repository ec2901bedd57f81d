package term

import (
	"io"
	"os"
	"sync"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// NewProgressFunc returns a coinsift.ProgressFunc that draws bars on w when
// enabled and w is a terminal, and discards progress otherwise.
func NewProgressFunc(w io.Writer, enabled bool) coinsift.ProgressFunc {
	if !enabled || !IsTerminal(w) {
		return coinsift.NopProgressFunc
	}
	return func(task, unit string) coinsift.Progress {
		return newBar(w, task, unit)
	}
}

type bar struct {
	mu   sync.Mutex
	b    *progressbar.ProgressBar
	done bool
}

func newBar(w io.Writer, task, unit string) *bar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(task),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionOnCompletion(func() { io.WriteString(w, "\n") }),
	}
	if unit == "bytes" {
		opts = append(opts, progressbar.OptionShowBytes(true))
	}
	return &bar{b: progressbar.NewOptions64(-1, opts...)}
}

func (p *bar) SetTotal(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n > 0 {
		p.b.ChangeMax64(n)
	}
}

func (p *bar) Add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.b.Add64(n)
}

func (p *bar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	p.b.Finish()
}
