package rpc_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/coinsift/coinsift/bitcoin/rpc"
	"github.com/coinsift/coinsift/chainindex"
)

// Import a node's best chain into a chain index, six blocks behind its tip.
// (Not run: it needs a node.)
func ExampleDial() {
	ctx := context.Background()
	home, _ := os.UserHomeDir()
	node, err := rpc.Dial(ctx, rpc.Config{
		URL:        "http://127.0.0.1:8332",
		CookieFile: filepath.Join(home, ".bitcoin", ".cookie"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := chainindex.Import(ctx, "case/chain", node, chainindex.Options{Confirmations: 6})
	fmt.Println(res.From, res.To, err)
}
