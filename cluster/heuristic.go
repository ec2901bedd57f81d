package cluster

import (
	"fmt"
	"sort"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Heuristic identifies one heuristic. The values are stored and must not change.
type Heuristic uint8

// Heuristics.
const (
	MultiInput Heuristic = iota + 1
	CoinJoin
	ChangeReuse
	ChangeType
	ChangeOptimal
	ChangeRound
	ChangeFresh
	ChangeFingerprint
	ChangePeel
	ChangeSoftware
	numHeuristics
)

// lastChange is the last change sub-heuristic: ChangeReuse..lastChange are
// the change sub-heuristics.
const lastChange = ChangeSoftware

// Info describes a heuristic.
type Info struct {
	Heuristic Heuristic
	Name      string
	Version   int
	Summary   string
}

var infos = [numHeuristics]Info{
	MultiInput:        {MultiInput, "multi-input", 1, "all input addresses of a non-coinbase, non-CoinJoin transaction are one wallet"},
	CoinJoin:          {CoinJoin, "coinjoin", 1, "detects Wasabi 1.x/2.x, Whirlpool Tx0/mix, JoinMarket and equal-output joins; excluded from multi-input and change"},
	ChangeReuse:       {ChangeReuse, "change-reuse", 1, "an output paying back to an input address is the change"},
	ChangeType:        {ChangeType, "change-type", 1, "the only output of the script type shared by all inputs is the change"},
	ChangeOptimal:     {ChangeOptimal, "change-optimal", 1, "the only output smaller than every input is the change"},
	ChangeRound:       {ChangeRound, "change-round", 1, "when the other outputs are round amounts, the only non-round output is the change"},
	ChangeFresh:       {ChangeFresh, "change-fresh", 1, "the only output address never seen before is the change"},
	ChangeFingerprint: {ChangeFingerprint, "change-fingerprint", 2, "when every output is spent, the only one spent by a transaction with the same version, locktime kind (none, height, time) and RBF habits is the change"},
	ChangePeel:        {ChangePeel, "change-peel", 1, "in a one-in two-out transaction, the only output spent by another one-in two-out transaction is the change (peeling chain)"},
	ChangeSoftware:    {ChangeSoftware, "change-software", 1, "an output spent by a transaction of other wallet habits (version, locktime kind, RBF) is a payment; the only output left is the change"},
}

// Heuristics lists every heuristic in id order.
func Heuristics() []Info {
	out := make([]Info, 0, numHeuristics-1)
	for _, in := range infos[1:] {
		out = append(out, in)
	}
	return out
}

// String returns the heuristic's name.
func (h Heuristic) String() string {
	if h > 0 && h < numHeuristics {
		return infos[h].Name
	}
	return fmt.Sprintf("heuristic(%d)", uint8(h))
}

// Versioned returns "name/version", as recorded with results.
func (h Heuristic) Versioned() string {
	if h > 0 && h < numHeuristics {
		return fmt.Sprintf("%s/%d", infos[h].Name, infos[h].Version)
	}
	return h.String()
}

func (h Heuristic) isChange() bool { return h >= ChangeReuse && h <= lastChange }

// ParseHeuristic returns the heuristic named s.
func ParseHeuristic(s string) (Heuristic, error) {
	for _, in := range infos[1:] {
		if in.Name == s {
			return in.Heuristic, nil
		}
	}
	return 0, fmt.Errorf("unknown heuristic %q: %w", s, coinsift.ErrInvalid)
}

// Set is a set of heuristics.
type Set uint32

// Has reports whether h is in s.
func (s Set) Has(h Heuristic) bool { return s&(1<<h) != 0 }

// With returns s with h added.
func (s Set) With(h Heuristic) Set { return s | 1<<h }

// List returns the heuristics of s in id order.
func (s Set) List() []Heuristic {
	var out []Heuristic
	for h := Heuristic(1); h < numHeuristics; h++ {
		if s.Has(h) {
			out = append(out, h)
		}
	}
	return out
}

// String returns the names of s joined by commas.
func (s Set) String() string {
	var names []string
	for _, h := range s.List() {
		names = append(names, h.String())
	}
	return strings.Join(names, ",")
}

// ParseSet parses a comma-separated list of heuristic names. "all" names every
// heuristic, "none" none, and "change" every change heuristic.
func ParseSet(list string) (Set, error) {
	var s Set
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		switch name {
		case "", "none":
			continue
		case "all":
			for h := Heuristic(1); h < numHeuristics; h++ {
				s = s.With(h)
			}
			continue
		case "change":
			for h := ChangeReuse; h <= lastChange; h++ {
				s = s.With(h)
			}
			continue
		}
		h, err := ParseHeuristic(name)
		if err != nil {
			return 0, err
		}
		s = s.With(h)
	}
	return s, nil
}

// Config selects heuristics and their parameters.
type Config struct {
	Heuristics Set
	// MinChangeVotes is how many votes of change sub-heuristics must name
	// the same output (with none naming another) before it is merged;
	// change-fingerprint and change-software count two votes each.
	MinChangeVotes int
	// GuardSize refuses a change merge when both clusters already hold
	// more than this many addresses; 0 disables the size guard.
	GuardSize int
	// RoundUnit is the amount of which a "round" payment is a multiple.
	RoundUnit coinsift.Sats
	// Actor, when not nil, returns the attribution actor of an address (0:
	// none). A change merge between clusters of different actors is refused.
	Actor func(addr uint32) uint32
	// KeepMerges records every union for Explain.
	KeepMerges bool
}

// DefaultHeuristics is the default set, chosen from the error rates measured
// on generated worlds (docs/methodology.md).
const DefaultHeuristics = "multi-input,coinjoin,change-reuse,change-type,change-optimal,change-fresh,change-fingerprint,change-peel,change-software"

// DefaultConfig returns the default settings.
func DefaultConfig() Config {
	s, _ := ParseSet(DefaultHeuristics)
	return Config{Heuristics: s, MinChangeVotes: 2, GuardSize: 1000, RoundUnit: 100_000, KeepMerges: true}
}

// Validate reports a setting that cannot work.
func (c Config) Validate() error {
	if c.MinChangeVotes < 1 {
		return fmt.Errorf("cluster config: MinChangeVotes %d: must be at least 1: %w", c.MinChangeVotes, coinsift.ErrInvalid)
	}
	if c.GuardSize < 0 {
		return fmt.Errorf("cluster config: GuardSize %d: must not be negative: %w", c.GuardSize, coinsift.ErrInvalid)
	}
	if c.RoundUnit <= 0 {
		return fmt.Errorf("cluster config: RoundUnit %d: must be positive: %w", c.RoundUnit, coinsift.ErrInvalid)
	}
	return nil
}

// Describe returns the settings as stable text for provenance records.
func (c Config) Describe() string {
	var parts []string
	for _, h := range c.Heuristics.List() {
		parts = append(parts, h.Versioned())
	}
	sort.Strings(parts)
	return fmt.Sprintf("heuristics=%s min_change_votes=%d guard_size=%d round_unit=%d",
		strings.Join(parts, ","), c.MinChangeVotes, c.GuardSize, c.RoundUnit)
}
