package cluster

import (
	"sort"
)

// Forest indexes the merges of a clustering so that the chain of evidence
// between two addresses can be found. The merges form a spanning forest:
// between two addresses of one cluster there is exactly one path.
type Forest struct {
	merges []Merge
	// CSR adjacency over the addresses that occur in merges.
	addrs []uint32 // sorted distinct addresses
	start []int    // edges of addrs[i] are edges[start[i]:start[i+1]]
	edges []int32  // merge indices
}

// NewForest indexes merges.
func NewForest(merges []Merge) *Forest {
	type ae struct {
		a uint32
		m int32
	}
	pairs := make([]ae, 0, 2*len(merges))
	for i, m := range merges {
		pairs = append(pairs, ae{m.A, int32(i)}, ae{m.B, int32(i)})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].m < pairs[j].m
	})
	f := &Forest{merges: merges, edges: make([]int32, len(pairs))}
	for i, p := range pairs {
		if i == 0 || p.a != pairs[i-1].a {
			f.addrs = append(f.addrs, p.a)
			f.start = append(f.start, i)
		}
		f.edges[i] = p.m
	}
	f.start = append(f.start, len(pairs))
	return f
}

func (f *Forest) neighbours(a uint32) []int32 {
	i := sort.Search(len(f.addrs), func(i int) bool { return f.addrs[i] >= a })
	if i == len(f.addrs) || f.addrs[i] != a {
		return nil
	}
	return f.edges[f.start[i]:f.start[i+1]]
}

// Step is one link of an explanation: From and To were joined by Heuristic
// in transaction Tx.
type Step struct {
	From, To  uint32
	Tx        int64
	Heuristic Heuristic
}

// Path returns the steps that join a to b, in order from a, and false when
// they are not in one cluster. A path from an address to itself is empty.
func (f *Forest) Path(a, b uint32) ([]Step, bool) {
	if a == b {
		return []Step{}, true
	}
	type visit struct {
		prev  uint32
		merge int32
	}
	seen := map[uint32]visit{a: {prev: a, merge: -1}}
	queue := []uint32{a}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, mi := range f.neighbours(x) {
			m := f.merges[mi]
			y := m.A
			if y == x {
				y = m.B
			}
			if _, ok := seen[y]; ok {
				continue
			}
			seen[y] = visit{prev: x, merge: mi}
			if y == b {
				var steps []Step
				for cur := b; cur != a; {
					v := seen[cur]
					mm := f.merges[v.merge]
					steps = append(steps, Step{From: v.prev, To: cur, Tx: mm.Tx, Heuristic: mm.Heuristic})
					cur = v.prev
				}
				for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
					steps[i], steps[j] = steps[j], steps[i]
				}
				return steps, true
			}
			queue = append(queue, y)
		}
	}
	return nil, false
}
