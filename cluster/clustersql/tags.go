package clustersql

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// Tag is one attribution tag of a cluster member.
type Tag struct {
	Cluster          uint32 `json:"cluster_id"`
	AddressID        uint32 `json:"address_id"`
	Address          string `json:"address"`
	Label            string `json:"label"`
	Category         string `json:"category,omitempty"`
	Actor            string `json:"actor,omitempty"`
	ConfidenceLevel  int    `json:"confidence_level"` // -1 unknown
	IsClusterDefiner bool   `json:"is_cluster_definer"`
	Pack             string `json:"pack,omitempty"`
}

// Entity returns the name the tag gives its owner: the actor when there is
// one, else the label.
func (t Tag) Entity() string {
	if t.Actor != "" {
		return t.Actor
	}
	return t.Label
}

// SaveTags replaces cluster_tags with tags (cluster ids already set).
func SaveTags(ctx context.Context, db *sql.DB, tags []Tag) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save cluster tags: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM cluster_tags`); err != nil {
		return fmt.Errorf("save cluster tags: %w", err)
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO cluster_tags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("save cluster tags: %w", err)
	}
	defer st.Close()
	for _, t := range tags {
		var lvl any
		if t.ConfidenceLevel >= 0 {
			lvl = t.ConfidenceLevel
		}
		if _, err := st.ExecContext(ctx, t.Cluster, t.AddressID, t.Address, t.Label, nullable(t.Category),
			nullable(t.Actor), lvl, t.IsClusterDefiner, nullable(t.Pack)); err != nil {
			return fmt.Errorf("save cluster tags: %w", err)
		}
	}
	return tx.Commit()
}

// LoadTags returns the tags of one cluster, or of every cluster when all is
// true, ordered by cluster, confidence (descending), entity and address.
func LoadTags(ctx context.Context, db *sql.DB, cluster uint32, all bool) ([]Tag, error) {
	q := `SELECT cluster_id, address_id, address, label, coalesce(category, ''), coalesce(actor, ''),
		coalesce(confidence_level, -1), is_cluster_definer, coalesce(pack, '') FROM cluster_tags`
	var args []any
	if !all {
		q += ` WHERE cluster_id = ?`
		args = append(args, cluster)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("load cluster tags: %w", err)
	}
	defer rows.Close()
	var out []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Cluster, &t.AddressID, &t.Address, &t.Label, &t.Category, &t.Actor,
			&t.ConfidenceLevel, &t.IsClusterDefiner, &t.Pack); err != nil {
			return nil, fmt.Errorf("load cluster tags: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	SortTags(out)
	return out, nil
}

// SortTags orders tags by cluster, confidence (descending), entity, address
// and label: the first tag of a cluster is the one that names it.
func SortTags(ts []Tag) {
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		switch {
		case a.Cluster != b.Cluster:
			return a.Cluster < b.Cluster
		case a.ConfidenceLevel != b.ConfidenceLevel:
			return a.ConfidenceLevel > b.ConfidenceLevel
		case a.Entity() != b.Entity():
			return a.Entity() < b.Entity()
		case a.Address != b.Address:
			return a.Address < b.Address
		}
		return a.Label < b.Label
	})
}

// Attribution is what the tags of one cluster say about its owner.
type Attribution struct {
	Cluster   uint32   `json:"cluster_id"`
	Entity    string   `json:"entity"`
	Category  string   `json:"category,omitempty"`
	Level     int      `json:"confidence_level"`
	Tags      int      `json:"tags"`
	Conflicts []string `json:"conflicts,omitempty"` // other entities tagged on the same cluster
}

// Attribute summarises sorted tags per cluster.
func Attribute(ts []Tag) []Attribution {
	var out []Attribution
	for i := 0; i < len(ts); {
		j := i
		seen := map[string]bool{ts[i].Entity(): true}
		a := Attribution{Cluster: ts[i].Cluster, Entity: ts[i].Entity(), Category: ts[i].Category, Level: ts[i].ConfidenceLevel}
		for ; j < len(ts) && ts[j].Cluster == ts[i].Cluster; j++ {
			a.Tags++
			if e := ts[j].Entity(); !seen[e] {
				seen[e] = true
				a.Conflicts = append(a.Conflicts, e)
			}
		}
		out = append(out, a)
		i = j
	}
	return out
}
