// Package persons finds who paid: it traces every paid payment back to its
// sources ([Payers]) and groups accounts into persons ([Group]).
//
// # Payers
//
// [Payers] runs a backward trace ([Walk], wired by the command to
// trace.Back over the stored clustering) for every payment on a pool of
// workers; the chain index is safe for concurrent reads. Each [Payer] has
// the paying cluster (the cluster of the paying transaction's first input
// address), whether an exchange paid the deposit address directly (hop 1,
// with its withdrawal txid) and the sources with their shares.
// [ByAccount] sums them per account.
//
// # Persons
//
// Accounts are joined by weighted evidence (rule persons/v4, [Weigh]).
// Each value two accounts share is one piece with a kind and a strength
// that depends on who controls the identifier ([DefaultStrength]): an
// E.164 phone ([NormPhone]), a messenger handle ([NormHandle]), a bitcoin
// address the customer gave, and a deposit address paid from one cluster
// by both ([Deposit]) weigh 1; a normalised e-mail ([NormEmail]: typed,
// never verified), a paying cluster (a wallet friends share) and the
// login addresses of one network ([Network]: an IPv4 /24 or IPv6 /48, one
// piece however many addresses) weigh 0.5; login addresses in a pool — a
// network most of whose accounts are at home in another country
// ([Config.CountryOf]: VPN and hosting exits), or one used by more than
// [Config.PoolAccounts] accounts — weigh 0.25. A pair joins when its
// pieces sum to at least 1. A service-assigned deposit address alone is
// nothing: services hand one address to several customers. A value shared
// by more accounts than a person plausibly holds ([Config.MaxAccounts],
// [Config.MaxIPAccounts]) or a placeholder ([Junk]: test@test.com,
// +440000000000) contributes nothing and is listed in [Weighing.Dropped];
// pairs that shared too little are kept in [Weighing.Rejected], so every
// decision can be explained. docs/methodology.md ("Persons") gives the
// measured error rates per kind of evidence. [Group] unions the accounts
// and keeps every link, so [Grouping.Explain] can show the chain of links
// that joins any two accounts of a person.
//
// # Overrides
//
// The investigator's overrides apply before the union: "merge A B" adds a
// link with reason override; "split A B" removes every direct link between
// A and B. A split does not cut indirect paths: when A and B remain one
// person through other accounts, the split is reported as unresolved, so
// the investigator can split the links that still join them.
package persons
