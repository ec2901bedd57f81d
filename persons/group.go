package persons

import (
	"fmt"
	"sort"
)

// Override is an investigator's decision about two accounts.
type Override struct {
	A, B   string
	Action string // merge or split
	Note   string
}

// Grouping is the outcome of [Group].
type Grouping struct {
	// Person maps every account to its person id: 1 + the index of the
	// person's smallest account among the persons' smallest accounts in
	// sorted order. Singletons are persons too.
	Person map[string]int `json:"-"`
	// Persons lists each person's accounts, ascending; person id i+1.
	Persons [][]string `json:"persons"`
	// Edges are the links kept after the overrides, sorted.
	Edges []Edge `json:"links"`
	// Unresolved lists split overrides whose accounts are still one person
	// through other links: the investigator must split those too.
	Unresolved []Override `json:"unresolved_splits"`
	Dropped    []Dropped  `json:"dropped"`
	// Rejected are the pairs that shared evidence too weak to join them.
	Rejected []Rejected `json:"rejected"`
}

func sortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.A != b.A {
			return a.A < b.A
		}
		if a.B != b.B {
			return a.B < b.B
		}
		if a.Reason != b.Reason {
			return a.Reason < b.Reason
		}
		return a.Detail < b.Detail
	})
}

func dedup(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// pair orders two accounts.
func pair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Group unions accounts over edges into persons. Overrides apply first: a
// split removes every direct edge between its two accounts (whatever the
// reason), a merge adds an edge with reason override. A split does not cut
// indirect paths: if the two accounts stay joined through others, the
// split is listed in Unresolved.
func Group(accounts []string, edges []Edge, overrides []Override) *Grouping {
	split := map[[2]string]bool{}
	for _, o := range overrides {
		if o.Action == "split" {
			split[pair(o.A, o.B)] = true
		}
	}
	var kept []Edge
	for _, e := range edges {
		if !split[pair(e.A, e.B)] {
			kept = append(kept, e)
		}
	}
	for _, o := range overrides {
		if o.Action == "merge" {
			p := pair(o.A, o.B)
			delete(split, p)
			kept = append(kept, Edge{A: p[0], B: p[1], Reason: ReasonOverride, Detail: o.Note, Strength: 1})
		}
	}
	sortEdges(kept)
	// Union-find over account indexes.
	all := append([]string(nil), accounts...)
	for _, e := range kept {
		all = append(all, e.A, e.B)
	}
	sort.Strings(all)
	all = dedup(all)
	id := make(map[string]int, len(all))
	for i, a := range all {
		id[a] = i
	}
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range kept {
		a, b := find(id[e.A]), find(id[e.B])
		if a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a // the root is the smallest account
	}
	g := &Grouping{Person: make(map[string]int, len(all)), Edges: kept}
	root := map[int]int{}
	for i, a := range all { // sorted: persons numbered by smallest account
		r := find(i)
		pid, ok := root[r]
		if !ok {
			g.Persons = append(g.Persons, nil)
			pid = len(g.Persons)
			root[r] = pid
		}
		g.Persons[pid-1] = append(g.Persons[pid-1], a)
		g.Person[a] = pid
	}
	for _, o := range overrides {
		if o.Action == "split" && split[pair(o.A, o.B)] && g.Person[o.A] != 0 && g.Person[o.A] == g.Person[o.B] {
			g.Unresolved = append(g.Unresolved, o)
		}
	}
	if g.Edges == nil {
		g.Edges = []Edge{}
	}
	return g
}

// Step is one link on the path that joins two accounts.
type Step struct {
	From string `json:"from"`
	Edge
}

// Explain returns, for every other account of account's person, the
// shortest chain of links that joins them (breadth first; ties broken by
// account order).
func (g *Grouping) Explain(account string) (map[string][]Step, error) {
	pid, ok := g.Person[account]
	if !ok {
		return nil, fmt.Errorf("account %q: not in the grouping", account)
	}
	adj := map[string][]Edge{}
	for _, e := range g.Edges {
		if g.Person[e.A] != pid {
			continue
		}
		adj[e.A] = append(adj[e.A], e)
		adj[e.B] = append(adj[e.B], e)
	}
	prev := map[string]Step{account: {}}
	queue := []string{account}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		es := adj[cur]
		sort.SliceStable(es, func(i, j int) bool { return other(es[i], cur) < other(es[j], cur) })
		for _, e := range es {
			o := other(e, cur)
			if _, seen := prev[o]; seen {
				continue
			}
			prev[o] = Step{From: cur, Edge: e}
			queue = append(queue, o)
		}
	}
	out := map[string][]Step{}
	for _, m := range g.Persons[pid-1] {
		if m == account {
			continue
		}
		var path []Step
		for at := m; at != account; at = prev[at].From {
			path = append(path, prev[at])
		}
		for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
			path[i], path[j] = path[j], path[i]
		}
		out[m] = path
	}
	return out, nil
}

func other(e Edge, a string) string {
	if e.A == a {
		return e.B
	}
	return e.A
}
