package place

import "strconv"

// Exchange turns the jurisdiction of the exchange that funded a payer (from
// tags or actor packs, e.g. "GB" for an FCA-registered exchange) into a
// signal. Value is the exchange's name, Detail "exchange jurisdiction".
// A country that is not an assigned ISO 3166-1 code ("", "EU", "ZZ") gives
// no signal.
//
// An exchange's seat is not its customer's home, but regulated exchanges
// verify identity and mostly serve residents, so the signal is weak and
// strongest as corroboration; offshore and global exchanges should be tagged
// without a jurisdiction.
func Exchange(name, country string) (Signal, bool) {
	c, ok := ParseCountry(country)
	if !ok {
		return Signal{}, false
	}
	return Signal{Kind: KindExchange, Country: c, Weight: 1, Value: name, Detail: "exchange jurisdiction"}, true
}

// Exchanges turns an exchange with several jurisdictions (an actor pack
// lists every country it is registered in) into one signal per valid
// country, the weight split evenly among them: an exchange registered in
// one country says more about its customers than one registered in ten.
// Like the time-zone fit, such a share names a set of countries: Combine
// counts it for the countries it names but not against the winner, and
// lists none of them as conflicts.
// payments, when positive, is how many of the account's payments the
// exchange funded; it is only told in Detail. Duplicate and invalid codes
// are dropped before the split.
func Exchanges(name string, countries []string, payments int) []Signal {
	var out []Signal
	seen := map[string]bool{}
	for _, c := range countries {
		s, ok := Exchange(name, c)
		if !ok || seen[string(s.Country)] {
			continue
		}
		seen[string(s.Country)] = true
		out = append(out, s)
	}
	detail := "exchange jurisdiction"
	if len(out) > 1 {
		detail += " (1 of " + strconv.Itoa(len(out)) + ")"
	}
	if payments > 0 {
		detail += ", funded " + strconv.Itoa(payments) + " payment"
		if payments != 1 {
			detail += "s"
		}
	}
	for i := range out {
		out[i].Weight = 1 / float64(len(out))
		out[i].Detail = detail
	}
	return out
}
