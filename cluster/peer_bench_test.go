package cluster_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/cluster"
)

// igraphScript loads an edge list and counts connected components, timing
// load and computation together, as coinsift's figure includes its scan.
const igraphScript = `
import sys, time, igraph
n = int(sys.argv[2])
t0 = time.perf_counter()
g = igraph.Graph.Read_Edgelist(sys.argv[1], directed=False)
if g.vcount() < n:
    g.add_vertices(n - g.vcount())
comps = g.connected_components()
t1 = time.perf_counter()
print(len(comps), max(comps.sizes()), t1 - t0)
`

// BenchmarkPeerIgraph clusters the co-spend edges of a synthetic chain with
// coinsift and with igraph's connected components (Debian's python3-igraph)
// in the same run, checks that both find the same components, and reports
// both times. coinsift's time includes generating the chain; igraph's
// includes reading the edge list.
func BenchmarkPeerIgraph(b *testing.B) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import igraph").Run(); err != nil {
		b.Skip("python3-igraph is not installed (apt-get install python3-igraph)")
	}
	src := &synth{txs: 4_000_000, addrs: 8_000_000, seed: 1}
	edges := filepath.Join(b.TempDir(), "edges.txt")
	if err := writeEdges(src, edges); err != nil {
		b.Fatal(err)
	}
	cfg := cluster.DefaultConfig()
	cfg.Heuristics, _ = cluster.ParseSet("multi-input")
	cfg.KeepMerges = false
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		r, err := cluster.Run(context.Background(), src, cfg, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		ours := time.Since(t0)
		out, err := exec.Command(py, "-c", igraphScript, edges, strconv.Itoa(src.addrs)).Output()
		if err != nil {
			b.Fatalf("igraph: %v", err)
		}
		f := strings.Fields(string(out))
		if len(f) != 3 {
			b.Fatalf("igraph printed %q", out)
		}
		comps, _ := strconv.Atoi(f[0])
		largest, _ := strconv.Atoi(f[1])
		secs, _ := strconv.ParseFloat(f[2], 64)
		if comps != r.Stats.Clusters || largest != r.Stats.Largest {
			b.Fatalf("igraph found %d components (largest %d), coinsift %d (largest %d)", comps, largest, r.Stats.Clusters, r.Stats.Largest)
		}
		b.ReportMetric(ours.Seconds(), "coinsift-s")
		b.ReportMetric(secs, "igraph-s")
		b.ReportMetric(float64(r.Stats.Inputs), "inputs")
	}
}

// writeEdges writes the multi-input edges of src (first input – each other
// input) as an igraph edge list.
func writeEdges(src *synth, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = src.Scan(context.Background(), func(tx *cluster.Tx) error {
		for _, in := range tx.Inputs[min(1, len(tx.Inputs)):] {
			fmt.Fprintf(w, "%d %d\n", tx.Inputs[0].Addr, in.Addr)
		}
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
