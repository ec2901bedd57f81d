package chainsql_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/rpc"
	"github.com/coinsift/coinsift/bitcoin/rpc/rpctest"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/chainindex/chainsql"
)

// env is a case with a fake node serving a chain.
type env struct {
	c    *casefile.Case
	node *rpctest.Node
	src  *rpc.Client
}

func newEnv(tb testing.TB, blocks [][]byte) *env {
	tb.Helper()
	c, err := casefile.Init(context.Background(), tb.TempDir(), casefile.InitOptions{Name: "t"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	node := rpctest.NewNode(tb, blocks)
	src, err := rpc.Dial(context.Background(), rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
	if err != nil {
		tb.Fatal(err)
	}
	return &env{c: c, node: node, src: src}
}

// sync imports the node's chain (up to stopAt, 0 = tip) and syncs the tables.
func (e *env) sync(tb testing.TB, stopAt coinsift.Height, opts chainsql.Options) chainsql.Result {
	tb.Helper()
	ctx := context.Background()
	if _, err := chainindex.Import(ctx, e.c.ChainDir(), e.src, chainindex.Options{StopAt: stopAt}); err != nil {
		tb.Fatal(err)
	}
	x, err := chainindex.Open(e.c.ChainDir())
	if err != nil {
		tb.Fatal(err)
	}
	defer x.Close()
	res, err := chainsql.Sync(ctx, e.c.DB(), x, opts)
	if err != nil {
		tb.Fatalf("Sync: %v", err)
	}
	return res
}

// dump returns every row of the chain tables as text, in key order.
func dump(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var b strings.Builder
	for _, t := range chainsql.Tables {
		rows, err := db.Query("SELECT * FROM " + t + " ORDER BY 1")
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintln(&b, t, vals)
		}
		rows.Close()
	}
	return b.String()
}

func queryInt(tb testing.TB, db *sql.DB, q string, args ...any) int64 {
	tb.Helper()
	var n sql.NullInt64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n.Int64
}

func TestSync(t *testing.T) {
	blocks := rpctest.Blk14131(t)
	e := newEnv(t, blocks)
	res := e.sync(t, 0, chainsql.Options{ChunkTxs: 3000})
	if res.From != 0 || res.To != 14131 || res.RolledBack != 0 {
		t.Fatalf("Sync = %+v; want 0..14131", res)
	}
	x, err := chainindex.Open(e.c.ChainDir())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	db := e.c.DB()
	c := x.Counts()
	for table, want := range map[string]int64{"chain_blocks": c.Blocks, "chain_txs": c.Txs, "chain_inputs": c.Inputs,
		"chain_outputs": c.Outputs, "chain_addresses": c.Addresses} {
		if got := queryInt(t, db, "SELECT count(*) FROM "+table); got != want || res.Rows[table] != want {
			t.Errorf("%s: %d rows (%d reported); want %d", table, got, res.Rows[table], want)
		}
	}
	var total, received, spent coinsift.Sats
	for o := int64(0); o < x.NumOutputs(); o++ {
		total += x.Output(o).Value
	}
	for a := uint32(1); a <= uint32(x.NumAddresses()); a++ {
		s := x.Summary(a)
		received += s.Received
		spent += s.Spent
	}
	if got := queryInt(t, db, "SELECT sum(value) FROM chain_outputs"); got != int64(total) {
		t.Errorf("sum(value) = %d; want %d", got, total)
	}
	if got := queryInt(t, db, "SELECT sum(value) FROM chain_outputs WHERE address_id IS NOT NULL"); got != int64(received) {
		t.Errorf("sum(value) paid to addresses = %d; want total received %d", got, received)
	}
	if got := queryInt(t, db, "SELECT sum(value) FROM chain_outputs WHERE spent_by_input IS NOT NULL"); got != int64(spent) {
		t.Errorf("sum(value) spent = %d; want %d", got, spent)
	}
	// Block 170: the first bitcoin transaction, 10 BTC to Hal Finney.
	const q170 = `SELECT t.height, t.fee, o.value, a.address, a.first_height, a.last_height
		FROM chain_txs t JOIN chain_outputs o ON o.tx = t.tx AND o.vout = 0 JOIN chain_addresses a USING (address_id)
		WHERE t.txid = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16'`
	var h, fee, val, first, last int64
	var addr string
	if err := db.QueryRow(q170).Scan(&h, &fee, &val, &addr, &first, &last); err != nil {
		t.Fatal(err)
	}
	a, _ := x.AddressByString(addr)
	hal := x.Summary(a)
	if h != 170 || fee != 0 || val != int64(10*coinsift.SatsPerBTC) || addr != "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3" ||
		first != int64(hal.FirstSeen) || last != int64(hal.LastSeen) {
		t.Errorf("block 170 tx: height %d fee %d value %d to %s seen %d-%d; want 170, 0, 10 BTC to 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3 seen %d-%d",
			h, fee, val, addr, first, last, hal.FirstSeen, hal.LastSeen)
	}
	// Every address's first and last heights agree with the index.
	rows, err := db.Query(`SELECT address_id, first_height, last_height FROM chain_addresses ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id uint32
		var f, l int64
		rows.Scan(&id, &f, &l)
		if s := x.Summary(id); int64(s.FirstSeen) != f || int64(s.LastSeen) != l {
			t.Fatalf("address %d seen %d-%d; want %d-%d", id, f, l, s.FirstSeen, s.LastSeen)
		}
	}
	if res := e.sync(t, 0, chainsql.Options{}); res.From != 14132 || res.To != 14131 {
		t.Errorf("second Sync = %+v; want nothing to do", res)
	}
}

// TestSyncIncrementalAndReorg checks that syncing in steps and across a reorg
// gives the same tables as one sync of the final chain.
func TestSyncIncrementalAndReorg(t *testing.T) {
	full := rpctest.Blk14131(t)
	newChain := rpctest.Fork(full[:2001], 1500, 500)
	e := newEnv(t, full[:2000])
	e.sync(t, 700, chainsql.Options{ChunkTxs: 100})
	e.sync(t, 0, chainsql.Options{ChunkTxs: 100})
	e.node.SetChain(newChain)
	res := e.sync(t, 0, chainsql.Options{})
	if res.RolledBack != 499 || res.From != 1501 || res.To != 2000 {
		t.Errorf("Sync after reorg = %+v; want 499 rolled back, 1501..2000", res)
	}
	fresh := newEnv(t, newChain)
	fresh.sync(t, 0, chainsql.Options{})
	got, want := dump(t, e.c.DB()), dump(t, fresh.c.DB())
	if got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("tables after steps and a reorg differ from a fresh sync at row %d:\n got %s\nwant %s", i, gl[i], wl[i])
			}
		}
		t.Fatalf("tables differ: %d rows; want %d", len(gl), len(wl))
	}
}
