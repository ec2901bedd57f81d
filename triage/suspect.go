package triage

import (
	"fmt"
	"math"
	"sort"
	"strings"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/triage/rule"
)

// Suspect is a person, or an account in no person, with what the case
// knows of them.
type Suspect struct {
	Person     string           `json:"person"`
	Accounts   []string         `json:"accounts"`
	Country    coinsift.Country `json:"country"` // "" when not placed
	Confidence float64          `json:"confidence"`
	Conflicts  []string         `json:"conflicts,omitempty"`
	// Received is the money that arrived on chain for the person's
	// payments, in the case currency: Verified + Late + Partial + Mismatch
	// + PaidAgain (rule fields received and, deprecated, paid).
	Received coinsift.Money `json:"received"`
	// Verified is the value of the payments that paid the recorded amount
	// within the window, and nothing else.
	Verified  coinsift.Money `json:"verified"`
	Late      coinsift.Money `json:"late"`            // paid in full after the window
	Partial   coinsift.Money `json:"partial"`         // underpaid beyond the tolerance
	Mismatch  coinsift.Money `json:"amount_mismatch"` // overpaid, or another amount than recorded
	PaidAgain coinsift.Money `json:"paid_again"`      // further payments to an invoice's address by its payer
	// Payments counts the payments whose money arrived on chain;
	// VerifiedPayments those of them that are verified.
	Payments         int      `json:"payments"`
	VerifiedPayments int      `json:"verified_payments"`
	Calls            int      `json:"calls"`
	Victims          int      `json:"victims"` // distinct numbers called long enough
	Exchanges        []string `json:"exchanges"`
	Direct           bool     `json:"direct_from_exchange"`
	// Hops is, per exchange in Exchanges, the fewest transactions between
	// it and a payment (1: the payment is the exchange's withdrawal).
	// Absent, the reasons fall back to Direct for all of Exchanges.
	Hops map[string]int `json:"exchange_hops,omitempty"`

	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// moneyFields lists the money fields of a rule, in major units of the case
// currency: each link status apart, and received, their sum. Every one is
// also available as <name>_<cur>, e.g. verified_gbp. "paid" (paid_gbp) is
// the deprecated name of received, kept so that saved rules keep working;
// docs/format/triage.md says why.
var moneyFields = []string{"received", "verified", "late", "partial", "mismatch", "paid_again", "paid"}

// money returns the money field name of s, or false.
func (s *Suspect) money(name string) (coinsift.Money, bool) {
	switch name {
	case "received", "paid":
		return s.Received, true
	case "verified":
		return s.Verified, true
	case "late":
		return s.Late, true
	case "partial":
		return s.Partial, true
	case "mismatch":
		return s.Mismatch, true
	case "paid_again":
		return s.PaidAgain, true
	}
	return coinsift.Money{}, false
}

// Schema returns the fields a rule may name, for a case in currency cur
// (each money field is also available as <name>_<cur>, e.g. received_gbp).
func Schema(cur string) rule.Schema {
	s := rule.Schema{
		"country": rule.String, "confidence": rule.Number, "placed": rule.Bool,
		"payments": rule.Number, "verified_payments": rule.Number, "calls": rule.Number, "victims": rule.Number,
		"exchanges": rule.Number, "accounts": rule.Number, "direct": rule.Bool,
	}
	for _, m := range moneyFields {
		s[m] = rule.Number
		if cur != "" {
			s[m+"_"+strings.ToLower(cur)] = rule.Number
		}
	}
	return s
}

// Field implements rule.Fields. An unplaced suspect has no country.
func (s *Suspect) Field(name string) (rule.Value, bool) {
	switch name {
	case "country":
		if s.Country == "" {
			return rule.Value{}, false
		}
		return rule.Str(string(s.Country)), true
	case "confidence":
		return rule.Num(s.Confidence), true
	case "placed":
		return rule.Boolean(s.Country != ""), true
	case "payments":
		return rule.Num(float64(s.Payments)), true
	case "verified_payments":
		return rule.Num(float64(s.VerifiedPayments)), true
	case "calls":
		return rule.Num(float64(s.Calls)), true
	case "victims":
		return rule.Num(float64(s.Victims)), true
	case "exchanges":
		return rule.Num(float64(len(s.Exchanges))), true
	case "accounts":
		return rule.Num(float64(len(s.Accounts))), true
	case "direct":
		return rule.Boolean(s.Direct), true
	}
	if m, ok := s.money(name); ok {
		return rule.Num(float64(m.Minor) / 100), true
	}
	if i := strings.LastIndexByte(name, '_'); i > 0 && s.Received.Currency != "" && strings.EqualFold(name[i+1:], s.Received.Currency) {
		if m, ok := s.money(name[:i]); ok {
			return rule.Num(float64(m.Minor) / 100), true
		}
	}
	return rule.Value{}, false
}

// Named rules every case has. A case may save more.
var BuiltinRules = []NamedRule{
	{Name: "ispoof-uk", Expr: `country == "GB" && confidence >= 0.5 && received_gbp >= 100`,
		Note: "the rule the iSpoof investigators applied first: placed in GB with confidence at least 0.5 and at least £100 received on chain (verified, late, partial or mismatched payments)"},
	{Name: "referrals", Expr: `placed && country != "GB" && received_gbp >= 100`,
		Note: "placed outside the UK with at least £100 received on chain (verified, late, partial or mismatched payments): candidates for partner agencies"},
	{Name: "all-payers", Expr: `payments > 0`, Note: "everyone with a payment whose money arrived on chain"},
}

// NamedRule is a rule saved under a name.
type NamedRule struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
	Note string `json:"note,omitempty"`
}

// score is the ranking score: money received on chain weighs most (log scale, so that a
// £5,000 payer does not dwarf everything), then victims reached and calls.
// Documented in docs/methodology.md.
func score(s *Suspect) float64 {
	return math.Log10(1+float64(s.Received.Minor)/100)*10 + math.Log10(1+float64(s.Victims))*5 + math.Log10(1+float64(s.Calls))*2
}

func reasons(s *Suspect) []string {
	var out []string
	if s.Country != "" {
		r := fmt.Sprintf("placed in %s (confidence %.2f)", s.Country, s.Confidence)
		if len(s.Conflicts) > 0 {
			r += "; conflicting signals for " + strings.Join(s.Conflicts, ", ")
		}
		out = append(out, r)
	} else {
		out = append(out, "not placed")
	}
	if s.Payments > 0 {
		out = append(out, receivedReason(s))
	}
	if s.Calls > 0 {
		out = append(out, fmt.Sprintf("made %d call(s) reaching %d victim(s)", s.Calls, s.Victims))
	}
	if len(s.Exchanges) > 0 {
		out = append(out, fundedBy(s))
	}
	if len(s.Accounts) > 1 {
		out = append(out, fmt.Sprintf("%d accounts: %s", len(s.Accounts), strings.Join(s.Accounts, ", ")))
	}
	return out
}

// receivedReason says what arrived on chain, verified money apart:
// "received £481.20 on chain in 5 payment(s): verified £400.00 (4), late £81.20".
func receivedReason(s *Suspect) string {
	r := fmt.Sprintf("received %s on chain in %d payment(s)", s.Received, s.Payments)
	if s.VerifiedPayments == s.Payments && s.Verified == s.Received {
		return r + ", all verified"
	}
	r += fmt.Sprintf(": verified %s (%d)", s.Verified, s.VerifiedPayments)
	for _, b := range []struct {
		name string
		m    coinsift.Money
	}{{"late", s.Late}, {"partial", s.Partial}, {"amount mismatch", s.Mismatch}, {"paid again", s.PaidAgain}} {
		if b.m.Minor != 0 {
			r += ", " + b.name + " " + b.m.String()
		}
	}
	return r
}

// fundedBy says which exchanges the suspect's money came from and how far
// back each is: "paid straight from binance; kraken 2 hops back", or
// "funded through kraken (2 hops back)" when none paid directly.
func fundedBy(s *Suspect) string {
	if s.Hops == nil {
		if s.Direct {
			return "paid straight from " + strings.Join(s.Exchanges, ", ")
		}
		return "funded through " + strings.Join(s.Exchanges, ", ")
	}
	var direct, back []string
	for _, e := range s.Exchanges {
		if s.Hops[e] == 1 {
			direct = append(direct, e)
		} else {
			back = append(back, e)
		}
	}
	hops := func(e string, paren bool) string {
		h := s.Hops[e]
		switch {
		case h < 1:
			return e
		case paren:
			return fmt.Sprintf("%s (%d hops back)", e, h)
		}
		return fmt.Sprintf("%s %d hops back", e, h)
	}
	var parts []string
	for _, e := range back {
		parts = append(parts, hops(e, len(direct) == 0))
	}
	if len(direct) == 0 {
		return "funded through " + strings.Join(parts, ", ")
	}
	r := "paid straight from " + strings.Join(direct, ", ")
	if len(parts) > 0 {
		r += "; " + strings.Join(parts, ", ")
	}
	return r
}

// Rank returns the suspects r matches, scored, with reasons, ordered by
// score (descending), then paid, then person.
func Rank(all []Suspect, r *rule.Rule) []Suspect {
	var out []Suspect
	for i := range all {
		s := all[i]
		if !r.Match(&s) {
			continue
		}
		s.Score = math.Round(score(&s)*1000) / 1000
		s.Reasons = reasons(&s)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Score != b.Score:
			return a.Score > b.Score
		case a.Received.Minor != b.Received.Minor:
			return a.Received.Minor > b.Received.Minor
		}
		return a.Person < b.Person
	})
	return out
}
