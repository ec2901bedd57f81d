package trace

// ClusterView labels and guards a walk from a clustering held in memory:
// an address is labelled with the entity its cluster is attributed to.
type ClusterView struct {
	Cluster []uint32          // address id → cluster id
	Size    []uint32          // cluster id → size
	Joins   map[int64]string  // CoinJoin transactions
	Owners  map[uint32]Entity // cluster id → attributed entity
}

// Label implements Labeler.
func (v *ClusterView) Label(a uint32) (Entity, bool) {
	if int(a) >= len(v.Cluster) {
		return Entity{}, false
	}
	e, ok := v.Owners[v.Cluster[a]]
	return e, ok
}

// IsCoinJoin implements Guard.
func (v *ClusterView) IsCoinJoin(tx int64) bool {
	_, ok := v.Joins[tx]
	return ok
}

// ClusterSize implements Guard.
func (v *ClusterView) ClusterSize(a uint32) int {
	if int(a) >= len(v.Cluster) {
		return 1
	}
	return int(v.Size[v.Cluster[a]])
}

var (
	_ Labeler = (*ClusterView)(nil)
	_ Guard   = (*ClusterView)(nil)
)
