package term

import (
	"strings"
	"testing"
	"time"
)

// TestBarLine: one rate and one ETA, no rate before there is one, units
// fixed by the total, and a later phase shown as itself.
func TestBarLine(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	type step struct {
		at    time.Duration // since the start
		total int64
		add   int64
		phase string
		want  []string // in the line
		not   []string // not in the line
	}
	tests := []struct {
		name  string
		unit  string
		steps []step
	}{
		{name: "bytes with a total", unit: "bytes", steps: []step{
			{total: 40 << 20, want: []string{"load x  reading", "0% [", "0.0 / 40.0 MiB"}, not: []string{"/s", "ETA", "/hr", "B/s"}},
			{at: 500 * time.Millisecond, add: 512 << 10, want: []string{"1% [", "0.5 / 40.0 MiB"}, not: []string{"/s", "ETA", "KiB"}},
			{at: 2 * time.Second, add: 19<<20 + 512<<10, want: []string{"50% [", "20.0 / 40.0 MiB", "  10.0 MiB/s  ETA 2s"}},
			{at: 4 * time.Second, add: 20 << 20, want: []string{"100% [", "40.0 / 40.0 MiB", "10.0 MiB/s"}, not: []string{"ETA"}},
			{at: 5 * time.Second, phase: "committing", want: []string{"load x  committing  40.0 MiB read  0s"}, not: []string{"%", "/s", "ETA"}},
			{at: 8 * time.Second, want: []string{"committing  40.0 MiB read  3s"}, not: []string{"%", "/s", "ETA"}},
		}},
		{name: "bytes of unknown size", unit: "bytes", steps: []step{
			{add: 100, want: []string{"reading     0.0 MiB"}, not: []string{"%", "/s"}},
			{at: 3 * time.Second, add: 30<<20 - 100, want: []string{"reading     30.0 MiB  10.0 MiB/s"}, not: []string{"%", "ETA"}},
			{at: 4 * time.Second, add: 2 << 30, want: []string{"2078.0 MiB"}, not: []string{"GiB"}},
		}},
		{name: "blocks", unit: "blocks", steps: []step{
			{total: 18125, add: 0, want: []string{"load x  ", "0 / 18,125 blocks"}, not: []string{"reading", "/s"}},
			{at: 2 * time.Second, add: 10000, want: []string{"55% [", "10,000 / 18,125 blocks  5,000 blocks/s  ETA 1.6s"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now := t0
			b := &bar{task: "load x", unit: tc.unit, now: func() time.Time { return now }, startAt: t0, phaseAt: t0}
			if tc.unit == "bytes" {
				b.phase = "reading"
			}
			for i, s := range tc.steps {
				now = t0.Add(s.at)
				if s.total > 0 {
					b.total = s.total
					b.scale, b.scaled = scaleFor(b.unit, s.total), true
				}
				b.cur += s.add
				if s.phase != "" {
					b.later = true
					b.phase, b.phaseAt, b.phaseFrom = s.phase, now, b.cur
				}
				line := b.line(false)
				for _, w := range s.want {
					if !strings.Contains(line, w) {
						t.Errorf("step %d: %q lacks %q", i, line, w)
					}
				}
				for _, w := range s.not {
					if strings.Contains(line, w) {
						t.Errorf("step %d: %q has %q", i, line, w)
					}
				}
				if n := strings.Count(line, "/s"); n > 1 {
					t.Errorf("step %d: %q shows %d rates", i, line, n)
				}
			}
		})
	}
}
