// Package value values linked payments in the case currency at their block
// time, with the rate's provenance.
//
// # Model
//
// An [Item] is one matched output of a payment (package link). [Run] values
// each with a [price.Book]: the BTC rate in the case currency at the block
// time, by the chosen method (close, open, mid, vwap), directly or as a
// cross rate through USD or EUR (ECB series). A [Value] keeps the rate, its
// method, source, timestamp, the price file's evidence id and the path.
//
// # Exactness
//
// Money is integer minor units: round-half-even(sats × rate / 10⁸ ×
// 10^digits), computed with big.Rat from the exact decimal rate ([Minor]);
// no floating point touches a stored value.
//
// # Gaps
//
// A rate further from the block time than the tolerance (48 h by default)
// is never replaced by a distant neighbour: the item becomes a [Problem]
// whose reason names the requested time and the nearest dates available,
// and the run goes on with the other items.
package value
