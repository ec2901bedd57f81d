package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestDemoLogOrder: steps that run side by side write their lines in step
// order, each step's lines together, whatever the order they happen in.
func TestDemoLogOrder(t *testing.T) {
	// Steps 1-3 run one after the other; then lane A runs 4-7 and lane B
	// runs 8-9 at the same time; then 10.
	events := []struct {
		step int
		line string // "" finishes the step
	}{
		{1, "[1] start"}, {1, "[1] done"}, {1, ""},
		{2, "[2] start"}, {2, "[2] done"}, {2, ""},
		{3, "[3] start"}, {3, "[3] done"}, {3, ""},
		{4, "[4] start"}, {8, "[8] start"}, {8, "[8] warning"}, {4, "[4] log"},
		{8, "[8] done"}, {8, ""}, {9, "[9] start"},
		{4, "[4] done"}, {4, ""}, {5, "[5] start"}, {5, "[5] done"}, {5, ""},
		{9, "[9] done"}, {9, ""},
		{6, "[6] start"}, {6, "[6] done"}, {6, ""}, {7, "[7] start"}, {7, "[7] done"}, {7, ""},
		{10, "[10] start"}, {10, "[10] done"}, {10, ""},
	}
	var want []string
	for i := 1; i <= 10; i++ {
		for _, e := range events {
			if e.step == i && e.line != "" {
				want = append(want, e.line)
			}
		}
	}
	var buf bytes.Buffer
	d := &demoRun{g: &globals{stderr: &buf}, next: 1}
	for _, e := range events {
		if e.line == "" {
			d.finish(e.step)
		} else {
			d.say(e.step, e.line)
		}
	}
	if got := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("log\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDemoLogOrderConcurrent runs two lanes in goroutines, many times: the
// log is in step order every time.
func TestDemoLogOrderConcurrent(t *testing.T) {
	for run := 0; run < 50; run++ {
		var buf bytes.Buffer
		d := &demoRun{g: &globals{stderr: &buf}, next: 1}
		var wg sync.WaitGroup
		for _, lane := range [][]int{{1, 2, 3, 4}, {5, 6}} {
			wg.Go(func() {
				for _, i := range lane {
					w := &stepWriter{d: d, i: i}
					d.say(i, fmt.Sprintf("[%d] start", i))
					fmt.Fprintf(w, "step %d writes", i)
					fmt.Fprintf(w, " a line\nand half")
					w.flush()
					d.say(i, fmt.Sprintf("[%d] done", i))
					d.finish(i)
				}
			})
		}
		wg.Wait()
		d.flushHeld()
		var want strings.Builder
		for i := 1; i <= 6; i++ {
			fmt.Fprintf(&want, "[%d] start\nstep %d writes a line\nand half\n[%d] done\n", i, i, i)
		}
		if buf.String() != want.String() {
			t.Fatalf("run %d: log\n%s\nwant\n%s", run, buf.String(), want.String())
		}
	}
}
