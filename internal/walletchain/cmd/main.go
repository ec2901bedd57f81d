// Command walletchain writes a chain with btcd and btcwallet and its truth
// (package walletchain):
//
//	go run ./internal/walletchain/cmd -out /tmp/wc -seed 1 -rounds 150
//	coinsift case init /tmp/wc-case
//	coinsift --case /tmp/wc-case chain import --blocks /tmp/wc/blocks
//	coinsift --case /tmp/wc-case cluster eval --truth /tmp/wc/truth
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/coinsift/coinsift/internal/walletchain"
)

func main() {
	var cfg walletchain.Config
	flag.StringVar(&cfg.Dir, "out", "", "output directory (blocks/, truth/)")
	flag.IntVar(&cfg.Btcwallets, "btcwallets", 4, "customers using btcwallet")
	flag.IntVar(&cfg.CoreLike, "corelike", 3, "customers using the core-like wallet (-1: none)")
	flag.IntVar(&cfg.Rounds, "rounds", 60, "blocks of activity")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "seed of the script")
	flag.BoolVar(&cfg.KeepRun, "keep", false, "keep the node's and wallets' directories and logs")
	flag.Parse()
	if cfg.Dir == "" {
		fmt.Fprintln(os.Stderr, "usage: walletchain -out DIR [-seed N] [-rounds N]")
		os.Exit(2)
	}
	cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := walletchain.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "walletchain:", err)
		os.Exit(1)
	}
	fmt.Printf("%d blocks, %d transactions %v, %d addresses with a wallet, %d change outputs, %d payments refused\n",
		res.Blocks, res.Txs, res.BySoftware, res.Addresses, res.Change, res.Refused)
}
