package place

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
