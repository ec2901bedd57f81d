package world_test

import (
	"testing"

	"github.com/btcsuite/btcd/blockchain"
	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/database"
	_ "github.com/btcsuite/btcd/database/ffldb"
	"github.com/btcsuite/btcd/txscript"

	"github.com/coinsift/coinsift/world"
)

// TestBtcdAcceptsSignedWorld runs every block of a signed tiny world through
// btcd's consensus code (in process, with a temporary ffldb database): every
// block, every script and every signature must be valid.
func TestBtcdAcceptsSignedWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("slow in -short mode")
	}
	dir, _ := MustGenerate(t, world.Config{Scale: world.ScaleTiny, Seed: 3, Sign: true, XOR: true})
	main, stale := mainChain(t, dir, readBlocks(t, dir))

	params := chaincfg.RegressionNetParams
	db, err := database.Create("ffldb", t.TempDir(), params.Net)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	chain, err := blockchain.New(&blockchain.Config{
		DB: db, ChainParams: &params, TimeSource: blockchain.NewMedianTime(),
		SigCache: txscript.NewSigCache(10000), HashCache: txscript.NewHashCache(10000),
	})
	if err != nil {
		t.Fatal(err)
	}
	staleByParent := map[string][]*btcutil.Block{}
	for _, b := range stale {
		staleByParent[b.Header.PrevBlock.String()] = append(staleByParent[b.Header.PrevBlock.String()], btcutil.NewBlock(b))
	}
	for h, b := range main[1:] {
		isMain, isOrphan, err := chain.ProcessBlock(btcutil.NewBlock(b), blockchain.BFNone)
		if err != nil || !isMain || isOrphan {
			t.Fatalf("ProcessBlock(height %d) = main %v, orphan %v, %v; want main chain", h+1, isMain, isOrphan, err)
		}
		for _, s := range staleByParent[b.Header.PrevBlock.String()] {
			if _, _, err := chain.ProcessBlock(s, blockchain.BFNone); err != nil {
				t.Fatalf("stale block at height %d: %v", h+1, err)
			}
		}
	}
	if got, want := chain.BestSnapshot().Hash, main[len(main)-1].BlockHash(); got != want {
		t.Errorf("btcd tip = %s; want %s", got, want)
	}
}
