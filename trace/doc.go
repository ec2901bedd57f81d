// Package trace follows money through the transaction graph of a chain
// index: backwards from a payment to the tagged entities (exchanges, mixers,
// fraud shops, sanctioned addresses) that funded it, and forwards from
// revenue to the points where it was cashed out.
//
// # Models
//
// A transaction mixes its inputs; which input paid which output is a matter
// of convention, and the convention is named with every result:
//
//   - haircut: every output is funded by all inputs in proportion to their
//     values (forwards: every input funds all outputs in proportion);
//   - fifo: inputs and outputs are laid end to end in order; an output is
//     funded by the inputs whose value range overlaps its own;
//   - poison: every input fully taints every output; shares are not
//     divided, so a result says which sources touched the money, not how
//     much came from each.
//
// # Walking
//
// A walk is breadth-first over (output, share) pairs, hop by hop, in output
// order, so results are deterministic. It is time-respecting by
// construction: backwards it only moves from an output to the outputs its
// transaction spent (all created earlier), forwards only to outputs of the
// spending transaction. A path ends, and the reason is recorded, at the first
// transaction whose input side (backwards) or receiving address (forwards)
// is a tagged entity, at a CoinJoin, at a coinbase, at a cluster larger than
// the configured bound, at the hop limit, at an unspent output (forwards),
// or when its share falls below the threshold.
//
// # Entry points
//
// [Back] and [Forward] trace one starting point; a [Labeler] says which
// addresses belong to tagged entities (usually via their cluster), and an
// optional [Guard] says which transactions are CoinJoins and how large a
// cluster is.
package trace
