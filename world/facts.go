package world

// countryFact describes how people of one country look in the seized data.
type countryFact struct {
	code    string
	weight  float64  // share of the service's customers (iSpoof-like)
	prefix  string   // E.164 mobile prefix
	digits  int      // digits after the prefix
	domains []string // e-mail domains
	ipNets  [][2]byte
	first   []string
	last    []string
}

var countries = []countryFact{
	{"GB", 40, "+447", 9, []string{"gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com", "protonmail.com"},
		[][2]byte{{81, 96}, {86, 128}, {92, 40}, {2, 24}, {31, 48}, {90, 200}, {109, 150}},
		[]string{"James", "Oliver", "Harry", "Jack", "Charlie", "Thomas", "Jacob", "Mohammed", "Kyle", "Callum", "Reece", "Amelia", "Olivia", "Jessica", "Leah", "Tyrone", "Jordan", "Liam", "Connor", "Kieran"},
		[]string{"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Khan", "Ali", "Patel", "Walker", "Wright", "Green", "Hughes", "Edwards", "O'Brien"}},
	{"US", 15, "+1", 10, []string{"gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "protonmail.com"},
		[][2]byte{{73, 12}, {24, 5}, {98, 210}, {174, 48}, {107, 77}},
		[]string{"Michael", "Christopher", "Matthew", "Joshua", "Tyler", "Brandon", "Ashley", "Jessica", "Andrew", "Justin"},
		[]string{"Johnson", "Miller", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "Lee", "Harris", "Clark"}},
	{"NL", 8, "+316", 8, []string{"gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"},
		[][2]byte{{84, 104}, {145, 53}, {77, 160}, {83, 80}},
		[]string{"Daan", "Sem", "Lucas", "Milan", "Levi", "Jesse", "Noah", "Sven", "Bram", "Thijs"},
		[]string{"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"}},
	{"AU", 7, "+614", 8, []string{"gmail.com", "bigpond.com", "outlook.com", "optusnet.com.au", "icloud.com"},
		[][2]byte{{101, 160}, {120, 144}, {49, 180}, {58, 96}},
		[]string{"Jack", "William", "Lachlan", "Cooper", "Riley", "Mitchell", "Jayden", "Brodie", "Kai", "Zac"},
		[]string{"Smith", "Nguyen", "Kelly", "Ryan", "Walsh", "Campbell", "Murphy", "Stewart", "Mitchell", "Young"}},
	{"FR", 6, "+336", 8, []string{"gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "sfr.fr"},
		[][2]byte{{90, 40}, {86, 200}, {109, 9}, {176, 150}},
		[]string{"Lucas", "Hugo", "Théo", "Nathan", "Enzo", "Mathis", "Léo", "Yanis", "Clément", "Rayan"},
		[]string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"}},
	{"IE", 5, "+3538", 8, []string{"gmail.com", "eircom.net", "hotmail.com", "outlook.ie", "icloud.com"},
		[][2]byte{{86, 40}, {89, 100}, {37, 228}, {79, 97}},
		[]string{"Seán", "Conor", "Jack", "Darragh", "Cian", "Oisín", "Liam", "Aoife", "Niamh", "Ciara"},
		[]string{"Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Connor", "Doyle", "McCarthy", "Gallagher"}},
	{"DE", 4, "+4915", 9, []string{"gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.de"},
		[][2]byte{{91, 64}, {79, 200}, {87, 150}, {217, 80}},
		[]string{"Lukas", "Leon", "Finn", "Jonas", "Paul", "Ben", "Elias", "Felix", "Max", "Luca"},
		[]string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"}},
	{"CA", 3, "+1", 10, []string{"gmail.com", "hotmail.ca", "rogers.com", "shaw.ca", "outlook.com"},
		[][2]byte{{99, 224}, {24, 114}, {142, 112}, {70, 48}},
		[]string{"Liam", "Ethan", "Logan", "Owen", "Noah", "Nathan", "Dylan", "Carter", "Hunter", "Evan"},
		[]string{"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "MacDonald"}},
	{"ES", 3, "+346", 8, []string{"gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"},
		[][2]byte{{83, 32}, {88, 12}, {95, 120}},
		[]string{"Hugo", "Martín", "Lucas", "Mateo", "Leo", "Daniel", "Alejandro", "Pablo"},
		[]string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"}},
	{"BE", 2, "+324", 8, []string{"gmail.com", "skynet.be", "telenet.be", "hotmail.com"},
		[][2]byte{{81, 240}, {84, 194}, {91, 176}},
		[]string{"Arthur", "Louis", "Noah", "Jules", "Adam", "Lucas"},
		[]string{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems"}},
	{"PL", 1, "+485", 8, []string{"gmail.com", "wp.pl", "onet.pl", "o2.pl"},
		[][2]byte{{83, 24}, {89, 64}}, []string{"Jakub", "Kacper", "Szymon", "Filip"}, []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik"}},
	{"PT", 1, "+3519", 8, []string{"gmail.com", "sapo.pt", "hotmail.com"},
		[][2]byte{{85, 240}, {94, 60}}, []string{"João", "Rodrigo", "Martim", "Tiago"}, []string{"Silva", "Santos", "Ferreira", "Pereira"}},
	{"ZA", 1, "+277", 8, []string{"gmail.com", "webmail.co.za", "mweb.co.za"},
		[][2]byte{{41, 13}, {105, 224}}, []string{"Thabo", "Sipho", "Liam", "Bandile"}, []string{"Nkosi", "Dlamini", "van der Merwe", "Botha"}},
	{"AE", 1, "+9715", 8, []string{"gmail.com", "eim.ae", "outlook.com"},
		[][2]byte{{94, 200}, {86, 96}}, []string{"Omar", "Ahmed", "Yousef", "Khalid"}, []string{"Al Mansouri", "Al Hashimi", "Haddad", "Nasser"}},
	{"LT", 1, "+3706", 7, []string{"gmail.com", "one.lt", "inbox.lt"},
		[][2]byte{{78, 56}, {88, 119}}, []string{"Lukas", "Matas", "Dominykas", "Jonas"}, []string{"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius"}},
}

// vpnNets are exit networks of commercial VPNs; logins from them say nothing
// about where the user is.
var vpnNets = [][2]byte{{185, 216}, {185, 159}, {194, 187}, {45, 83}, {89, 187}, {146, 70}}

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
