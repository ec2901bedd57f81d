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
// Accounts are joined ([Edges]) when they share a paying cluster (clusters
// carrying a tag — exchanges, services — are left out by the loader), a
// normalised e-mail, an E.164 phone or a bitcoin address. A value shared by
// more than [Config.MaxAccounts] accounts is dropped and listed: it is an
// unlabelled service, not a person. [Group] unions the accounts and keeps
// every link, so [Grouping.Explain] can show the chain of links that joins
// any two accounts of a person.
//
// # Overrides
//
// The investigator's overrides apply before the union: "merge A B" adds a
// link with reason override; "split A B" removes every direct link between
// A and B. A split does not cut indirect paths: when A and B remain one
// person through other accounts, the split is reported as unresolved, so
// the investigator can split the links that still join them.
package persons
