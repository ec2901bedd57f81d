package clustersql_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/cluster"
	"github.com/coinsift/coinsift/cluster/clustersql"
)

func TestSaveAndLoad(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	db := c.DB()
	if _, err := clustersql.LoadRun(ctx, db); !errors.Is(err, coinsift.ErrNotFound) {
		t.Fatalf("LoadRun before any run = %v; want ErrNotFound", err)
	}
	in := func(a uint32) cluster.Input { return cluster.Input{Addr: a, Value: 1e8, Type: coinsift.ScriptP2WPKH} }
	txs := []cluster.Tx{
		{Index: 0, Inputs: []cluster.Input{in(4), in(2)}},
		{Index: 1, Inputs: []cluster.Input{in(6), in(4)}},
		{Index: 2, Inputs: []cluster.Input{in(1)}, Outputs: []cluster.Output{{Addr: 7, Value: 5, Spender: -1}}},
	}
	r, err := cluster.Run(ctx, cluster.NewMemSource(txs), cluster.DefaultConfig(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ { // saving twice replaces, never duplicates
		counts, err := clustersql.Save(ctx, db, r, time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if counts["clusters"] != 8 || counts["cluster_merges"] != 2 || counts["cluster_sizes"] != 6 {
			t.Fatalf("Save counts = %v", counts)
		}
	}
	run, err := clustersql.LoadRun(ctx, db)
	if err != nil || run.Stats.Largest != 3 || run.Settings != r.Config.Describe() {
		t.Fatalf("LoadRun = %+v, %v", run, err)
	}
	id, size, err := clustersql.ClusterOf(ctx, db, 6)
	if err != nil || id != 2 || size != 3 {
		t.Fatalf("ClusterOf(6) = %d, %d, %v; want 2, 3", id, size, err)
	}
	members, err := clustersql.Members(ctx, db, 2, 0)
	if err != nil || len(members) != 3 || members[0] != 2 || members[2] != 6 {
		t.Fatalf("Members(2) = %v, %v", members, err)
	}
	f, err := clustersql.Forest(ctx, db, 2)
	if err != nil {
		t.Fatal(err)
	}
	steps, ok := f.Path(2, 6)
	if !ok || len(steps) != 2 || steps[0].Tx != 0 || steps[1].Tx != 1 {
		t.Fatalf("Path(2,6) = %+v, %v", steps, ok)
	}
	if _, _, err := clustersql.ClusterOf(ctx, db, 99); !errors.Is(err, coinsift.ErrNotFound) {
		t.Errorf("ClusterOf(99) = %v; want ErrNotFound", err)
	}
}

// chainLike is a MemSource numbered like the chain index: id 0 is "no address".
type chainLike struct{ *cluster.MemSource }

func (chainLike) FirstAddress() uint32 { return 1 }

// TestNoAddressIsNoCluster: the chain index's address id 0 is neither
// counted as a cluster nor stored in clusters or cluster_sizes.
func TestNoAddressIsNoCluster(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	in := func(a uint32) cluster.Input { return cluster.Input{Addr: a, Value: 1e8, Type: coinsift.ScriptP2WPKH} }
	txs := []cluster.Tx{ // addresses 1..4: {1, 2} and {3}, {4}
		{Index: 0, Inputs: []cluster.Input{in(1), in(2)}, Outputs: []cluster.Output{{Addr: 3, Value: 5, Spender: -1}, {Addr: 4, Value: 5, Spender: -1}}},
	}
	r, err := cluster.Run(ctx, chainLike{cluster.NewMemSource(txs)}, cluster.DefaultConfig(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Stats.Clusters != 3 || r.Stats.Addresses != 4 || r.Stats.Singletons != 2 {
		t.Errorf("stats = %+v; want 3 clusters (2 singletons) of 4 addresses", r.Stats)
	}
	counts, err := clustersql.Save(ctx, c.DB(), r, time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if counts["clusters"] != 4 || counts["cluster_sizes"] != 3 {
		t.Errorf("Save counts = %v; want 4 clusters rows, 3 cluster_sizes rows", counts)
	}
	if _, _, err := clustersql.ClusterOf(ctx, c.DB(), 0); !errors.Is(err, coinsift.ErrNotFound) {
		t.Errorf("ClusterOf(0) = %v; want ErrNotFound", err)
	}
}
