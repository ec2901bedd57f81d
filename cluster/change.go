package cluster

import (
	"fmt"

	coinsift "github.com/coinsift/coinsift"
)

var changeMask = func() Set {
	var s Set
	for h := ChangeReuse; h <= ChangePeel; h++ {
		s = s.With(h)
	}
	return s
}()

// changeFinder applies the change sub-heuristics to one transaction.
type changeFinder struct {
	cfg  Config
	src  Source
	cand []int // reused
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
	f.cand = f.cand[:0]
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
	if len(votes) == 0 {
		return d, false, nil
	}
	// The output with most votes (lowest vout on a tie) is the candidate.
	best, bestN := -1, 0
	for _, v := range f.cand {
		if n := len(votes[v].List()); n > bestN {
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

type fingerprint struct {
	version  int32
	antiSnip bool // non-zero locktime (anti-fee-sniping)
	rbf      bool
}

func (f *changeFinder) fingerprint(tx *Tx) (int, error) {
	own := fingerprint{tx.Version, tx.LockTime != 0, tx.RBF}
	found, spent := -1, 0
	for _, v := range f.cand {
		sp := tx.Outputs[v].Spender
		if sp == NoTx {
			continue
		}
		spent++
		sh, err := f.src.Shape(sp)
		if err != nil {
			return -1, fmt.Errorf("shape of tx %d: %w", sp, err)
		}
		if (fingerprint{sh.Version, sh.LockTime != 0, sh.RBF}) == own {
			if found >= 0 {
				return -1, nil
			}
			found = v
		}
	}
	if spent < 2 {
		return -1, nil // nothing to contrast with
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
