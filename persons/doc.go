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
// Accounts are joined ([Edges]) by strong or weak evidence. Strong: an
// E.164 phone number ([NormPhone]) or a bitcoin address; one is enough.
// Weak ([Weak]): a paying cluster (clusters carrying a tag — exchanges,
// services — and those of payments an exchange made directly are left out
// by the loader), a normalised e-mail ([NormEmail]) and a public login
// address ([NormIP]). Two accounts joined by weak evidence only need
// [Config.Corroboration] pieces of it (default two): each distinct login
// address counts one, a paying cluster one, an e-mail one. A wallet shared
// by two people, a typed e-mail address that collides, one VPN exit: none
// joins on its own. A value shared by more than [Config.MaxAccounts]
// accounts ([Config.MaxIPAccounts] for login addresses) is dropped and
// listed: it is a service, a VPN exit or carrier NAT, not a person.
// docs/methodology.md ("Persons") gives the measured error rates. [Group]
// unions the accounts and keeps every link, so [Grouping.Explain] can show
// the chain of links that joins any two accounts of a person.
//
// # Overrides
//
// The investigator's overrides apply before the union: "merge A B" adds a
// link with reason override; "split A B" removes every direct link between
// A and B. A split does not cut indirect paths: when A and B remain one
// person through other accounts, the split is reported as unresolved, so
// the investigator can split the links that still join them.
package persons
