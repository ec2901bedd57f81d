// Package place provides the jurisdiction of an account or person: the
// country the case's signals point to, a confidence, the evidence, and the
// countries that disagree.
//
// It is a pure library. Callers read the seized records and the tags,
// extract signals with the functions below, fill in each signal's
// provenance (Table, Row), and call Combine once per account or person.
// Nothing here touches the network or a database.
//
// # Signals
//
// Each extractor is a small pure function returning a [Signal] (or none):
//
//   - [Phone]: the region libphonenumber assigns to the account's own number
//     (not called or displayed numbers: caller ID is spoofed). Invalid and
//     non-geographic numbers give nothing; VoIP and personal numbers are weak.
//   - [IP] and [SignupIP]: an [IPLocator] maps a public address to a country:
//     [IPLoc], the table embedded from github.com/phuslu/iploc (default), an
//     investigator's MaxMind-format file ([OpenMMDB]), or a [Fallback] chain.
//     Private, reserved and documentation ranges give nothing ([Public]).
//   - [Email]: a national provider under a generic TLD (btinternet.com), else
//     the country-code TLD; generic TLDs, global webmail and vanity ccTLDs
//     (.io, .co, .me, .tv) give nothing.
//   - [Exchange]: the jurisdiction of the exchange that funded the payer.
//   - [Timezone]: from at least [MinLogins] login times, the UTC offset of the
//     person's night, as signals for every country keeping a fitting zone.
//
// A signal's Weight is its strength within its kind, in (0, 1].
//
// # Weights
//
// [Weights] gives each kind a weight — what unlimited agreeing signals of
// that kind are worth — plus the diminishing-returns factor Decay and the
// evidence Scale of the confidence. [DefaultWeights] are documented with
// their rationale in docs/methodology-place.md; [Weights.Validate] checks
// custom ones.
//
// # Combination
//
// [Combine] counts repeated signals once, gives each its effective weight
// (kind weight × strength), lets the i-th strongest signal of a kind and
// country count Decay^i of it, and sums per country. The top country's
// confidence is top / (top + rivals) × (1 − e^(−top/Scale)): its share of
// the evidence, damped when the evidence is thin. Rivals and Conflicts are
// countries with support other than the time-zone fit, which names a set
// of countries and so corroborates without contradicting. A tie, or a top
// country backed by the time zone alone, gives no country. Output does
// not depend on input order. [Evaluate] measures placements against truth:
// accuracy, coverage, per-country precision and recall, and accuracy by
// confidence bucket.
//
// # Limits
//
// Geolocation places the network, not the person: VPNs, Tor exits, proxies,
// cloud hosts and roaming mobile gateways are not recognised. Phone numbers
// place the issuing region; Crown Dependency numbers on +44 are GG, JE or IM,
// not GB. E-mail domains and exchange seats are cheap to choose. The time
// zone fit assumes a person asleep from about midnight–3am to 6–9am local,
// uses daylight-saving rules as in force since 2008 (2013 for Israel)
// for every year, and resolves bands of about four hours, not countries.
// docs/methodology-place.md has the details and the measured error rates.
package place
