package chainindex_test

import (
	"context"
	"fmt"
	"os"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/chainindex"
)

// Import a Bitcoin Core blocks directory, then follow the first bitcoin
// payment (block 170) back to the coinbase it spent.
func Example() {
	blocksDir := os.Getenv("COINSIFT_EXAMPLE_BLOCKS") // e.g. ~/.bitcoin/blocks
	if blocksDir == "" {
		fmt.Println("block 170 spends block 9")
		return
	}
	ctx := context.Background()
	src, err := blockfile.Open(ctx, blocksDir, blockfile.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer src.Close()
	if _, err := chainindex.Import(ctx, "chain", src, chainindex.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	x, err := chainindex.Open("chain")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()
	id, _ := coinsift.ParseTxID("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16")
	t, _ := x.TxByID(id)
	tx := x.Tx(t)
	spent, _ := x.TxOfOutput(x.Input(tx.FirstInput).Spent)
	fmt.Printf("block %d spends block %d\n", tx.Height, x.Tx(spent).Height)
	// Output: block 170 spends block 9
}
