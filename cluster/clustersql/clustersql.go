package clustersql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/cluster"
)

var tables = []string{"clusters", "cluster_sizes", "cluster_merges", "cluster_coinjoins", "cluster_change", "cluster_runs"}

// Save replaces the stored clustering with r, in one transaction, and
// returns the rows written per table.
func Save(ctx context.Context, db *sql.DB, r *cluster.Result, now time.Time) (map[string]int64, error) {
	counts := map[string]int64{}
	err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		for _, t := range tables {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		add := func(table string, n int, row func(i int) []driver.Value) error {
			counts[table] = int64(n)
			return casefile.AppendRows(ctx, conn, table, n, row)
		}
		// Ids below r.First are not addresses (the chain index's 0): no row.
		first := int(min(r.First, uint32(len(r.Cluster))))
		if err := add("clusters", len(r.Cluster)-first, func(i int) []driver.Value {
			return []driver.Value{uint32(i + first), r.Cluster[i+first]}
		}); err != nil {
			return err
		}
		var ids []uint32
		for id, s := range r.Size {
			if s > 0 {
				ids = append(ids, uint32(id))
			}
		}
		if err := add("cluster_sizes", len(ids), func(i int) []driver.Value {
			return []driver.Value{ids[i], r.Size[ids[i]]}
		}); err != nil {
			return err
		}
		if err := add("cluster_merges", len(r.Merges), func(i int) []driver.Value {
			m := r.Merges[i]
			return []driver.Value{int64(i), r.Cluster[m.A], m.A, m.B, m.Tx, m.Heuristic.Versioned()}
		}); err != nil {
			return err
		}
		if err := add("cluster_coinjoins", len(r.CoinJoins), func(i int) []driver.Value {
			return []driver.Value{r.CoinJoins[i].Tx, r.CoinJoins[i].Detector}
		}); err != nil {
			return err
		}
		if err := add("cluster_change", len(r.Changes), func(i int) []driver.Value {
			d := r.Changes[i]
			return []driver.Value{d.Tx, int32(d.Vout), d.Votes.String(), d.Merged, nullable(d.Refusal), nullable(d.Conflict.String())}
		}); err != nil {
			return err
		}
		stats, _ := json.Marshal(r.Stats)
		if _, err := conn.ExecContext(ctx, `INSERT INTO cluster_runs VALUES (1, ?, ?, ?)`, now.UTC(), r.Config.Describe(), string(stats)); err != nil {
			return fmt.Errorf("cluster_runs: %w", err)
		}
		counts["cluster_runs"] = 1
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save clustering: %w", err)
	}
	return counts, nil
}

func nullable(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// Run describes the stored clustering.
type Run struct {
	Created  time.Time     `json:"created"`
	Settings string        `json:"settings"`
	Stats    cluster.Stats `json:"stats"`
}

// LoadRun returns the stored clustering's settings and statistics, or an
// error of kind coinsift.ErrNotFound when 'cluster run' has not been run.
func LoadRun(ctx context.Context, db *sql.DB) (Run, error) {
	var r Run
	var stats string
	err := db.QueryRowContext(ctx, `SELECT created_at, settings, stats FROM cluster_runs`).Scan(&r.Created, &r.Settings, &stats)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("no clustering in this case (run 'coinsift cluster run'): %w", coinsift.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("load clustering: %w", err)
	}
	if err := json.Unmarshal([]byte(stats), &r.Stats); err != nil {
		return r, fmt.Errorf("load clustering stats: %w", err)
	}
	return r, nil
}

// ClusterOf returns the cluster of an address id and its size.
func ClusterOf(ctx context.Context, db *sql.DB, addr uint32) (id uint32, size uint32, err error) {
	err = db.QueryRowContext(ctx, `SELECT c.cluster_id, s.size FROM clusters c JOIN cluster_sizes s USING (cluster_id)
		WHERE c.address_id = ?`, addr).Scan(&id, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, fmt.Errorf("address id %d is not in the clustering (run 'coinsift cluster run' after importing the chain): %w", addr, coinsift.ErrNotFound)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cluster of %d: %w", addr, err)
	}
	return id, size, nil
}

// Members returns the address ids of a cluster in ascending order, at most limit (0: all).
func Members(ctx context.Context, db *sql.DB, id uint32, limit int) ([]uint32, error) {
	q := `SELECT address_id FROM clusters WHERE cluster_id = ? ORDER BY address_id`
	args := []any{id}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("members of cluster %d: %w", id, err)
	}
	defer rows.Close()
	var out []uint32
	for rows.Next() {
		var a uint32
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("members of cluster %d: %w", id, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Forest loads the merges of one cluster, for cluster.Forest.Path.
func Forest(ctx context.Context, db *sql.DB, id uint32) (*cluster.Forest, error) {
	rows, err := db.QueryContext(ctx, `SELECT a, b, tx, heuristic FROM cluster_merges WHERE cluster_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("merges of cluster %d: %w", id, err)
	}
	defer rows.Close()
	var ms []cluster.Merge
	for rows.Next() {
		var m cluster.Merge
		var h string
		if err := rows.Scan(&m.A, &m.B, &m.Tx, &h); err != nil {
			return nil, fmt.Errorf("merges of cluster %d: %w", id, err)
		}
		name, _, _ := cutVersion(h)
		if m.Heuristic, err = cluster.ParseHeuristic(name); err != nil {
			return nil, fmt.Errorf("merges of cluster %d: %w", id, err)
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return cluster.NewForest(ms), nil
}

func cutVersion(s string) (name, version string, ok bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// Assignment is a stored clustering loaded back into memory.
type Assignment struct {
	Cluster []uint32         // address id → cluster id
	Size    []uint32         // cluster id → size
	Joins   map[int64]string // CoinJoin transactions → detector
}

// LoadAssignment reads the stored clustering for n address ids. Address
// ids the clustering does not cover (imported since) are singletons.
func LoadAssignment(ctx context.Context, db *sql.DB, n int) (*Assignment, error) {
	if _, err := LoadRun(ctx, db); err != nil {
		return nil, err
	}
	a := &Assignment{Cluster: make([]uint32, n), Size: make([]uint32, n), Joins: map[int64]string{}}
	for i := range a.Cluster {
		a.Cluster[i] = uint32(i)
		a.Size[i] = 1
	}
	rows, err := db.QueryContext(ctx, `SELECT c.address_id, c.cluster_id, s.size FROM clusters c JOIN cluster_sizes s USING (cluster_id)`)
	if err != nil {
		return nil, fmt.Errorf("load clustering: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var addr, id, size uint32
		if err := rows.Scan(&addr, &id, &size); err != nil {
			return nil, fmt.Errorf("load clustering: %w", err)
		}
		if int(addr) < n && int(id) < n {
			a.Cluster[addr], a.Size[id] = id, size
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load clustering: %w", err)
	}
	jr, err := db.QueryContext(ctx, `SELECT tx, detector FROM cluster_coinjoins`)
	if err != nil {
		return nil, fmt.Errorf("load coinjoins: %w", err)
	}
	defer jr.Close()
	for jr.Next() {
		var tx int64
		var d string
		if err := jr.Scan(&tx, &d); err != nil {
			return nil, fmt.Errorf("load coinjoins: %w", err)
		}
		if cluster.IsJoin(d) {
			a.Joins[tx] = d
		}
	}
	return a, jr.Err()
}
