// Package walletchain writes a Bitcoin chain with real wallet software and
// records what the wallets know about it, so that clustering can be
// measured on coin selection, change and transaction habits that are not
// coinsift's own.
//
// # Model
//
// [Run] builds btcd and btcwallet from the Go module proxy (once, cached
// under the user cache directory), starts a btcd simnet node and one
// btcwallet process per actor, and scripts a few hundred payments through
// the wallets' own RPC (sendtoaddress, sendmany): a service that hands out
// a fresh address per invoice and sweeps its takings, customers who pay it
// and each other, and an exchange that batches withdrawals. Coin
// selection, change address and position, fee, version and locktime are
// btcwallet's. A second, labelled software fingerprint is mixed in: some
// customers use a "core-like" wallet that coinsift builds and signs with
// btcd's libraries using Bitcoin Core's habits (version 2, anti-fee-sniping
// locktime at the tip, RBF signalling, change of the inputs' script type at
// a random position, fee at a whole sat/vB).
//
// # Truth
//
// After the script, every address on the chain is put to every wallet
// (validateaddress: ismine), and the core-like wallets' keys are known to
// the driver. The result is written in the world truth format
// (docs/format/world.md): truth/addresses.tsv, truth/change.tsv (an output
// of a wallet's spend to an address of the same wallet), truth/coinjoins.tsv
// (empty) and truth/txs.tsv naming the software that wrote each
// transaction. The blocks are written as blocks/blk00000.dat, so that
// "coinsift chain import" and "coinsift cluster eval --truth DIR/truth"
// measure the chain with no node running.
//
// # Entry points
//
// [Run] from a test (cluster's TestWalletChain, gated by
// COINSIFT_INTEGRATION=1) or from "go run ./internal/walletchain/cmd".
package walletchain
