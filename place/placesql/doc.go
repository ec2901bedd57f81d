// Package placesql reads the signals of every account from the case's
// canonical seized tables (identifiers, logins, accounts) and stores the
// placements that package place computes from them.
//
// # Signals read
//
// Phone numbers and e-mail addresses from identifiers; sign-up and login
// IPs from identifiers and logins (one signal per distinct IP); up to
// MaxLoginTimes login times per account for the time-zone fit; and, when the
// caller supplies them, the jurisdictions of the exchanges that funded the
// account's payments.
package placesql
