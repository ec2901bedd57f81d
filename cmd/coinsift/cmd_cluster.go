package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/cluster"
	"github.com/coinsift/coinsift/cluster/clustersql"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/tags/tagdb"
)

func newClusterCommand(g *globals) *cobra.Command {
	c := groupCommand("cluster", "Group addresses into wallets, with explanations and error rates")
	c.Example = `  coinsift cluster run
  coinsift cluster show 1BoatSLRHtKNngkdXEeobR76b53LETtpyT
  coinsift cluster explain 1BoatSLRHtKNngkdXEeobR76b53LETtpyT 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy`
	c.AddCommand(newClusterRunCommand(g), newClusterShowCommand(g), newClusterExplainCommand(g),
		newClusterHeuristicsCommand(g), newClusterEvalCommand(g))
	return c
}

type clusterRunOptions struct {
	heuristics string
	minVotes   int
	guard      int
}

func newClusterRunCommand(g *globals) *cobra.Command {
	var o clusterRunOptions
	def := cluster.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Cluster every address of the chain index",
		Long: `Cluster every address of the case's chain index with the chosen heuristics and
store the result (clusters, the merges that explain them, CoinJoins and change
decisions) in the case, replacing any earlier clustering. Same chain and
settings give the same cluster ids: the smallest address id of each cluster.

Heuristics (see 'coinsift cluster heuristics'): multi-input, coinjoin,
change-reuse, change-type, change-optimal, change-round, change-fresh,
change-fingerprint, change-peel, change-software; "change" names all change
heuristics, "all"
every heuristic.`,
		Example: `  coinsift cluster run
  coinsift cluster run --heuristics multi-input,coinjoin`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClusterRun(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.heuristics, "heuristics", cluster.DefaultHeuristics, "comma-separated heuristics")
	f.IntVar(&o.minVotes, "min-change-votes", def.MinChangeVotes, "change sub-heuristics that must agree before a change output is merged")
	f.IntVar(&o.guard, "guard-size", def.GuardSize, "refuse a change merge when both clusters are larger than this (0: off)")
	return cmd
}

func runClusterRun(ctx context.Context, g *globals, o clusterRunOptions) error {
	cfg := cluster.DefaultConfig()
	set, err := cluster.ParseSet(o.heuristics)
	if err != nil {
		return usagef("coinsift cluster heuristics", "--heuristics: %v", err)
	}
	cfg.Heuristics, cfg.MinChangeVotes, cfg.GuardSize = set, o.minVotes, o.guard
	if err := cfg.Validate(); err != nil {
		return usagef("coinsift cluster run --help", "%v", err)
	}
	var res *cluster.Result
	var tagged []clustersql.Tag
	var nTags int
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		x, err := chainOf(c)
		if err != nil {
			return err
		}
		defer x.Close()
		rec.Note = cfg.Describe()
		tagged, nTags, err = resolveTags(ctx, c, x)
		if err != nil {
			return err
		}
		cfg.Actor = actorGuard(tagged)
		p := g.progress("cluster", "txs")
		p.SetTotal(2 * x.NumTxs())
		res, err = cluster.Run(ctx, cluster.FromIndex(x), cfg, g.logger, p)
		if err != nil {
			return err
		}
		counts, err := clustersql.Save(ctx, c.DB(), res, c.Now())
		if err != nil {
			return err
		}
		for _, t := range []string{"clusters", "cluster_sizes", "cluster_merges", "cluster_coinjoins", "cluster_change", "cluster_runs"} {
			rec.table(t, counts[t])
		}
		for i := range tagged {
			tagged[i].Cluster = res.Cluster[tagged[i].AddressID]
		}
		clustersql.SortTags(tagged)
		if err := clustersql.SaveTags(ctx, c.DB(), tagged); err != nil {
			return err
		}
		rec.table("cluster_tags", int64(len(tagged)))
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(map[string]any{"settings": cfg.Describe(), "stats": res.Stats})
	}
	s := res.Stats
	g.printf("clustered %d addresses of %d transactions into %d clusters (%d singletons)\n", s.Addresses, s.Txs, s.Clusters, s.Singletons)
	g.printf("largest cluster: %d addresses (id %d)\n", s.Largest, s.LargestID)
	g.printf("merges: %d multi-input, %d change; %d CoinJoins excluded; %d change merges refused by the guard\n",
		s.MultiInputMerges, s.ChangeMerges, s.CoinJoins, s.GuardRefusals)
	g.printf("tags: %d of %d on addresses of this chain, propagated to their clusters (table cluster_tags)\n", len(tagged), nTags)
	return nil
}

func newClusterHeuristicsCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "heuristics",
		Short: "List the clustering heuristics with their versions",
		Args:  noArgs,
		Example: `  coinsift cluster heuristics
  coinsift --json cluster heuristics`,
		RunE: func(cmd *cobra.Command, args []string) error {
			list := cluster.Heuristics()
			if g.json {
				return g.printJSON(list)
			}
			def, _ := cluster.ParseSet(cluster.DefaultHeuristics)
			rows := make([][]string, 0, len(list))
			for _, h := range list {
				d := ""
				if def.Has(h.Heuristic) {
					d = "yes"
				}
				rows = append(rows, []string{h.Name, strconv.Itoa(h.Version), d, h.Summary})
			}
			return term.Table(g.stdout, []string{"HEURISTIC", "VERSION", "DEFAULT", "RULE"}, rows)
		},
	}
}

// resolveAddress turns an address string, or a numeric address id, into an id.
func resolveAddress(x *chainindex.Index, s string) (uint32, error) {
	if n, err := strconv.ParseUint(s, 10, 32); err == nil && n > 0 && int64(n) <= x.NumAddresses() {
		return uint32(n), nil
	}
	a, err := x.AddressByString(s)
	if err != nil {
		return 0, fmt.Errorf("address %q: %w", s, err)
	}
	return a, nil
}

type clusterShow struct {
	ID             uint32                  `json:"cluster_id"`
	Size           uint32                  `json:"size"`
	Received       coinsift.Sats           `json:"received_sats"`
	Spent          coinsift.Sats           `json:"spent_sats"`
	Balance        coinsift.Sats           `json:"balance_sats"`
	FirstSeen      coinsift.Height         `json:"first_seen_height"`
	LastSeen       coinsift.Height         `json:"last_seen_height"`
	Addresses      []string                `json:"addresses"` // up to --limit
	Attribution    *clustersql.Attribution `json:"attribution,omitempty"`
	Tags           []clustersql.Tag        `json:"tags"`
	Counterparties []counterparty          `json:"top_counterparties"`
}

type counterparty struct {
	Cluster  uint32        `json:"cluster_id"`
	Example  string        `json:"example_address"`
	Sent     coinsift.Sats `json:"sent_sats"`     // this cluster paid them
	Received coinsift.Sats `json:"received_sats"` // they paid this cluster
}

func newClusterShowCommand(g *globals) *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "show ADDR|CLUSTER-ID",
		Short: "Describe the cluster of an address: size, balance, activity, counterparties",
		Args:  exactArgs(1),
		Example: `  coinsift cluster show 1BoatSLRHtKNngkdXEeobR76b53LETtpyT
  coinsift cluster show 4127 --limit 100`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClusterShow(cmd.Context(), g, args[0], limit)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "addresses and counterparties to list")
	return cmd
}

func runClusterShow(ctx context.Context, g *globals, arg string, limit int) error {
	c, x, done, err := g.openCaseChain(ctx)
	if err != nil {
		return err
	}
	defer done()
	if _, err := clustersql.LoadRun(ctx, c.DB()); err != nil {
		return err
	}
	a, err := resolveAddress(x, arg)
	if err != nil {
		return err
	}
	id, size, err := clustersql.ClusterOf(ctx, c.DB(), a)
	if err != nil {
		return err
	}
	members, err := clustersql.Members(ctx, c.DB(), id, 0)
	if err != nil {
		return err
	}
	in := map[uint32]bool{}
	for _, m := range members {
		in[m] = true
	}
	show := clusterShow{ID: id, Size: size, FirstSeen: -1, LastSeen: -1}
	if show.Tags, err = clustersql.LoadTags(ctx, c.DB(), id, false); err != nil {
		return err
	}
	if at := clustersql.Attribute(show.Tags); len(at) == 1 {
		show.Attribution = &at[0]
	}
	if show.Tags == nil {
		show.Tags = []clustersql.Tag{}
	}
	flows := map[uint32]*counterparty{} // by counterparty address (grouped below)
	for i, m := range members {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		s := x.Summary(m)
		show.Received += s.Received
		show.Spent += s.Spent
		if s.FirstSeen >= 0 && (show.FirstSeen < 0 || s.FirstSeen < show.FirstSeen) {
			show.FirstSeen = s.FirstSeen
		}
		if s.LastSeen > show.LastSeen {
			show.LastSeen = s.LastSeen
		}
		if len(show.Addresses) < limit {
			show.Addresses = append(show.Addresses, s.Address)
		}
		// Money out: the outputs of the transactions that spend this member.
		for _, o := range x.AddressOutputs(m) {
			out := x.Output(o)
			if out.Spender >= 0 {
				t, _ := x.TxOfInput(out.Spender)
				tx := x.Tx(t)
				for k := tx.FirstOutput; k < tx.FirstOutput+int64(tx.NumOutputs); k++ {
					po := x.Output(k)
					if po.Addr != 0 && !in[po.Addr] {
						cp := flows[po.Addr]
						if cp == nil {
							cp = &counterparty{}
							flows[po.Addr] = cp
						}
						cp.Sent += po.Value
					}
				}
			}
			// Money in: the input addresses of the transaction that paid it.
			t, _ := x.TxOfOutput(o)
			tx := x.Tx(t)
			for k := tx.FirstInput; k < tx.FirstInput+int64(tx.NumInputs); k++ {
				inp := x.Input(k)
				if inp.Spent < 0 {
					continue
				}
				src := x.Output(inp.Spent)
				if src.Addr != 0 && !in[src.Addr] {
					cp := flows[src.Addr]
					if cp == nil {
						cp = &counterparty{}
						flows[src.Addr] = cp
					}
					cp.Received += out.Value
					break // count the payment once per paying transaction
				}
			}
		}
	}
	show.Balance = show.Received - show.Spent
	// Group counterparty addresses by their cluster.
	byCluster := map[uint32]*counterparty{}
	addrs := make([]uint32, 0, len(flows))
	for a := range flows {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return addrs[i] < addrs[j] })
	for _, a := range addrs {
		cid, _, err := clustersql.ClusterOf(ctx, c.DB(), a)
		if err != nil {
			cid = a
		}
		cp := byCluster[cid]
		if cp == nil {
			cp = &counterparty{Cluster: cid, Example: x.AddressString(a)}
			byCluster[cid] = cp
		}
		cp.Sent += flows[a].Sent
		cp.Received += flows[a].Received
	}
	for _, cp := range byCluster {
		show.Counterparties = append(show.Counterparties, *cp)
	}
	sort.Slice(show.Counterparties, func(i, j int) bool {
		a, b := show.Counterparties[i], show.Counterparties[j]
		if a.Sent+a.Received != b.Sent+b.Received {
			return a.Sent+a.Received > b.Sent+b.Received
		}
		return a.Cluster < b.Cluster
	})
	if len(show.Counterparties) > limit {
		show.Counterparties = show.Counterparties[:limit]
	}
	if g.json {
		return g.printJSON(show)
	}
	g.printf("cluster    %d (%d addresses)\nreceived   %s BTC\nspent      %s BTC\nbalance    %s BTC\nactive     heights %d–%d\n",
		show.ID, show.Size, show.Received, show.Spent, show.Balance, show.FirstSeen, show.LastSeen)
	if at := show.Attribution; at != nil {
		g.printf("owner      %s (%s, confidence %d, %d tag(s))\n", sanitize.Terminal(at.Entity), sanitize.Terminal(at.Category), at.Level, at.Tags)
		if len(at.Conflicts) > 0 {
			g.printf("CONFLICT   also tagged as: %s\n", sanitize.Terminal(strings.Join(at.Conflicts, ", ")))
		}
	} else {
		g.printf("owner      unknown (no tag on any member)\n")
	}
	g.printf("\n")
	if len(show.Tags) > 0 {
		rows := make([][]string, 0, len(show.Tags))
		for _, t := range show.Tags {
			rows = append(rows, []string{t.Address, t.Label, t.Category, t.Actor, strconv.Itoa(t.ConfidenceLevel), t.Pack})
		}
		if err := term.Table(g.stdout, []string{"TAGGED ADDRESS", "LABEL", "CATEGORY", "ACTOR", "CONFIDENCE", "PACK"}, rows); err != nil {
			return err
		}
		g.printf("\n")
	}
	rows := make([][]string, 0, len(show.Counterparties))
	for _, cp := range show.Counterparties {
		rows = append(rows, []string{strconv.FormatUint(uint64(cp.Cluster), 10), cp.Example, cp.Sent.String(), cp.Received.String()})
	}
	if err := term.Table(g.stdout, []string{"COUNTERPARTY CLUSTER", "EXAMPLE ADDRESS", "SENT TO (BTC)", "RECEIVED FROM (BTC)"}, rows); err != nil {
		return err
	}
	g.printf("\naddresses (first %d):\n", len(show.Addresses))
	for _, a := range show.Addresses {
		g.printf("  %s\n", a) // one per line: printf makes a newline inside an argument visible
	}
	return nil
}

type explainStep struct {
	From      string          `json:"from"`
	To        string          `json:"to"`
	TxID      string          `json:"txid"`
	Height    coinsift.Height `json:"height"`
	Heuristic string          `json:"heuristic"`
}

// errNotOneCluster reports that two addresses are not in one cluster.
var errNotOneCluster = errors.New("not in one cluster")

func newClusterExplainCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "explain ADDR1 ADDR2",
		Short: "Show the chain of transactions and heuristics that put two addresses in one cluster",
		Long: `Show the chain of transactions and heuristics that put two addresses in one
cluster: each step names two addresses, the transaction that linked them and
the heuristic (with its version) that read the link. Exits 1 with "not in one
cluster" when they are not.`,
		Args: exactArgs(2),
		Example: `  coinsift cluster explain 1BoatSLRHtKNngkdXEeobR76b53LETtpyT 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy
  coinsift --json cluster explain bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 1BoatSLRHtKNngkdXEeobR76b53LETtpyT`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClusterExplain(cmd.Context(), g, args[0], args[1])
		},
	}
}

func runClusterExplain(ctx context.Context, g *globals, s1, s2 string) error {
	c, x, done, err := g.openCaseChain(ctx)
	if err != nil {
		return err
	}
	defer done()
	a, err := resolveAddress(x, s1)
	if err != nil {
		return err
	}
	b, err := resolveAddress(x, s2)
	if err != nil {
		return err
	}
	ca, _, err := clustersql.ClusterOf(ctx, c.DB(), a)
	if err != nil {
		return err
	}
	cb, _, err := clustersql.ClusterOf(ctx, c.DB(), b)
	if err != nil {
		return err
	}
	if ca != cb {
		if g.json {
			g.printJSON(map[string]any{"same_cluster": false, "clusters": []uint32{ca, cb}})
		}
		return fmt.Errorf("%s (cluster %d) and %s (cluster %d): %w", s1, ca, s2, cb, errNotOneCluster)
	}
	f, err := clustersql.Forest(ctx, c.DB(), ca)
	if err != nil {
		return err
	}
	path, ok := f.Path(a, b)
	if !ok {
		return fmt.Errorf("cluster %d: the stored merges do not join %s and %s; re-run 'coinsift cluster run': %w", ca, s1, s2, coinsift.ErrCorrupt)
	}
	steps := make([]explainStep, 0, len(path))
	for _, st := range path {
		tx := x.Tx(st.Tx)
		steps = append(steps, explainStep{From: x.AddressString(st.From), To: x.AddressString(st.To),
			TxID: tx.TxID.String(), Height: tx.Height, Heuristic: st.Heuristic.Versioned()})
	}
	if g.json {
		return g.printJSON(map[string]any{"same_cluster": true, "cluster_id": ca, "steps": steps})
	}
	g.printf("%s and %s are in cluster %d, joined in %d step(s):\n\n", s1, s2, ca, len(steps))
	rows := make([][]string, 0, len(steps))
	for i, st := range steps {
		rows = append(rows, []string{strconv.Itoa(i + 1), st.From, st.To, st.Heuristic, st.TxID, strconv.Itoa(int(st.Height))})
	}
	return term.Table(g.stdout, []string{"#", "FROM", "TO", "HEURISTIC", "TXID", "HEIGHT"}, rows)
}

// resolveTags returns the case's tags whose addresses are in the chain
// index, with their address ids (cluster ids not yet set), and the number
// of tags in the case. This is where tags imported before the chain
// resolve (docs/format/tags.md, "Late resolution").
func resolveTags(ctx context.Context, c *casefile.Case, x *chainindex.Index) ([]clustersql.Tag, int, error) {
	all, err := tagdb.List(ctx, c.DB(), tagdb.Filter{})
	if err != nil {
		return nil, 0, err
	}
	var out []clustersql.Tag
	for _, t := range all {
		a, err := x.AddressByString(string(t.Address))
		if err != nil {
			continue // not on this chain (another network, or never used)
		}
		out = append(out, clustersql.Tag{AddressID: a, Address: string(t.Address), Label: t.Label, Category: t.Category,
			Actor: t.Actor, ConfidenceLevel: t.ConfidenceLevel, IsClusterDefiner: t.IsClusterDefiner, Pack: t.Pack})
	}
	return out, len(all), nil
}

// actorGuard numbers the tagged entities so that the clustering guard can
// refuse a change merge between clusters tagged as different entities.
func actorGuard(tagged []clustersql.Tag) func(uint32) uint32 {
	if len(tagged) == 0 {
		return nil
	}
	names := map[string]uint32{}
	var sorted []string
	for _, t := range tagged {
		if _, ok := names[t.Entity()]; !ok {
			names[t.Entity()] = 0
			sorted = append(sorted, t.Entity())
		}
	}
	sort.Strings(sorted)
	for i, n := range sorted {
		names[n] = uint32(i + 1)
	}
	byAddr := map[uint32]uint32{}
	for _, t := range tagged {
		if _, ok := byAddr[t.AddressID]; !ok {
			byAddr[t.AddressID] = names[t.Entity()]
		}
	}
	return func(a uint32) uint32 { return byAddr[a] }
}
