// Package triage turns the analyses of a case into action: ranked suspects
// that match a rule (the iSpoof rule: placed in the UK with enough
// confidence and at least £100 received on chain), and the victims to notify.
//
// # Suspects
//
// A [Suspect] is a person (or an account not grouped into a person) with the
// figures a rule can test — country, confidence, the money received on
// chain with each link status apart (verified alone, late, partial,
// mismatch, paid again, and received, their sum), payments, calls,
// victims, exchanges — exposed to the rule language of package rule through
// [Suspect.Field]. [Rank] keeps the suspects a rule matches and orders them
// by a documented score, with the reasons for it.
//
// # Victims
//
// [Victims] groups call records by the number called (E.164), keeps the
// calls at least a minimum duration long, counts them, and names the
// organisations impersonated: the one whose official number was shown as the
// caller ID (from a directory of official numbers), else the call's
// template.
package triage
