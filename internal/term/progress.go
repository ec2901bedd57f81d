package term

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"golang.org/x/term"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
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
	width := 0
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			width = cols
		}
	}
	return func(task, unit string) coinsift.Progress {
		return newBar(w, task, unit, width, time.Now)
	}
}

// barRefresh is how often a bar is redrawn, also when no work is reported
// (a phase such as committing shows its elapsed time).
const barRefresh = 200 * time.Millisecond

// bar draws one task on one line, redrawn in place:
//
//	load ispoof.sql  reading     74% [██████████████      ]  30.9 / 41.6 MiB  8.8 MiB/s  ETA 1s
//	load ispoof.sql  committing      [   <=>              ]  41.6 MiB  3s
//
// One rate and one ETA, shown only once there is a rate (a second into the
// phase); units chosen once, from the total when it is known; and each
// phase (coinsift.SetPhase) shown as itself, not as a bar at 100 %.
type bar struct {
	mu    sync.Mutex
	w     io.Writer
	task  string
	unit  string
	width int // terminal columns, 0 if unknown
	now   func() time.Time

	total, cur int64
	startAt    time.Time
	later      bool // a phase after the first: no share of the total, no ETA
	phase      string
	phaseAt    time.Time // start of the phase
	phaseFrom  int64     // cur at the start of the phase
	scale      scale
	scaled     bool // scale chosen
	drawn      time.Time
	done       bool
	stop       chan struct{}
}

func newBar(w io.Writer, task, unit string, width int, now func() time.Time) *bar {
	t := now()
	b := &bar{w: w, task: task, unit: unit, width: width, now: now, phase: "reading", startAt: t, phaseAt: t, stop: make(chan struct{})}
	if unit != "bytes" {
		b.phase = ""
	}
	go b.tick()
	return b
}

// tick redraws the bar while it lasts, so that time moves on the screen
// when no work is reported.
func (b *bar) tick() {
	t := time.NewTicker(barRefresh)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.mu.Lock()
			if !b.done {
				b.draw(false)
			}
			b.mu.Unlock()
		}
	}
}

func (b *bar) SetTotal(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > 0 && !b.done {
		b.total = n
		if !b.scaled || b.cur == 0 {
			b.scale, b.scaled = scaleFor(b.unit, n), true
		}
	}
}

func (b *bar) Add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return
	}
	b.cur += n
	if b.now().Sub(b.drawn) >= barRefresh {
		b.draw(false)
	}
}

// Phase starts a new phase of the task ("reading", "committing"): its rate
// and ETA start afresh.
func (b *bar) Phase(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done || name == b.phase {
		return
	}
	if b.cur == 0 && !b.later {
		b.phase = name // nothing done yet: the first phase has another name
		return
	}
	b.later = true
	b.phase, b.phaseAt, b.phaseFrom = name, b.now(), b.cur
	b.draw(false)
}

func (b *bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return
	}
	b.draw(true)
	b.done = true
	close(b.stop)
	io.WriteString(b.w, "\n")
}

// draw writes the line; the caller holds mu.
func (b *bar) draw(final bool) {
	b.drawn = b.now()
	line := b.line(final)
	if b.width > 1 && len([]rune(line)) > b.width-1 {
		line = string([]rune(line)[:b.width-1])
	}
	io.WriteString(b.w, "\r"+line+"\x1b[K")
}

// line renders the bar.
func (b *bar) line(final bool) string {
	if !b.scaled {
		b.scale, b.scaled = scaleFor(b.unit, b.total), true
	}
	now := b.now()
	elapsed := now.Sub(b.phaseAt)
	var s strings.Builder
	s.WriteString(b.task)
	phase := b.phase
	if final {
		phase = "done"
	}
	if phase != "" {
		fmt.Fprintf(&s, "  %-10s", phase)
	}
	// A phase after the first has no share of the total: it is work of
	// another kind (committing what was read).
	first := !b.later
	switch {
	case b.total > 0 && first && !final:
		pct := min(100, b.cur*100/b.total)
		const cells = 24
		fill := int(min(cells, b.cur*cells/b.total))
		fmt.Fprintf(&s, "  %3d%% [%s%s]  %s / %s", pct, strings.Repeat("█", fill), strings.Repeat(" ", cells-fill),
			b.scale.format(b.cur, false), b.scale.format(b.total, true))
	case !first:
		s.WriteString("  " + b.scale.format(b.cur, true) + " read")
	default:
		s.WriteString("  " + b.scale.format(b.cur, true))
	}
	if final {
		fmt.Fprintf(&s, " in %s", round(now.Sub(b.startAt)))
		return s.String()
	}
	done := b.cur - b.phaseFrom
	if first && elapsed >= time.Second && done > 0 {
		rate := float64(done) / elapsed.Seconds()
		s.WriteString("  " + b.scale.rate(rate))
		if b.total > 0 && b.cur < b.total {
			eta := time.Duration(float64(b.total-b.cur) / rate * float64(time.Second))
			s.WriteString("  ETA " + round(eta).String())
		}
	} else if !first {
		s.WriteString("  " + round(elapsed).String())
	}
	return s.String()
}

// round shortens a duration for a bar: whole seconds, or tenths under 10 s.
func round(d time.Duration) time.Duration {
	if d < 10*time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Second)
}

// scale is the unit a bar shows its counts and rate in, chosen once.
type scale struct {
	div  float64
	name string // "MiB", "rows"
	dec  int    // decimals
}

// scaleFor chooses the unit of a bar from its total (bytes: KiB, MiB or
// GiB; unknown total: MiB), so that it does not change during the task.
func scaleFor(unit string, total int64) scale {
	if unit != "bytes" {
		return scale{div: 1, name: unit}
	}
	switch {
	case total <= 0:
		return scale{div: 1 << 20, name: "MiB", dec: 1}
	case total >= 10<<30:
		return scale{div: 1 << 30, name: "GiB", dec: 2}
	case total >= 1<<20:
		return scale{div: 1 << 20, name: "MiB", dec: 1}
	}
	return scale{div: 1 << 10, name: "KiB", dec: 1}
}

// format writes n in the scale, with the unit's name if named.
func (sc scale) format(n int64, named bool) string {
	var v string
	if sc.div == 1 {
		v = groupDigits(n)
	} else {
		v = strconv.FormatFloat(float64(n)/sc.div, 'f', sc.dec, 64)
	}
	if named {
		return v + " " + sc.name
	}
	return v
}

// rate writes a rate per second in the scale.
func (sc scale) rate(perSec float64) string {
	if sc.div == 1 {
		return groupDigits(int64(perSec)) + " " + sc.name + "/s"
	}
	return strconv.FormatFloat(perSec/sc.div, 'f', sc.dec, 64) + " " + sc.name + "/s"
}

// english groups digits by thousands with commas (golang.org/x/text).
var english = message.NewPrinter(language.English)

// groupDigits writes n with thousands separators: 1,234,567.
func groupDigits(n int64) string { return english.Sprintf("%d", n) }
