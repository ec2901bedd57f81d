// Package worldtest builds a generated world and its chain index for the
// tests of analysis packages (cluster, trace, link, …): once per test
// binary and scale, in a temporary directory. Every package that calls Get
// must call Cleanup from its TestMain, or the worlds stay behind.
package worldtest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/world"
)

// World is a generated world with its chain imported.
type World struct {
	Dir   string // the world's output directory (blocks/, seized/, truth/, …)
	Chain string // the chain index directory
}

var (
	mu     sync.Mutex
	worlds = map[world.Scale]*World{}
	errs   = map[world.Scale]error{}
)

// Get returns the world of the given scale (seed 1), generating it and
// importing its chain the first time.
func Get(tb testing.TB, scale world.Scale) *World {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if w, ok := worlds[scale]; ok {
		return w
	}
	if err, ok := errs[scale]; ok {
		tb.Fatalf("worldtest: %v", err)
	}
	w, err := build(scale)
	if err != nil {
		errs[scale] = err
		tb.Fatalf("worldtest: %v", err)
	}
	worlds[scale] = w
	return w
}

func build(scale world.Scale) (*World, error) {
	dir, err := os.MkdirTemp("", "coinsift-world-"+string(scale)+"-")
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	cfg := world.DefaultConfig()
	cfg.Scale = scale
	if _, err := world.Generate(ctx, cfg, dir, coinsift.NopProgressFunc); err != nil {
		return nil, err
	}
	src, err := blockfile.Open(ctx, filepath.Join(dir, "blocks"), blockfile.Options{})
	if err != nil {
		return nil, err
	}
	defer src.Close()
	w := &World{Dir: dir, Chain: filepath.Join(dir, "chain")}
	if _, err := chainindex.Import(ctx, w.Chain, src, chainindex.Options{}); err != nil {
		return nil, err
	}
	return w, nil
}

// Cleanup removes every world built; call it from TestMain after m.Run.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	for _, w := range worlds {
		os.RemoveAll(w.Dir)
	}
}

// Open opens the world's chain index; the test closes it.
func (w *World) Open(tb testing.TB) *chainindex.Index {
	tb.Helper()
	x, err := chainindex.Open(w.Chain)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	return x
}

// Rows reads a truth TSV file (truth/NAME) as maps keyed by the header.
func (w *World) Rows(tb testing.TB, name string) []map[string]string {
	tb.Helper()
	f, err := os.Open(filepath.Join(w.Dir, "truth", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var head []string
	var rows []map[string]string
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = f
			continue
		}
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(f) {
				m[h] = f[i]
			}
		}
		rows = append(rows, m)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return rows
}
