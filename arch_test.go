package coinsift_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// layers orders the top-level packages: a package may import packages of its
// own top-level directory and of lower layers only. DESIGN.md's "Layout"
// section and docs/architecture.md describe the same order.
var layers = map[string]int{
	"":           0, // the root vocabulary
	"internal":   1,
	"bitcoin":    1,
	"price":      1,
	"tags":       1,
	"casefile":   2,
	"chainindex": 2,
	"seized":     3,
	"world":      3,
	"cluster":    4,
	"link":       4,
	"value":      4,
	"trace":      5,
	"place":      5,
	"persons":    5,
	"triage":     6,
	"report":     7,
	"web":        8,
	"cmd":        9,
	// Test support that builds worlds and chain indexes.
	"internal/worldtest": 4,
}

// noSQL lists the analysis packages that must work over the chain index and
// the root interfaces, never a database handle.
var noSQL = []string{"bitcoin", "chainindex", "cluster", "trace"}

type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func TestDependencyRules(t *testing.T) {
	const mod = "github.com/coinsift/coinsift"
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "./...").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	top := func(path string) string {
		rel := strings.TrimPrefix(strings.TrimPrefix(path, mod), "/")
		if _, ok := layers[rel]; ok {
			return rel // a package with a layer of its own
		}
		first, _, _ := strings.Cut(rel, "/")
		return first
	}
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		from := top(p.ImportPath)
		fromLayer, ok := layers[from]
		if !ok {
			t.Errorf("%s: top-level directory %q has no layer in arch_test.go", p.ImportPath, from)
			continue
		}
		for _, imp := range p.Imports {
			if p.ImportPath == mod && strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				t.Errorf("root package imports %s: it may import only the standard library", imp)
			}
			for _, d := range noSQL {
				if from == d && !strings.HasSuffix(p.ImportPath, "sql") &&
					(imp == "database/sql" || strings.Contains(imp, "duckdb")) {
					t.Errorf("%s imports %s: %s works over the chain index, not SQL", p.ImportPath, imp, d)
				}
			}
			if !strings.HasPrefix(imp, mod) {
				continue
			}
			to := top(imp)
			if to == from {
				continue
			}
			if toLayer, ok := layers[to]; ok && toLayer >= fromLayer && to != "internal" && to != "internal/worldtest" {
				t.Errorf("%s imports %s: layer %d may not import layer %d", p.ImportPath, imp, fromLayer, toLayer)
			}
		}
	}
}
