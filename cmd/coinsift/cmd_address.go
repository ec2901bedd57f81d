package main

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/cluster/clustersql"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/tags"
	"github.com/coinsift/coinsift/tags/tagdb"
)

func newAddressCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "address ADDR",
		Short: "Show an address from the chain index: received, spent, balance, history",
		Long: `Show what an address received and spent according to the chain index, and
its transaction history. Coins paid to a public key (P2PK) are counted under
that key's P2PKH address and marked as such. The address's own tags
('coinsift tags import') and its cluster ('coinsift cluster run': id, size
and the owner its tags name) are shown when the case has them.`,
		Example: "  coinsift address 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3\n  coinsift --json address bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq > address.json",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAddress(cmd.Context(), g, args)
		},
	}
}

type addressHistoryRow struct {
	TxID   coinsift.TxID   `json:"txid"`
	Height coinsift.Height `json:"height"`
	Time   string          `json:"time"`
	Delta  coinsift.Sats   `json:"delta"` // received minus spent in this tx
}

type addressView struct {
	chainindex.AddressSummary
	Type    string              `json:"type"`
	Tags    []tags.Tag          `json:"tags"`
	Cluster *addressCluster     `json:"cluster"` // nil before 'coinsift cluster run'
	History []addressHistoryRow `json:"history"`
}

// addressCluster is the cluster of an address, with the owner its tags name.
type addressCluster struct {
	ID          uint32                  `json:"cluster_id"`
	Size        uint32                  `json:"size"`
	Attribution *clustersql.Attribution `json:"attribution,omitempty"`
}

func runAddress(ctx context.Context, g *globals, args []string) error {
	c, x, done, err := g.openCaseChain(ctx)
	if err != nil {
		return err
	}
	defer done()
	a, err := x.AddressByString(args[0])
	if err != nil {
		return err
	}
	s := x.Summary(a)
	v := addressView{AddressSummary: s, Type: s.Type.String(), History: []addressHistoryRow{}}
	if v.Tags, err = tagdb.List(ctx, c.DB(), tagdb.Filter{Address: coinsift.Address(s.Address)}); err != nil {
		return err
	}
	if v.Tags == nil {
		v.Tags = []tags.Tag{}
	}
	if v.Cluster, err = clusterOfAddress(ctx, c.DB(), a); err != nil {
		return err
	}
	delta := map[int64]coinsift.Sats{}
	for _, o := range x.AddressOutputs(a) {
		out := x.Output(o)
		t, _ := x.TxOfOutput(o)
		delta[t] += out.Value
		if out.Spender >= 0 {
			st, _ := x.TxOfInput(out.Spender)
			delta[st] -= out.Value
		}
	}
	txs := make([]int64, 0, len(delta))
	for t := range delta {
		txs = append(txs, t)
	}
	sort.Slice(txs, func(i, j int) bool { return txs[i] < txs[j] })
	for _, t := range txs {
		tx := x.Tx(t)
		v.History = append(v.History, addressHistoryRow{TxID: tx.TxID, Height: tx.Height, Time: tx.Time.Format("2006-01-02 15:04:05"), Delta: delta[t]})
	}
	if g.json {
		return g.printJSON(v)
	}
	g.printf("address   %s (%s)\n", v.Address, v.Type)
	if v.FromP2PK > 0 {
		g.printf("note      %d output(s) paid the public key directly (P2PK), counted here\n", v.FromP2PK)
	}
	g.printf("received  %s BTC in %d output(s)\n", v.Received, v.Outputs)
	g.printf("spent     %s BTC\n", v.Spent)
	g.printf("balance   %s BTC\n", v.Balance)
	g.printf("seen      blocks %d to %d\n", v.FirstSeen, v.LastSeen)
	for _, t := range v.Tags {
		g.printf("tag       %s\n", describeTag(t))
	}
	if len(v.Tags) == 0 {
		g.printf("tag       none on this address\n")
	}
	switch cl := v.Cluster; {
	case cl == nil:
		g.printf("cluster   not clustered yet (run 'coinsift cluster run')\n")
	case cl.Attribution != nil:
		g.printf("cluster   %d (%d addresses), owner %s (%s, %d tag(s)); see 'coinsift cluster show %s'\n", cl.ID, cl.Size,
			cl.Attribution.Entity, cl.Attribution.Category, cl.Attribution.Tags, v.Address)
	default:
		g.printf("cluster   %d (%d addresses), no tag on any member; see 'coinsift cluster show %s'\n", cl.ID, cl.Size, v.Address)
	}
	g.printf("\n")
	rows := make([][]string, 0, len(v.History))
	for _, h := range v.History {
		rows = append(rows, []string{strconv.Itoa(int(h.Height)), h.Time, h.TxID.String(), h.Delta.String()})
	}
	return term.Table(g.stdout, []string{"HEIGHT", "TIME (UTC)", "TXID", "BTC"}, rows)
}

// clusterOfAddress returns the stored cluster of address id a with the
// owner its tags name, or nil when the case has no clustering yet.
func clusterOfAddress(ctx context.Context, db *sql.DB, a uint32) (*addressCluster, error) {
	if _, err := clustersql.LoadRun(ctx, db); errors.Is(err, coinsift.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	id, size, err := clustersql.ClusterOf(ctx, db, a)
	if errors.Is(err, coinsift.ErrNotFound) {
		return nil, nil // imported after the clustering
	}
	if err != nil {
		return nil, err
	}
	cl := &addressCluster{ID: id, Size: size}
	ts, err := clustersql.LoadTags(ctx, db, id, false)
	if err != nil {
		return nil, err
	}
	if at := clustersql.Attribute(ts); len(at) == 1 {
		cl.Attribution = &at[0]
	}
	return cl, nil
}

// describeTag prints a tag on one line: label, category, actor,
// confidence and where it came from.
func describeTag(t tags.Tag) string {
	s := t.Label
	if t.Category != "" {
		s += " (" + t.Category + ")"
	}
	if t.Actor != "" && t.Actor != t.Label {
		s += ", actor " + t.Actor
	}
	if t.ConfidenceLevel >= 0 {
		s += ", confidence " + strconv.Itoa(t.ConfidenceLevel)
	}
	if t.Pack != "" {
		s += ", pack " + t.Pack
	} else if t.Source != "" {
		s += ", source " + t.Source
	}
	return s
}
