package main

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/term"
)

func newTxCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "tx TXID",
		Short:   "Show a transaction from the chain index: inputs, outputs, spends, fee",
		Example: "  coinsift tx f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16\n  coinsift --json tx f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTx(cmd.Context(), g, args)
		},
	}
}

type txInputView struct {
	chainindex.Input
	Prev    *coinsift.OutPoint `json:"prev,omitempty"`
	Value   *coinsift.Sats     `json:"value,omitempty"`
	Address string             `json:"address,omitempty"`
}

type txOutputView struct {
	Vout     int                `json:"vout"`
	Value    coinsift.Sats      `json:"value"`
	Type     string             `json:"type"`
	Address  string             `json:"address,omitempty"`
	FromP2PK bool               `json:"address_from_p2pk,omitempty"`
	SpentBy  *coinsift.OutPoint `json:"spent_by,omitempty"` // spending txid and input index
}

type txView struct {
	chainindex.Tx
	Fee     *coinsift.Sats `json:"fee,omitempty"`
	Inputs  []txInputView  `json:"inputs"`
	Outputs []txOutputView `json:"outputs"`
}

func buildTxView(x *chainindex.Index, t int64) txView {
	tx := x.Tx(t)
	v := txView{Tx: tx, Inputs: []txInputView{}, Outputs: []txOutputView{}}
	if fee, ok := x.Fee(t); ok {
		v.Fee = &fee
	}
	for i := tx.FirstInput; i < tx.FirstInput+int64(tx.NumInputs); i++ {
		in := x.Input(i)
		iv := txInputView{Input: in}
		if in.Spent >= 0 {
			pt, vout := x.TxOfOutput(in.Spent)
			out := x.Output(in.Spent)
			iv.Prev = &coinsift.OutPoint{TxID: x.Tx(pt).TxID, Vout: uint32(vout)}
			iv.Value = &out.Value
			if out.Addr != 0 {
				iv.Address = x.AddressString(out.Addr)
			}
		}
		v.Inputs = append(v.Inputs, iv)
	}
	for o := tx.FirstOutput; o < tx.FirstOutput+int64(tx.NumOutputs); o++ {
		out := x.Output(o)
		ov := txOutputView{Vout: int(o - tx.FirstOutput), Value: out.Value, Type: out.Type.String(), FromP2PK: out.Type == coinsift.ScriptP2PK && out.Addr != 0}
		if out.Addr != 0 {
			ov.Address = x.AddressString(out.Addr)
		}
		if out.Spender >= 0 {
			st, idx := x.TxOfInput(out.Spender)
			ov.SpentBy = &coinsift.OutPoint{TxID: x.Tx(st).TxID, Vout: uint32(idx)}
		}
		v.Outputs = append(v.Outputs, ov)
	}
	return v
}

func runTx(ctx context.Context, g *globals, args []string) error {
	id, err := coinsift.ParseTxID(args[0])
	if err != nil {
		return usagef("coinsift tx <64 hex digits>", "tx: %w", err)
	}
	x, err := g.openChain(ctx)
	if err != nil {
		return err
	}
	defer x.Close()
	t, err := x.TxByID(id)
	if err != nil {
		return err
	}
	v := buildTxView(x, t)
	if g.json {
		return g.printJSON(v)
	}
	g.printf("txid      %s\n", v.TxID)
	if v.WTxID != nil {
		g.printf("wtxid     %s\n", v.WTxID)
	}
	g.printf("block     %d (%s UTC)\n", v.Height, v.Time.Format("2006-01-02 15:04:05"))
	g.printf("size      %d bytes, %d vbytes, version %d, locktime %d\n", v.Size, v.VSize, v.Version, v.LockTime)
	if v.Fee != nil {
		g.printf("fee       %s BTC\n", v.Fee)
	}
	var rows [][]string
	for i, in := range v.Inputs {
		prev, val := "coinbase", ""
		if in.Unknown {
			prev = "unknown (not in index)"
		}
		if in.Prev != nil {
			prev, val = in.Prev.String(), in.Value.String()
		}
		rows = append(rows, []string{"in " + strconv.Itoa(i), prev, val, in.Address, ""})
	}
	for _, o := range v.Outputs {
		addr := o.Address
		if o.FromP2PK {
			addr += " (from P2PK key)"
		}
		spent := "unspent"
		if o.SpentBy != nil {
			spent = o.SpentBy.String() // a column of its own: the spender's txid:vin is printed whole
		}
		rows = append(rows, []string{"out " + strconv.Itoa(o.Vout), o.Type, o.Value.String(), addr, spent})
	}
	return term.Table(g.stdout, []string{"", "OUTPOINT/TYPE", "BTC", "ADDRESS", "SPENT BY"}, rows)
}
