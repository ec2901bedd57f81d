// Package cluster groups Bitcoin addresses into wallets ("clusters") with
// explainable, versioned heuristics, and measures how often they are right.
//
// # Model
//
// Addresses are dense 32-bit ids assigned by the chain index. Clustering
// reads the chain through [Source], in chain order, and keeps a union-find
// over the ids (union by size, path halving): 4 bytes per address. The id of
// a cluster is the smallest address id in it, so the same chain and settings
// always give the same ids.
//
// # Heuristics
//
// Each heuristic has a name and a version (see [Heuristics]); a [Config]
// switches them on and off.
//
//   - multi-input (common-input ownership): the input addresses of a
//     transaction belong to one wallet. Coinbase transactions and detected
//     CoinJoins are skipped.
//   - coinjoin: detectors for Wasabi 1.x and 2.x, Whirlpool Tx0 and mixes,
//     JoinMarket and generic equal-output joins; the detector is recorded per
//     transaction.
//   - change: seven sub-heuristics each name at most one output as the change
//     of a transaction, and only when their answer is unique in it:
//     address reuse back to an input, same script type as all inputs, optimal
//     change (the only output smaller than every input), round payment (the
//     only non-round output), fresh address (the only output address never
//     seen before), wallet fingerprint (when every output is spent, the only
//     one spent by a transaction with the same version, locktime kind and
//     RBF habits), peeling chain (the only output spent by another one-in
//     two-out transaction) and wallet software (the only output not spent
//     by a transaction of other habits). A change output is merged with the
//     inputs when its votes reach Config.MinChangeVotes and no
//     sub-heuristic names another; the two wallet-habit look-ahead
//     heuristics count two votes each.
//
// # The guard
//
// Change merges are how clusters collapse into superclusters. A change merge
// is refused, and the refusal recorded, when both clusters already hold more
// than Config.GuardSize addresses, or when the two clusters carry different
// attribution tags (actors).
//
// # Explanations
//
// Every union that joined two clusters is kept as a [Merge] (the two
// addresses, the transaction and the heuristic). These edges form a spanning
// forest of each cluster, so [Result.Explain] finds the one chain of
// transactions and heuristics that put two addresses together.
//
// # Measurement
//
// [Evaluate] compares a clustering with a ground truth (address → wallet) and
// reports pairwise and B-cubed precision and recall; [EvaluateChange] scores
// change decisions against known change outputs.
package cluster
