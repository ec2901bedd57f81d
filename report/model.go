package report

import (
	"time"

	"github.com/coinsift/coinsift"
)

// Case describes the case a package or summary is written for. Every field
// is copied into the output; nothing here is read from the clock or the
// environment, so the same Case gives the same bytes.
type Case struct {
	// Name is the case name as registered in case.toml, e.g. "iSpoof".
	Name string `json:"name"`
	// Generated is the time the report is dated: the time of the audit log
	// line that produced the data (the last line of AuditExcerpt), never
	// time.Now. It dates every PDF, XLSX and manifest.
	Generated time.Time `json:"generated"`
	// Currency is the ISO 4217 code values are reported in, e.g. "GBP".
	Currency string `json:"currency"`
	// Rule is the text of the triage rule that selected the suspects,
	// e.g. "country = GB and paid >= 100.00 GBP".
	Rule string `json:"rule"`
	// RuleName names the rule, e.g. "default".
	RuleName string `json:"rule_name"`
	// AuditExcerpt holds the audit-log lines that produced the data, in
	// sequence order. The largest Seq is printed in every footer.
	AuditExcerpt []AuditLine `json:"audit_excerpt"`
	// Heuristics lists every heuristic the data depends on, with its
	// measured error rates, so that an expert witness can state them.
	Heuristics []Heuristic `json:"heuristics"`
	// Notes are free-text remarks printed on the evidence sheets and summary.
	Notes []string `json:"notes,omitempty"`
	// Version is the coinsift version that writes the report, e.g.
	// "v0.4.0"; "" prints as "dev". It is a field, not a build-time lookup,
	// so that output bytes do not depend on how the binary was built.
	// (An addition to the shape in issue 7, for the footers.)
	Version string `json:"version,omitempty"`
	// Authority, LegalBasis and Officer come from the case settings
	// (case.toml [settings.report]) and head every production order: the
	// requesting authority, the law the order is made under and the
	// officer in charge. An empty field prints as an explicit placeholder
	// to fill in ("[REQUESTING AUTHORITY - to be completed]"), never as a
	// blank.
	Authority  string `json:"authority,omitempty"`
	LegalBasis string `json:"legal_basis,omitempty"`
	Officer    string `json:"officer,omitempty"`
}

// AuditLine is one line of the case's hash-chained audit log.
type AuditLine struct {
	Seq     int64     `json:"seq"`     // position in audit.jsonl, from 1
	Time    time.Time `json:"time"`    // when the command ran (UTC)
	User    string    `json:"user"`    // operating-system user who ran it
	Command string    `json:"command"` // the command line, e.g. "coinsift triage run"
	Hash    string    `json:"hash"`    // the line's chained SHA-256, hex
}

// Heuristic is a versioned analysis heuristic and its measured error rates.
type Heuristic struct {
	Name      string  `json:"name"`      // e.g. "multi-input"
	Version   string  `json:"version"`   // e.g. "2"
	Precision float64 `json:"precision"` // in [0,1]
	Recall    float64 `json:"recall"`    // in [0,1]
	// Measured says where and how the rates were measured, e.g.
	// "small world seed 1, docs/methodology.md".
	Measured string `json:"measured"`
	// Area is what the heuristic decides: "clustering", "linking",
	// "valuation", "persons", "placement" or "funding exchange"; ""
	// is clustering (the shape before it was added).
	Area string `json:"area,omitempty"`
	// Measure says what Precision and Recall count for this heuristic,
	// e.g. "pairs of accounts put in one person"; empty for clustering,
	// whose measures docs/methodology.md defines once.
	Measure string `json:"measure,omitempty"`
	// Unmeasured names a figure ("precision" or "recall") that has not
	// been measured: its field is 0 and is printed as "not measured".
	Unmeasured string `json:"unmeasured,omitempty"`
}

// Suspect is one ranked suspect: a person (one or more accounts of the
// seized service) with payments, placement and funding sources.
type Suspect struct {
	Rank       int                `json:"rank"`                // 1 is pursued first
	Person     string             `json:"person"`              // person id from triage
	Accounts   []Account          `json:"accounts"`            // the person's accounts on the service
	Country    coinsift.Country   `json:"country"`             // placed jurisdiction, "" if unknown
	Confidence float64            `json:"confidence"`          // placement confidence in [0,1]
	Placement  []Signal           `json:"placement"`           // the signals behind Country
	Conflicts  []coinsift.Country `json:"conflicts,omitempty"` // other countries some signals point to
	// Received is the money that arrived on chain for the suspect's
	// payments: Verified + Late + Partial + Mismatch + PaidAgain, each of
	// which holds one link status alone (docs/format/triage.md).
	Received  coinsift.Money `json:"received"`
	Verified  coinsift.Money `json:"verified"`        // paid the recorded amount within the window
	Late      coinsift.Money `json:"late"`            // paid in full after the window
	Partial   coinsift.Money `json:"partial"`         // underpaid beyond the tolerance
	Mismatch  coinsift.Money `json:"amount_mismatch"` // overpaid, or another amount than recorded
	PaidAgain coinsift.Money `json:"paid_again"`      // further payments to a paid invoice's address by its payer
	// VerifiedPayments counts the verified payments, of
	// ReceivedPayments whose money arrived on chain.
	VerifiedPayments int       `json:"verified_payments"`
	ReceivedPayments int       `json:"received_payments"`
	Payments         []Payment `json:"payments"` // one per matched output
	Sources          []Source  `json:"sources"`  // funding exchanges (backward trace)
	Calls            int       `json:"calls"`    // calls made through the service
	Victims          int       `json:"victims"`  // distinct numbers called
	Score            float64   `json:"score"`    // triage score
	Reasons          []string  `json:"reasons"`  // why the rule selected the suspect
	// OtherAccounts names accounts elsewhere (other services, other cases)
	// linked to the person.
	OtherAccounts []string `json:"other_accounts,omitempty"`
	// Links are the links that joined the person's accounts into one
	// person, in (account, account, kind, detail) order; empty for a
	// person of one account.
	Links []PersonLink `json:"links,omitempty"`
}

// PersonLink is one piece of evidence that two accounts are one person.
type PersonLink struct {
	AccountA string `json:"account_a"`
	AccountB string `json:"account_b"`
	// Kind is the evidence: "phone", "btc_address", "email", "login_ip",
	// "paying_cluster", "override" ….
	Kind string `json:"kind"`
	// Strength is "strong" (joins on its own) or "weak" (needs
	// corroboration) when the persons rule recorded it, else "".
	Strength string `json:"strength,omitempty"`
	// Detail is the shared value: the phone number, the login address, the
	// paying cluster's id.
	Detail string `json:"detail,omitempty"`
	// Behind lists the rows or transactions behind the link, e.g.
	// "account 1110 paid in 5c00aa20…" for a paying cluster.
	Behind []string `json:"behind,omitempty"`
}

// Account is one account of the seized service.
type Account struct {
	Key      string    `json:"key"` // the service's primary key
	Username string    `json:"username"`
	Emails   []string  `json:"emails,omitempty"`
	Phones   []string  `json:"phones,omitempty"` // E.164
	IPs      []string  `json:"ips,omitempty"`
	Created  time.Time `json:"created"`
	// Provenance locates the seized row, e.g.
	// "evidence 5891b5b5…, table users, row 12".
	Provenance string `json:"provenance"`
}

// Signal is one piece of placement evidence.
type Signal struct {
	Kind    string           `json:"kind"`   // "phone", "ip", "email-domain", "exchange" …
	Value   string           `json:"value"`  // the identifier, e.g. "+447700900123"
	Detail  string           `json:"detail"` // how it was placed, e.g. "GeoLite2 2022-10-04"
	Country coinsift.Country `json:"country"`
	Weight  float64          `json:"weight"`
}

// Payment is one payment recorded by the service and linked to the chain.
type Payment struct {
	Account   string          `json:"account"` // account key
	Invoice   string          `json:"invoice"` // the service's invoice id
	Address   string          `json:"address"` // the service's receiving address
	TxID      coinsift.TxID   `json:"txid"`
	Vout      uint32          `json:"vout"`
	Height    coinsift.Height `json:"height"`
	BlockTime time.Time       `json:"block_time"`
	Sats      coinsift.Sats   `json:"sats"`
	Value     coinsift.Money  `json:"value"` // valued at RateTime
	Rate      string          `json:"rate"`  // decimal text, currency per BTC, e.g. "15234.12"
	// RateSource names the price series, e.g. "coindesk-bpi-gbp".
	RateSource string    `json:"rate_source"`
	RateTime   time.Time `json:"rate_time"`
	// RateEvidence locates the rate in evidence, e.g. "evidence 1a2b…, row 812".
	RateEvidence string `json:"rate_evidence"`
	Status       string `json:"status"`     // link status: "verified", "late", "partial", "amount_mismatch", "paid_again"
	Provenance   string `json:"provenance"` // the seized invoice row
}

// Source is a funding exchange found by the backward trace.
type Source struct {
	Exchange         string           `json:"exchange"`
	Jurisdiction     coinsift.Country `json:"jurisdiction"`
	Share            float64          `json:"share"` // fraction of the suspect's payments it funded, [0,1]
	Sats             coinsift.Sats    `json:"sats"`
	Hops             int              `json:"hops"` // transactions between withdrawal and payment
	WithdrawalTxID   coinsift.TxID    `json:"withdrawal_txid"`
	WithdrawalHeight coinsift.Height  `json:"withdrawal_height"`
	WithdrawalTime   time.Time        `json:"withdrawal_time"`
	Address          string           `json:"address"` // the exchange's address on the withdrawal
	Model            string           `json:"model"`   // trace model, e.g. "poison" or "haircut"
	// Label is the exchange's name in the actor packs, e.g. "Binance"
	// (Exchange is its id, e.g. "binance"); "" when no pack names it.
	Label string `json:"label,omitempty"`
	// Jurisdictions are every jurisdiction the actor packs give the
	// exchange, in their order; Jurisdiction is the first of them.
	Jurisdictions []coinsift.Country `json:"jurisdictions,omitempty"`
	// Withdrawals are every withdrawal of the exchange traced to the
	// suspect's payments, one per txid, in time order. The fields above
	// describe the nearest one (fewest hops).
	Withdrawals []Withdrawal `json:"withdrawals,omitempty"`
}

// Victim is one telephone number called through the service.
type Victim struct {
	E164          string           `json:"e164"`
	Country       coinsift.Country `json:"country"`
	Calls         int              `json:"calls"`
	LongestCall   time.Duration    `json:"longest_call"`
	FirstCall     time.Time        `json:"first_call"`
	LastCall      time.Time        `json:"last_call"`
	Organisations []string         `json:"organisations,omitempty"` // organisations impersonated
}

// ProductionOrder is the draft of an order to one exchange for the identity
// of the customers who received the listed withdrawals.
type ProductionOrder struct {
	Exchange string `json:"exchange"` // the exchange's id, e.g. "binance"
	// Jurisdiction is where the order is addressed: the referral's
	// country when the exchange operates there, else the first of
	// Jurisdictions; "" when no actor pack names the exchange.
	Jurisdiction coinsift.Country `json:"jurisdiction"`
	Items        []Withdrawal     `json:"items"` // one per withdrawal txid
	// Label is the exchange's name in the actor packs, e.g. "Binance".
	Label string `json:"label,omitempty"`
	// Jurisdictions are every jurisdiction the actor packs give the exchange.
	Jurisdictions []coinsift.Country `json:"jurisdictions,omitempty"`
}

// Withdrawal is one withdrawal from an exchange: a transaction whose
// inputs are the exchange's and whose receiving outputs carried money on
// to a suspect's payments. Sats and Value are what the exchange paid out
// to the receiving addresses; Traced is the part of it the trace model
// attributes to each suspect's payments.
type Withdrawal struct {
	Person  string          `json:"person"`  // our suspect reference (the first of Traced)
	Account string          `json:"account"` // the service account it funded (the first of Traced)
	TxID    coinsift.TxID   `json:"txid"`
	Height  coinsift.Height `json:"height"`
	Time    time.Time       `json:"time"`    // block time, UTC
	Address string          `json:"address"` // the customer's receiving address (the first of ReceivingAddresses)
	Sats    coinsift.Sats   `json:"sats"`    // amount withdrawn to the receiving addresses
	Value   coinsift.Money  `json:"value"`   // Sats valued at Rate
	// ExchangeAddresses are the addresses the withdrawal spent from: the
	// exchange's sending addresses, in input order.
	ExchangeAddresses []string `json:"exchange_addresses,omitempty"`
	// ReceivingAddresses are the addresses of Outputs, in output order.
	ReceivingAddresses []string `json:"receiving_addresses,omitempty"`
	// Outputs are the withdrawal's outputs on the traced paths to the
	// suspects' payments (for a withdrawal straight to the service, the
	// outputs to its deposit address), in output order; Sats is their sum.
	Outputs []WithdrawalOutput `json:"outputs,omitempty"`
	// Rate is the case currency per BTC at Time, as package value
	// chooses it (the case's last 'coinsift value' method and tolerance),
	// with its source, timestamp and the price file's evidence id; ""
	// when the price book has no rate near Time (then Value is zero and
	// RateProblem says why).
	Rate         string    `json:"rate,omitempty"`
	RateSource   string    `json:"rate_source,omitempty"`
	RateTime     time.Time `json:"rate_time"`
	RateEvidence string    `json:"rate_evidence,omitempty"`
	RateProblem  string    `json:"rate_problem,omitempty"`
	// TracedSats is the sum of Traced: what the model traces from the
	// exchange to the suspects' payments whose nearest withdrawal of the
	// exchange this is. The trace records one withdrawal per payment and
	// exchange, so TracedSats may exceed Sats when money also came through
	// earlier withdrawals of the exchange.
	TracedSats coinsift.Sats `json:"traced_sats"`
	Model      string        `json:"model,omitempty"` // trace model, e.g. "haircut"
	Traced     []Traced      `json:"traced,omitempty"`
}

// WithdrawalOutput is one receiving output of a withdrawal.
type WithdrawalOutput struct {
	Vout    uint32        `json:"vout"`
	Address string        `json:"address"` // "" for an output without an address
	Sats    coinsift.Sats `json:"sats"`
}

// Traced is what the trace model attributes from an exchange to one
// suspect's payment whose nearest withdrawal of the exchange is the
// withdrawal it is listed under.
type Traced struct {
	Person  string        `json:"person"`
	Account string        `json:"account"`
	Invoice string        `json:"invoice"` // the payment, as Payment.Invoice
	Sats    coinsift.Sats `json:"sats"`
	Hops    int           `json:"hops"` // transactions from the withdrawal to the payment, 1: the withdrawal paid it
}

// Referral is everything passed to one partner agency.
type Referral struct {
	Country  coinsift.Country  `json:"country"` // ISO 3166-1 alpha-2, names the package directory
	Agency   string            `json:"agency"`  // e.g. "Politie (NL)"
	Suspects []Suspect         `json:"suspects"`
	Orders   []ProductionOrder `json:"orders"`
	Victims  []Victim          `json:"victims,omitempty"`
	// VictimsAllowed says whether the victim list may be passed to this
	// agency; victims.csv is written only when it is true.
	VictimsAllowed bool `json:"victims_allowed"`
}

// Summary is the data of a case summary.
type Summary struct {
	Case             Case
	Users            int            // accounts in the seized database
	Payments         int            // payments recorded by the service
	VerifiedPayments int            // payments linked to the chain and verified
	Verified         coinsift.Money // value of the verified payments alone
	// ByStatus holds the payments linked to the chain that are not
	// verified, one entry per link status in report order (late, partial,
	// amount_mismatch, paid_again, duplicate): their count and the value
	// of what arrived (duplicates add no money).
	ByStatus []StatusTotal
	// Received is the value of all money that arrived on chain: verified +
	// late + partial + amount mismatch + paid again.
	Received          coinsift.Money
	SuspectsByCountry map[coinsift.Country]int
	PaymentsByMonth   []MonthTotal    // in month order
	TopExchanges      []ExchangeTotal // largest first
	VictimsByCountry  map[coinsift.Country]int
	RuleHits          int // suspects the triage rule selected
}

// StatusTotal is the count and value of the payments of one link status.
type StatusTotal struct {
	Status   string // link status, e.g. "late"
	Payments int
	Value    coinsift.Money
}

// MonthTotal is the count and value of verified payments in one month.
type MonthTotal struct {
	Month string // "2021-06"
	Count int
	Total coinsift.Money
}

// ExchangeTotal is what one exchange funded.
type ExchangeTotal struct {
	Exchange string
	Payers   int
	Total    coinsift.Money
}

// Redaction names fields left out of a package. Valid names are listed in
// RedactionFields; a redacted identifier is written as "[redacted]", and
// "victims" leaves victims.csv out.
type Redaction struct {
	Fields []string
}

// RedactionFields lists the field names Redaction accepts.
var RedactionFields = []string{"email", "phone", "ip", "username", "victims"}
