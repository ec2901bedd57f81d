package world

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// countryFact describes how people of one country look in the seized data.
type countryFact struct {
	code    string
	weight  float64  // share of the service's customers (iSpoof-like)
	mobile  []string // leading digits of mobile national numbers (every number drawn is checked with libphonenumber)
	area    []string // NANP: area codes of the country (US, CA)
	domains []share  // e-mail domains and their shares
	zones   []share  // IANA time zones (see tzones) and their shares of the population
	first   []string
	last    []string
}

// share is a name and its weight in a draw.
type share struct {
	name string
	w    float64
}

// shares parses "name weight, name weight, …".
func shares(s string) []share {
	var out []share
	for _, f := range strings.Split(s, ",") {
		name, w, ok := strings.Cut(strings.TrimSpace(f), " ")
		v, err := strconv.ParseFloat(w, 64)
		if !ok || err != nil {
			panic("world: bad share " + f)
		}
		out = append(out, share{name, v})
	}
	return out
}

func pick(r *rand.Rand, s []share) string {
	w := make([]float64, len(s))
	for i, x := range s {
		w[i] = x.w
	}
	return s[weighted(r, w)].name
}

// countries are the customers' countries. E-mail domains mix global webmail
// (gmail.com, outlook.com, icloud.com, protonmail.com …) with national ISPs
// and ccTLD webmail in roughly the proportions such leaks show; the place
// package reads the national ones (btinternet.com, ziggo.nl, …) as evidence.
var countries = []countryFact{
	{code: "GB", weight: 40, mobile: []string{"71", "72", "73", "74", "75", "77", "78", "79"},
		domains: shares("gmail.com 30, hotmail.co.uk 11, outlook.com 8, hotmail.com 5, yahoo.co.uk 5, icloud.com 8, live.co.uk 3, btinternet.com 6, sky.com 5, virginmedia.com 3, talktalk.net 2, ntlworld.com 1, protonmail.com 4, aol.co.uk 1"),
		zones:   shares("Europe/London 1"),
		first:   []string{"James", "Oliver", "Harry", "Jack", "Charlie", "Thomas", "Jacob", "Mohammed", "Kyle", "Callum", "Reece", "Amelia", "Olivia", "Jessica", "Leah", "Tyrone", "Jordan", "Liam", "Connor", "Kieran"},
		last:    []string{"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Khan", "Ali", "Patel", "Walker", "Wright", "Green", "Hughes", "Edwards", "O'Brien"}},
	{code: "US", weight: 15, area: []string{"201", "202", "205", "212", "213", "214", "215", "248", "267", "281", "301", "305", "310", "312", "313", "323", "347", "404", "407", "415", "469", "480", "503", "512", "602", "617", "646", "702", "704", "713", "718", "773", "786", "813", "832", "904", "917", "919", "954"},
		domains: shares("gmail.com 45, yahoo.com 14, outlook.com 7, hotmail.com 8, aol.com 5, icloud.com 9, comcast.net 4, att.net 2, verizon.net 1, sbcglobal.net 1, protonmail.com 4"),
		zones:   shares("America/New_York 46, America/Chicago 29, America/Denver 7, America/Phoenix 3, America/Los_Angeles 15"),
		first:   []string{"Michael", "Christopher", "Matthew", "Joshua", "Tyler", "Brandon", "Ashley", "Jessica", "Andrew", "Justin"},
		last:    []string{"Johnson", "Miller", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "Lee", "Harris", "Clark"}},
	{code: "NL", weight: 8, mobile: []string{"61", "62", "63", "64", "65"},
		domains: shares("gmail.com 33, hotmail.nl 11, hotmail.com 7, outlook.com 9, live.nl 5, ziggo.nl 10, kpnmail.nl 8, planet.nl 3, xs4all.nl 2, icloud.com 6, protonmail.com 6"),
		zones:   shares("Europe/Amsterdam 1"),
		first:   []string{"Daan", "Sem", "Lucas", "Milan", "Levi", "Jesse", "Noah", "Sven", "Bram", "Thijs"},
		last:    []string{"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"}},
	{code: "AU", weight: 7, mobile: []string{"40", "41", "42", "43", "44", "45", "46", "47", "48", "49"},
		domains: shares("gmail.com 35, outlook.com 9, hotmail.com 8, icloud.com 9, bigpond.com 11, optusnet.com.au 6, yahoo.com.au 6, iinet.net.au 4, tpg.com.au 3, protonmail.com 3"),
		zones:   shares("Australia/Sydney 34, Australia/Melbourne 26, Australia/Brisbane 20, Australia/Perth 12, Australia/Adelaide 8"),
		first:   []string{"Jack", "William", "Lachlan", "Cooper", "Riley", "Mitchell", "Jayden", "Brodie", "Kai", "Zac"},
		last:    []string{"Smith", "Nguyen", "Kelly", "Ryan", "Walsh", "Campbell", "Murphy", "Stewart", "Mitchell", "Young"}},
	{code: "FR", weight: 6, mobile: []string{"6", "7"},
		domains: shares("gmail.com 30, orange.fr 14, free.fr 9, hotmail.fr 11, laposte.net 6, sfr.fr 6, wanadoo.fr 4, outlook.fr 5, yahoo.fr 5, icloud.com 4, protonmail.com 4"),
		zones:   shares("Europe/Paris 1"),
		first:   []string{"Lucas", "Hugo", "Théo", "Nathan", "Enzo", "Mathis", "Léo", "Yanis", "Clément", "Rayan"},
		last:    []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"}},
	{code: "IE", weight: 5, mobile: []string{"83", "85", "86", "87", "89"},
		domains: shares("gmail.com 35, hotmail.com 11, outlook.ie 5, live.ie 4, eircom.net 10, yahoo.ie 4, hotmail.co.uk 3, icloud.com 8, protonmail.com 3"),
		zones:   shares("Europe/Dublin 1"),
		first:   []string{"Seán", "Conor", "Jack", "Darragh", "Cian", "Oisín", "Liam", "Aoife", "Niamh", "Ciara"},
		last:    []string{"Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Connor", "Doyle", "McCarthy", "Gallagher"}},
	{code: "DE", weight: 4, mobile: []string{"151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"},
		domains: shares("gmail.com 20, web.de 19, gmx.de 17, gmx.net 6, t-online.de 10, outlook.de 5, hotmail.de 4, yahoo.de 4, freenet.de 3, icloud.com 5, protonmail.com 4"),
		zones:   shares("Europe/Berlin 1"),
		first:   []string{"Lukas", "Leon", "Finn", "Jonas", "Paul", "Ben", "Elias", "Felix", "Max", "Luca"},
		last:    []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"}},
	{code: "CA", weight: 3, area: []string{"204", "226", "236", "250", "289", "306", "343", "403", "416", "437", "438", "450", "506", "514", "519", "587", "604", "613", "647", "705", "778", "780", "902", "905"},
		domains: shares("gmail.com 40, hotmail.com 10, hotmail.ca 8, outlook.com 8, yahoo.ca 5, rogers.com 5, shaw.ca 5, sympatico.ca 3, bell.net 2, telus.net 2, icloud.com 6"),
		zones:   shares("America/Toronto 60, America/Vancouver 15, America/Edmonton 12, America/Winnipeg 5, America/Halifax 8"),
		first:   []string{"Liam", "Ethan", "Logan", "Owen", "Noah", "Nathan", "Dylan", "Carter", "Hunter", "Evan"},
		last:    []string{"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "MacDonald"}},
	{code: "ES", weight: 3, mobile: []string{"6", "7"},
		domains: shares("gmail.com 40, hotmail.es 15, hotmail.com 10, yahoo.es 8, outlook.es 6, telefonica.net 4, movistar.es 2, icloud.com 5"),
		zones:   shares("Europe/Madrid 1"),
		first:   []string{"Hugo", "Martín", "Lucas", "Mateo", "Leo", "Daniel", "Alejandro", "Pablo"},
		last:    []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"}},
	{code: "BE", weight: 2, mobile: []string{"46", "47", "48", "49"},
		domains: shares("gmail.com 35, skynet.be 10, telenet.be 12, hotmail.com 10, hotmail.be 5, outlook.be 4, proximus.be 3, icloud.com 4"),
		zones:   shares("Europe/Brussels 1"),
		first:   []string{"Arthur", "Louis", "Noah", "Jules", "Adam", "Lucas"},
		last:    []string{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems"}},
	{code: "PL", weight: 1, mobile: []string{"5", "6", "7", "88"},
		domains: shares("gmail.com 30, wp.pl 20, onet.pl 15, o2.pl 10, interia.pl 10"),
		zones:   shares("Europe/Warsaw 1"),
		first:   []string{"Jakub", "Kacper", "Szymon", "Filip"}, last: []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik"}},
	{code: "PT", weight: 1, mobile: []string{"91", "92", "93", "96"},
		domains: shares("gmail.com 40, sapo.pt 15, hotmail.com 15, outlook.pt 8, live.com.pt 4"),
		zones:   shares("Europe/Lisbon 1"),
		first:   []string{"João", "Rodrigo", "Martim", "Tiago"}, last: []string{"Silva", "Santos", "Ferreira", "Pereira"}},
	{code: "ZA", weight: 1, mobile: []string{"6", "7", "8"},
		domains: shares("gmail.com 45, webmail.co.za 10, mweb.co.za 10, telkomsa.net 5, vodamail.co.za 4, yahoo.com 6"),
		zones:   shares("Africa/Johannesburg 1"),
		first:   []string{"Thabo", "Sipho", "Liam", "Bandile"}, last: []string{"Nkosi", "Dlamini", "van der Merwe", "Botha"}},
	{code: "AE", weight: 1, mobile: []string{"50", "52", "54", "55", "56", "58"},
		domains: shares("gmail.com 50, eim.ae 10, outlook.com 15, hotmail.com 10, yahoo.com 5"),
		zones:   shares("Asia/Dubai 1"),
		first:   []string{"Omar", "Ahmed", "Yousef", "Khalid"}, last: []string{"Al Mansouri", "Al Hashimi", "Haddad", "Nasser"}},
	{code: "LT", weight: 1, mobile: []string{"6"},
		domains: shares("gmail.com 45, one.lt 10, inbox.lt 15, yahoo.com 5, outlook.com 5, delfi.lt 3"),
		zones:   shares("Europe/Vilnius 1"),
		first:   []string{"Lukas", "Matas", "Dominykas", "Jonas"}, last: []string{"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius"}},
}

func countryIndex(code string) int {
	for i := range countries {
		if countries[i].code == code {
			return i
		}
	}
	panic("world: no country " + code)
}

// hostingNets are datacentre networks of hosting providers that commercial
// VPNs rent exit servers in, with the country the embedded iploc table gives
// them (checked when the world starts; networks that no longer map there are
// dropped). A login from one says where the server is, not the user.
var hostingNets = []struct{ prefix, country string }{
	{"85.17.0.0/16", "NL"}, {"95.211.0.0/16", "NL"}, {"37.48.64.0/18", "NL"}, {"109.201.128.0/19", "NL"}, {"185.107.56.0/22", "NL"},
	{"88.198.0.0/16", "DE"}, {"78.46.0.0/16", "DE"}, {"136.243.0.0/16", "DE"}, {"144.76.0.0/16", "DE"}, {"5.9.0.0/16", "DE"}, {"138.201.0.0/16", "DE"},
	{"104.131.0.0/16", "US"}, {"45.55.0.0/16", "US"}, {"162.243.0.0/16", "US"}, {"107.170.0.0/16", "US"}, {"45.33.0.0/17", "US"}, {"173.255.192.0/18", "US"},
	{"193.138.218.0/24", "SE"}, {"141.98.255.0/24", "SE"}, {"45.83.220.0/22", "SE"}, {"46.246.0.0/17", "SE"},
}

// vpnCountries are where the VPN exits of the world's users are, by share.
var vpnCountries = shares("NL 35, US 25, DE 20, SE 20")

// exchangeFact describes one exchange of the world.
type exchangeFact struct {
	name    string
	country string
	markets []string // countries whose people use it most
	public  bool     // do public attribution sources (TagPacks) know it?
	batch   int      // withdrawal batch interval, in blocks
	kind    addrKind // hot-wallet script type
}

var exchangeFacts = []exchangeFact{
	{"Coinbase", "US", []string{"US", "GB", "CA", "DE", "ES", "IE"}, true, 2, kP2WPKH},
	{"Binance", "MT", []string{"GB", "FR", "AU", "NL", "AE", "PL", "PT", "ZA", "LT", "ES", "DE"}, true, 1, kP2WPKH},
	{"Kraken", "US", []string{"US", "GB", "CA", "IE", "FR"}, true, 3, kP2SHP2WPKH},
	{"Bitstamp", "LU", []string{"GB", "FR", "BE", "DE", "PT"}, true, 4, kP2PKH},
	{"Bitvavo", "NL", []string{"NL", "BE"}, true, 3, kP2WPKH},
	{"CoinJar", "AU", []string{"AU", "GB"}, false, 6, kP2SHP2WPKH},
	{"Swyftx", "AU", []string{"AU"}, false, 6, kP2WPKH},
	{"Paymium", "FR", []string{"FR"}, false, 8, kP2PKH},
	{"Coinfloor", "GB", []string{"GB"}, false, 6, kP2SHP2WPKH},
	{"CEX.IO", "GB", []string{"GB", "LT", "IE", "US"}, true, 4, kP2SHP2WPKH},
	{"Bitpanda", "AT", []string{"DE", "FR", "ES", "IE"}, false, 5, kP2WPKH},
	{"LocalBitcoins", "FI", []string{"GB", "ZA", "AE", "US", "NL"}, true, 3, kP2PKH},
}

// bankFact is an organisation the service's users impersonated.
type bankFact struct {
	name, country, official, template string
}

// banks and their "official" numbers. The numbers are fictional: UK ones are
// in Ofcom's ranges reserved for drama, the others are shaped like the
// country's numbers. The directory is the world's truth, not the real one.
var banks = []bankFact{
	{"Barclays", "GB", "+442079460001", "barclays_fraud_v3"},
	{"HSBC UK", "GB", "+442079460002", "hsbc_security"},
	{"Lloyds Bank", "GB", "+441134960003", "lloyds_fraud"},
	{"NatWest", "GB", "+441134960004", "natwest_v2"},
	{"Santander UK", "GB", "+441632960005", "santander_otp"},
	{"Halifax", "GB", "+441632960006", "halifax_fraud"},
	{"Nationwide", "GB", "+442079460007", "nationwide_v1"},
	{"Monzo", "GB", "+448081570008", "monzo_app"},
	{"HMRC", "GB", "+441314960009", "hmrc_tax"},
	{"Amazon", "GB", "+448081570010", "amazon_prime"},
	{"Chase", "US", "+12025550111", "chase_fraud"},
	{"Bank of America", "US", "+12125550112", "boa_alert"},
	{"Wells Fargo", "US", "+14155550113", "wf_fraud"},
	{"ING", "NL", "+31205550114", "ing_nl"},
	{"Rabobank", "NL", "+31305550115", "rabo_nl"},
	{"Commonwealth Bank", "AU", "+61255500116", "cba_au"},
	{"Westpac", "AU", "+61255500117", "westpac_au"},
	{"BNP Paribas", "FR", "+33155500118", "bnp_fr"},
	{"Bank of Ireland", "IE", "+35315550119", "boi_ie"},
	{"AIB", "IE", "+35315550120", "aib_ie"},
}

// packages are what the service sold, priced in pence.
var packages = []struct {
	name  string
	pence int64
	w     float64
}{
	{"Trial", 5000, 10}, {"Basic", 15000, 25}, {"Bronze", 25000, 20}, {"Silver", 50000, 18},
	{"Gold", 100000, 12}, {"Platinum", 250000, 8}, {"Diamond", 500000, 2},
}

var userAgents = []string{
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.110 Safari/537.36",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.0.0 Safari/537.36",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 14_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2 Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (Linux; Android 11; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 Mobile Safari/537.36",
	"Mozilla/5.0 (Linux; Android 12; Pixel 6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/101.0.4951.61 Mobile Safari/537.36",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.1 Safari/605.1.15",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:94.0) Gecko/20100101 Firefox/94.0",
	"Mozilla/5.0 (X11; Linux x86_64; rv:91.0) Gecko/20100101 Firefox/91.0",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0.4515.159 Safari/537.36 Edg/92.0.902.84",
}
