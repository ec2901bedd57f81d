package cluster

import (
	"fmt"

	coinsift "github.com/coinsift/coinsift"
)

var changeMask = func() Set {
	var s Set
	for h := ChangeReuse; h <= lastChange; h++ {
		s = s.With(h)
	}
	return s
}()

// changeFinder applies the change sub-heuristics to one transaction.
type changeFinder struct {
	cfg  Config
	src  Source
	cand []int // reused
	// match caches spenders' fingerprints for the transaction matchOf.
	match   []spenderMatch
	matchOf int64
	matchOK bool
}

// eligible reports whether output o can be a change output at all.
func eligible(o Output) bool {
	return o.Addr != NoAddr && o.Type != coinsift.ScriptNullData && o.Type != coinsift.ScriptNonStandard
}

// decide returns the change decision for tx, and false when no enabled
// sub-heuristic names an output.
func (f *changeFinder) decide(tx *Tx) (ChangeDecision, bool, error) {
	d := ChangeDecision{Tx: tx.Index, Vout: -1}
	if len(tx.Inputs) == 0 || firstInput(tx) == NoAddr {
		return d, false, nil
	}
	f.cand, f.matchOK = f.cand[:0], false
	for i, o := range tx.Outputs {
		if eligible(o) {
			f.cand = append(f.cand, i)
		}
	}
	if len(f.cand) < 2 {
		return d, false, nil // one payment, or a sweep: nothing to tell apart
	}
	set := f.cfg.Heuristics
	// Address reuse back to an input settles it: that output is the change
	// and already in the inputs' cluster.
	if set.Has(ChangeReuse) {
		if v := f.reuse(tx); v >= 0 {
			d.Vout, d.Votes, d.Merged = v, d.Votes.With(ChangeReuse), true
			d.Answers = []Answer{{Heuristic: ChangeReuse, Vout: int32(v)}}
			return d, true, nil
		}
	}
	votes := map[int]Set{}
	vote := func(h Heuristic, v int) {
		if v >= 0 {
			votes[v] = votes[v].With(h)
			d.Answers = append(d.Answers, Answer{Heuristic: h, Vout: int32(v)})
		}
	}
	if set.Has(ChangeType) {
		vote(ChangeType, f.sameType(tx))
	}
	if set.Has(ChangeOptimal) {
		vote(ChangeOptimal, f.optimal(tx))
	}
	if set.Has(ChangeRound) {
		vote(ChangeRound, f.round(tx))
	}
	if set.Has(ChangeFresh) {
		vote(ChangeFresh, f.fresh(tx))
	}
	if set.Has(ChangeFingerprint) {
		v, err := f.fingerprint(tx)
		if err != nil {
			return d, false, err
		}
		vote(ChangeFingerprint, v)
	}
	if set.Has(ChangePeel) {
		v, err := f.peel(tx)
		if err != nil {
			return d, false, err
		}
		vote(ChangePeel, v)
	}
	if set.Has(ChangeSoftware) {
		v, err := f.software(tx)
		if err != nil {
			return d, false, err
		}
		vote(ChangeSoftware, v)
	}
	if len(votes) == 0 {
		return d, false, nil
	}
	// The output with most votes (lowest vout on a tie) is the candidate.
	best, bestN := -1, 0
	for _, v := range f.cand {
		if n := weight(votes[v]); n > bestN {
			best, bestN = v, n
		}
	}
	d.Vout, d.Votes = best, votes[best]
	for v, s := range votes {
		if v != best {
			d.Conflict |= s
		}
	}
	switch {
	case d.Conflict != 0:
		d.Refusal = "conflict"
	case bestN < f.cfg.MinChangeVotes:
		d.Refusal = "votes"
	}
	return d, true, nil
}

// weight returns the votes s counts for against Config.MinChangeVotes. The
// two look-ahead wallet-habit heuristics (change-fingerprint,
// change-software) count twice: each rests on how the outputs were later
// spent, not on the shape of the transaction, and each was 100% precise
// alone on the generated worlds and on the btcwallet chain
// (docs/methodology.md); the others count once.
func weight(s Set) int {
	n := 0
	for _, h := range s.List() {
		n++
		if h == ChangeFingerprint || h == ChangeSoftware {
			n++
		}
	}
	return n
}

func (f *changeFinder) reuse(tx *Tx) int {
	found := -1
	for _, v := range f.cand {
		a := tx.Outputs[v].Addr
		for _, in := range tx.Inputs {
			if in.Addr == a {
				if found >= 0 && found != v {
					return -1
				}
				found = v
				break
			}
		}
	}
	return found
}

// unique returns the only candidate for which ok is true, or -1.
func (f *changeFinder) unique(ok func(v int) bool) int {
	found := -1
	for _, v := range f.cand {
		if ok(v) {
			if found >= 0 {
				return -1
			}
			found = v
		}
	}
	return found
}

func (f *changeFinder) sameType(tx *Tx) int {
	t := tx.Inputs[0].Type
	for _, in := range tx.Inputs[1:] {
		if in.Type != t {
			return -1
		}
	}
	return f.unique(func(v int) bool { return tx.Outputs[v].Type == t })
}

func (f *changeFinder) optimal(tx *Tx) int {
	min := tx.Inputs[0].Value
	for _, in := range tx.Inputs[1:] {
		if in.Value < min {
			min = in.Value
		}
	}
	return f.unique(func(v int) bool { return tx.Outputs[v].Value < min })
}

func (f *changeFinder) round(tx *Tx) int {
	unit := f.cfg.RoundUnit
	rounds := 0
	for _, v := range f.cand {
		if tx.Outputs[v].Value%unit == 0 {
			rounds++
		}
	}
	if rounds == 0 {
		return -1
	}
	return f.unique(func(v int) bool { return tx.Outputs[v].Value%unit != 0 })
}

func (f *changeFinder) fresh(tx *Tx) int {
	return f.unique(func(v int) bool { return f.src.FirstSeen(tx.Outputs[v].Addr) >= tx.Index })
}

// Locktime kinds of a wallet fingerprint.
const (
	lockNone   uint8 = iota // 0: no locktime
	lockHeight              // a block height (anti-fee-sniping wallets set the tip)
	lockUnix                // a Unix time
)

// fingerprint is what a wallet's transactions share whoever they pay: the
// version, the kind of locktime and whether the inputs signal RBF.
type fingerprint struct {
	version int32
	lock    uint8
	rbf     bool
}

func fingerprintOf(version int32, lockTime uint32, rbf bool) fingerprint {
	lock := lockNone
	switch {
	case lockTime >= 500_000_000:
		lock = lockUnix
	case lockTime > 0:
		lock = lockHeight
	}
	return fingerprint{version, lock, rbf}
}

// spenderMatch is, for one output, whether it is spent and whether its
// spender's fingerprint is the transaction's own.
type spenderMatch struct {
	spent, same bool
}

// spenders returns the spenderMatch of every candidate output of tx
// (f.cand order). It reads each spender's shape once per transaction and
// is shared by the fingerprint and software heuristics.
func (f *changeFinder) spenders(tx *Tx) ([]spenderMatch, error) {
	if f.matchOf == tx.Index && f.matchOK {
		return f.match, nil
	}
	own := fingerprintOf(tx.Version, tx.LockTime, tx.RBF)
	f.match = f.match[:0]
	for _, v := range f.cand {
		sp := tx.Outputs[v].Spender
		if sp == NoTx {
			f.match = append(f.match, spenderMatch{})
			continue
		}
		sh, err := f.src.Shape(sp)
		if err != nil {
			return nil, fmt.Errorf("shape of tx %d: %w", sp, err)
		}
		f.match = append(f.match, spenderMatch{spent: true, same: fingerprintOf(sh.Version, sh.LockTime, sh.RBF) == own})
	}
	f.matchOf, f.matchOK = tx.Index, true
	return f.match, nil
}

// fingerprint names the only output spent by a transaction with the
// spender's fingerprint, when every output is spent: an unspent output may
// be the change, and another recipient may use the same software.
func (f *changeFinder) fingerprint(tx *Tx) (int, error) {
	m, err := f.spenders(tx)
	if err != nil {
		return -1, err
	}
	found := -1
	for i, v := range f.cand {
		if !m[i].spent {
			return -1, nil
		}
		if m[i].same {
			if found >= 0 {
				return -1, nil
			}
			found = v
		}
	}
	return found, nil
}

// software names the only output not spent by a transaction of another
// fingerprint, when at least one is: a wallet spends its change with its
// own habits, so an output spent with other habits went to someone else.
func (f *changeFinder) software(tx *Tx) (int, error) {
	m, err := f.spenders(tx)
	if err != nil {
		return -1, err
	}
	found, other := -1, 0
	for i, v := range f.cand {
		if m[i].spent && !m[i].same {
			other++
			continue
		}
		if found >= 0 {
			return -1, nil
		}
		found = v
	}
	if other == 0 {
		return -1, nil
	}
	return found, nil
}

func (f *changeFinder) peel(tx *Tx) (int, error) {
	if len(tx.Inputs) != 1 || len(tx.Outputs) != 2 || len(f.cand) != 2 {
		return -1, nil
	}
	found := -1
	for _, v := range f.cand {
		sp := tx.Outputs[v].Spender
		if sp == NoTx {
			continue
		}
		sh, err := f.src.Shape(sp)
		if err != nil {
			return -1, fmt.Errorf("shape of tx %d: %w", sp, err)
		}
		if sh.NumInputs == 1 && sh.NumOutputs == 2 {
			if found >= 0 {
				return -1, nil
			}
			found = v
		}
	}
	return found, nil
}
