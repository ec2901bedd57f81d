package main

import (
	"context"
	"path/filepath"
	"sync"

	"github.com/coinsift/coinsift/casefile"
)

// sharedCase is a case the demo holds open for its steps, so that steps
// that do not depend on each other run at the same time in one process
// (a case is locked by one opener). Each command gets a borrowed handle;
// step is the command's place in the demo, and its audit line waits for
// the lines of the steps before it, so that the audit log reads in the
// demo's order whatever finishes first.
type sharedCase struct {
	c     *casefile.Case
	turns *auditTurns
	step  int
}

type sharedKey struct{}

func withSharedCase(ctx context.Context, s *sharedCase) context.Context {
	return context.WithValue(ctx, sharedKey{}, s)
}

// sharedFor returns the shared case if ctx carries one for directory dir.
func sharedFor(ctx context.Context, dir string) *sharedCase {
	s, _ := ctx.Value(sharedKey{}).(*sharedCase)
	if s == nil {
		return nil
	}
	a, err1 := filepath.Abs(dir)
	b, err2 := filepath.Abs(s.c.Dir())
	if err1 != nil || err2 != nil || a != b {
		return nil
	}
	return s
}

// auditTurns lets steps write their audit lines in step order.
type auditTurns struct {
	mu   sync.Mutex
	cond *sync.Cond
	next int          // the first step not done
	done map[int]bool // steps after next that are done
}

func newAuditTurns(first int) *auditTurns {
	t := &auditTurns{next: first, done: map[int]bool{}}
	t.cond = sync.NewCond(&t.mu)
	return t
}

// wait blocks until the steps before step are done, or ctx ends.
func (t *auditTurns) wait(ctx context.Context, step int) error {
	stop := context.AfterFunc(ctx, func() {
		t.mu.Lock()
		t.cond.Broadcast()
		t.mu.Unlock()
	})
	defer stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.next < step {
		if err := ctx.Err(); err != nil {
			return err
		}
		t.cond.Wait()
	}
	return nil
}

// finish marks step done (after its audit line, if it writes one); the
// turn moves past every step done so far in a row.
func (t *auditTurns) finish(step int) {
	t.mu.Lock()
	if step >= t.next {
		t.done[step] = true
	}
	for t.done[t.next] {
		delete(t.done, t.next)
		t.next++
	}
	t.cond.Broadcast()
	t.mu.Unlock()
}
