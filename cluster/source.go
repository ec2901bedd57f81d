package cluster

import (
	"context"

	coinsift "github.com/coinsift/coinsift"
)

// NoAddr marks an input or output without an address (OP_RETURN,
// non-standard scripts).
const NoAddr = ^uint32(0)

// NoTx marks an unspent output.
const NoTx = int64(-1)

// Input is one input of a transaction as clustering sees it.
type Input struct {
	Addr  uint32 // address id of the spent output, or NoAddr
	Value coinsift.Sats
	Type  coinsift.ScriptType
}

// Output is one output of a transaction as clustering sees it.
type Output struct {
	Addr    uint32 // address id, or NoAddr
	Value   coinsift.Sats
	Type    coinsift.ScriptType
	Spender int64 // index of the spending transaction, or NoTx
}

// Tx is one transaction in chain order.
type Tx struct {
	Index    int64 // position in the chain, 0-based
	Coinbase bool
	Version  int32
	LockTime uint32
	RBF      bool // some input signals replace-by-fee (sequence < 0xfffffffe)
	Inputs   []Input
	Outputs  []Output
}

// Shape is what look-ahead heuristics need to know of a spending transaction.
type Shape struct {
	Version    int32
	LockTime   uint32
	RBF        bool
	NumInputs  int
	NumOutputs int
}

// AddressBase is implemented by a Source whose address ids below
// FirstAddress are not addresses: the chain index numbers addresses from 1
// and keeps 0 for "no address". Such ids belong to no cluster: Run neither
// counts them nor (in Result.First) asks for them to be stored.
type AddressBase interface {
	FirstAddress() uint32
}

// Source is the chain as clustering reads it. The chain index implements it.
type Source interface {
	// NumAddresses returns the number of address ids (ids are 0..n-1).
	NumAddresses() int
	// Scan calls fn for every transaction in chain order. The Tx and its
	// slices are valid only during the call.
	Scan(ctx context.Context, fn func(tx *Tx) error) error
	// Shape returns the shape of transaction i.
	Shape(i int64) (Shape, error)
	// FirstSeen returns the index of the first transaction that paid addr.
	FirstSeen(addr uint32) int64
}
