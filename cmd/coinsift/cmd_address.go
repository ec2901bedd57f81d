package main

import (
	"context"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/term"
)

func newAddressCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "address ADDR",
		Short: "Show an address from the chain index: received, spent, balance, history",
		Long: `Show what an address received and spent according to the chain index, and
its transaction history. Coins paid to a public key (P2PK) are counted under
that key's P2PKH address and marked as such.`,
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
	History []addressHistoryRow `json:"history"`
}

func runAddress(ctx context.Context, g *globals, args []string) error {
	x, err := g.openChain(ctx)
	if err != nil {
		return err
	}
	defer x.Close()
	a, err := x.AddressByString(args[0])
	if err != nil {
		return err
	}
	s := x.Summary(a)
	v := addressView{AddressSummary: s, Type: s.Type.String(), History: []addressHistoryRow{}}
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
	rows := make([][]string, 0, len(v.History))
	for _, h := range v.History {
		rows = append(rows, []string{strconv.Itoa(int(h.Height)), h.Time, h.TxID.String(), h.Delta.String()})
	}
	return term.Table(g.stdout, []string{"HEIGHT", "TIME (UTC)", "TXID", "BTC"}, rows)
}
