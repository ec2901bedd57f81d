package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coinsift/coinsift/casefile"
)

// TestDemoTiny runs the demo end to end on a tiny world: its steps run in
// lanes side by side on one shared case, and the audit log must still
// read in the demo's order, verify, and hold one line per changing step.
func TestDemoTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole demo")
	}
	out := filepath.Join(t.TempDir(), "demo")
	stdout, stderr := mustRun(t, "demo", "--scale", "tiny", "--out", out)
	if !strings.Contains(stdout+stderr, "coinsift demo finished") || !strings.Contains(stdout, "verified") {
		t.Fatalf("no summary:\n%s\n%s", stdout, stderr)
	}
	entries, err := casefile.ReadAudit(filepath.Join(out, "case", casefile.AuditLogFile))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if e.Status != casefile.StatusOK && e.Status != casefile.StatusQuarantined {
			t.Errorf("audit line %d: status %s (%s)", e.Seq, e.Status, e.Note)
		}
		for i, a := range e.Command {
			if i > 0 && !strings.HasPrefix(a, "-") && !strings.Contains(a, string(filepath.Separator)) {
				got = append(got, a)
				if i+1 < len(e.Command) && !strings.HasPrefix(e.Command[i+1], "-") && !strings.Contains(e.Command[i+1], string(filepath.Separator)) {
					got[len(got)-1] += " " + e.Command[i+1]
				}
				break
			}
		}
	}
	want := []string{"case init", "evidence add", "chain import", "prices import", "prices import", "tags import",
		"seized load", "cluster run", "link", "value", "trace payers", "persons", "place", "victims", "triage", "report referrals", "report referrals", "report summary"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("audit commands, in order:\n got %s\nwant %s", strings.Join(got, ", "), strings.Join(want, ", "))
	}
	for _, cc := range []string{"GB", "NL", "AU", "FR", "IE"} {
		if _, err := os.Stat(filepath.Join(out, "referrals", cc, "manifest.json")); err != nil {
			t.Errorf("referral package %s: %v", cc, err)
		}
	}
	var errb bytes.Buffer
	if err := run(context.Background(), []string{"--case", filepath.Join(out, "case"), "audit", "verify"}, strings.NewReader(""), &bytes.Buffer{}, &errb); err != nil {
		t.Errorf("audit verify: %v %s", err, errb.String())
	}
}

// TestAuditTurns: a step finishing early does not let a later step's
// audit line past the steps between them.
func TestAuditTurns(t *testing.T) {
	turns := newAuditTurns(3)
	var order []int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, step := range []int{6, 5, 4, 3} {
		wg.Go(func() {
			if err := turns.wait(context.Background(), step); err != nil {
				t.Error(err)
			}
			mu.Lock()
			order = append(order, step)
			mu.Unlock()
			turns.finish(step)
		})
	}
	wg.Wait()
	if fmt.Sprint(order) != "[3 4 5 6]" {
		t.Errorf("order %v, want [3 4 5 6]", order)
	}
	// Steps done out of order: 5 first, then 4; 6 may go only after both.
	turns = newAuditTurns(4)
	turns.finish(5)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := turns.wait(ctx, 6); err == nil {
		t.Error("step 6 went before step 4 was done")
	}
	turns.finish(4)
	if err := turns.wait(context.Background(), 6); err != nil {
		t.Error(err)
	}
}
