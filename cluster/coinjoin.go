package cluster

import coinsift "github.com/coinsift/coinsift"

// CoinJoin detector names, recorded per transaction.
const (
	DetectWhirlpool    = "whirlpool"
	DetectWhirlpoolTx0 = "whirlpool-tx0"
	DetectWasabi1      = "wasabi1"
	DetectWasabi2      = "wasabi2"
	DetectJoinMarket   = "joinmarket"
	DetectEqualOutput  = "equal-output"
)

// whirlpoolPools are Samourai Whirlpool's pool denominations.
var whirlpoolPools = [...]coinsift.Sats{100_000, 1_000_000, 5_000_000, 50_000_000}

// DetectCoinJoin returns the name of the detector that recognises tx as a
// CoinJoin (or as a Whirlpool Tx0), or "" when none does. A Tx0 has one
// owner, so it is not excluded from multi-input: see IsJoin.
func DetectCoinJoin(tx *Tx) string {
	nin, nout := len(tx.Inputs), len(tx.Outputs)
	if tx.Coinbase || nin < 2 && nout < 3 {
		return ""
	}
	val, k := modalValue(tx.Outputs)
	// Whirlpool mix: 5 inputs, 5 equal outputs of a pool denomination.
	if nin == 5 && nout == 5 && k == 5 {
		for _, d := range whirlpoolPools {
			if val == d {
				return DetectWhirlpool
			}
		}
	}
	// Whirlpool Tx0: an OP_RETURN and several equal premix outputs of a pool
	// denomination plus a small miner-fee allowance.
	if k >= 2 && hasNullData(tx.Outputs) {
		for _, d := range whirlpoolPools {
			if val > d && val <= d+d/20 {
				return DetectWhirlpoolTx0
			}
		}
	}
	if nin >= 50 && nout >= 50 {
		std := 0
		for _, o := range tx.Outputs {
			if isWasabi2Denomination(o.Value) {
				std++
			}
		}
		if std*2 >= nout {
			return DetectWasabi2
		}
	}
	if k >= 10 && nin >= k && val >= 9_000_000 && val <= 12_000_000 {
		return DetectWasabi1
	}
	if k >= 3 && nin >= k && nout <= 2*k+1 && val >= 10_000 {
		return DetectJoinMarket
	}
	if k >= 5 && nin >= k && val >= 10_000 {
		return DetectEqualOutput
	}
	return ""
}

// IsJoin reports whether a detector names a transaction with several owners.
func IsJoin(detector string) bool {
	return detector != "" && detector != DetectWhirlpoolTx0
}

// modalValue returns the most frequent output value among outputs with an
// address, and how often it occurs (the smallest value wins ties).
func modalValue(outs []Output) (coinsift.Sats, int) {
	var best coinsift.Sats
	bestN := 0
	// Transactions are small; a quadratic count avoids allocating a map,
	// but bound it for huge ones.
	if len(outs) > 256 {
		counts := make(map[coinsift.Sats]int, len(outs))
		for _, o := range outs {
			if o.Addr != NoAddr {
				counts[o.Value]++
			}
		}
		for v, n := range counts {
			if n > bestN || n == bestN && v < best {
				best, bestN = v, n
			}
		}
		return best, bestN
	}
	for i, o := range outs {
		if o.Addr == NoAddr {
			continue
		}
		n := 0
		for _, p := range outs[i:] {
			if p.Addr != NoAddr && p.Value == o.Value {
				n++
			}
		}
		if n > bestN || n == bestN && o.Value < best {
			best, bestN = o.Value, n
		}
	}
	return best, bestN
}

func hasNullData(outs []Output) bool {
	for _, o := range outs {
		if o.Type == coinsift.ScriptNullData {
			return true
		}
	}
	return false
}

// isWasabi2Denomination reports whether v is one of Wasabi 2's standard
// denominations: powers of two, three times powers of two, and 1, 2 and 5
// times powers of ten, from 5,000 sats up.
func isWasabi2Denomination(v coinsift.Sats) bool {
	if v < 5000 {
		return false
	}
	u := uint64(v)
	if u&(u-1) == 0 || u%3 == 0 && (u/3)&(u/3-1) == 0 {
		return true
	}
	for u%10 == 0 {
		u /= 10
	}
	return u == 1 || u == 2 || u == 5
}
