// Package chainindex implements coinsift's memory-mapped index of a Bitcoin
// chain: every main-chain block, transaction, input, output and address,
// with spends resolved, as fixed-width columns specified in
// docs/format/chainindex.md.
//
// # Model
//
// Blocks are numbered by height; transactions, inputs and outputs by their
// global position in chain order; addresses by id from 1 in order of first
// appearance (0 means "no address": bare multisig, OP_RETURN, non-standard).
// An address is stored as its payload (kind, witness version, hash or
// program) and encoded as a string only when printed. A P2PK output points
// at the P2PKH address of its key, and its script type says P2PK.
//
// # Lookups
//
// [Index.Tx] gives a transaction's inputs and outputs as ranges,
// [Index.OutputSpender] the input spending an output, [Index.TxByID] the
// transaction with a txid (hash table), [Index.AddressOutputs] the outputs
// paying an address (postings), each in O(1) array lookups. Height of a
// transaction and the transaction of an input or output are binary searches.
// [TxIter] walks every transaction with its input and output address ids,
// for clustering; [Index.ScanTxs] and [Index.ScanBlocks] stream whole
// transactions with their inputs and outputs in chain order, with no
// per-transaction searches, for whole-chain passes.
//
// # Writing
//
// [Import] brings an index up to date with a [Source] (a blocks directory,
// package bitcoin/blockfile, or a node, package bitcoin/rpc): it rolls back
// blocks the source no longer has on its best chain, then appends, parsing
// blocks on several goroutines and applying them in order. Each batch is
// committed by an atomic manifest rename, so Ctrl-C or a crash leaves the
// index at its last committed block and the next Import continues there.
//
// # Invariants
//
// Readers see only committed data. Bad input never stops an import: an
// input spending an unknown output is recorded as such and quarantined; a
// main-chain block that cannot be parsed or fails its merkle root ends the
// import with [ErrBrokenChain] after committing the blocks before it.
package chainindex
