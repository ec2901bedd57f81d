// Package rpc provides a minimal JSON-RPC client of a Bitcoin node
// (bitcoind or btcd), enough to read the best chain block by block.
//
// # Source
//
// [Client] implements chainindex.Source: Network comes from
// getblockchaininfo's chain (checked against the genesis block hash), Tip is
// getblockcount, Hash is getblockhash and Block is getblock HASH 0, decoded
// from hex and checked against the hash asked for. btcd versions that
// declare getblock's second parameter as a boolean are detected on the
// first error and asked with false from then on.
//
// # Credentials and errors
//
// Basic authentication uses Config.User and Config.Pass, the user
// information of Config.URL, or bitcoind's cookie file (user:password).
// Error messages name the method and the URL without credentials; a
// refused login is [ErrUnauthorized], an error object from the node is an
// [*Error] with its code. Every request has a timeout and a bounded
// response size; transport errors and HTTP 503 (bitcoind's work queue is
// full) are retried a few times with backoff.
//
// The client talks only to the URL it is given and never through a proxy:
// coinsift reads the investigator's own node.
package rpc
