package report_test

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/report"
)

var gen = time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC)

func txid(tb testing.TB, seed string) coinsift.TxID {
	tb.Helper()
	return coinsift.TxID(sha256.Sum256([]byte(seed)))
}

func gbp(minor int64) coinsift.Money { return coinsift.Money{Minor: minor, Currency: "GBP"} }

// sampleCase returns a small case with fixed data.
func sampleCase() report.Case {
	return report.Case{
		Name: "Operation Elaborate (iSpoof)", Generated: gen, Currency: "GBP",
		Rule: "country in (NL) and paid >= 100.00 GBP", RuleName: "partner-nl",
		Version: "v0.4.0",
		AuditExcerpt: []report.AuditLine{
			{Seq: 41, Time: gen.Add(-2 * time.Hour), User: "dc.smith", Command: "coinsift link run", Hash: "9f2c0a1be4d7c1e2aa01"},
			{Seq: 42, Time: gen.Add(-time.Hour), User: "dc.smith", Command: "coinsift trace run --back", Hash: "1b7e55c0d2a94f3b7c11"},
			{Seq: 43, Time: gen, User: "dc.smith", Command: "coinsift triage run --rule partner-nl", Hash: "c0ffee00d15ea5e0b0a7"},
		},
		Heuristics: []report.Heuristic{
			{Name: "multi-input", Version: "2", Precision: 0.998, Recall: 0.91, Measured: "small world seed 1, docs/methodology.md"},
			{Name: "change-address", Version: "3", Precision: 0.962, Recall: 0.74, Measured: "small world seed 1, docs/methodology.md"},
			{Name: "exchange-withdrawal", Version: "1", Precision: 0.985, Recall: 0.88, Measured: "medium world seed 7"},
		},
		Notes: []string{"Values at block time, CoinDesk BPI GBP daily close."},
	}
}

func sampleSuspect(tb testing.TB, rank int, person, user string) report.Suspect {
	tb.Helper()
	bt := time.Date(2021, time.Month(1+rank%12), 3+rank%20, 14, 5, 9, 0, time.UTC)
	return report.Suspect{
		Rank: rank, Person: person, Country: "NL", Confidence: 0.93,
		Accounts: []report.Account{{
			Key: fmt.Sprintf("u%05d", 1000+rank), Username: user,
			Emails: []string{user + "@proton.me"}, Phones: []string{"+3161234" + fmt.Sprintf("%04d", rank)},
			IPs: []string{"145.53.12." + fmt.Sprint(rank%250)}, Created: bt.AddDate(0, -2, 0),
			Provenance: fmt.Sprintf("evidence 5891b5b5, table users, row %d", 12+rank),
		}},
		Placement: []report.Signal{
			{Kind: "phone", Value: "+3161234" + fmt.Sprintf("%04d", rank), Detail: "E.164 country code 31", Country: "NL", Weight: 0.6},
			{Kind: "ip", Value: "145.53.12." + fmt.Sprint(rank%250), Detail: "GeoLite2-Country 2022-10-04, 37 of 40 logins", Country: "NL", Weight: 0.3},
			{Kind: "exchange", Value: "Bitvavo", Detail: "funding exchange licensed in NL", Country: "NL", Weight: 0.1},
		},
		Conflicts: []coinsift.Country{"BE"},
		Received:  gbp(24050 + int64(rank)*100),
		Verified:  gbp(24050 + int64(rank)*100),
		Late:      gbp(0), Partial: gbp(0), Mismatch: gbp(0), PaidAgain: gbp(0),
		VerifiedPayments: 1, ReceivedPayments: 1,
		Payments: []report.Payment{
			{Account: fmt.Sprintf("u%05d", 1000+rank), Invoice: fmt.Sprintf("inv-%d", 7000+rank), Address: "bc1qspoofservice0000000000000000000000000",
				TxID: txid(tb, person+"p1"), Vout: 1, Height: 690000 + coinsift.Height(rank), BlockTime: bt,
				Sats: 1_234_567, Value: gbp(24050 + int64(rank)*100), Rate: "19480.21", RateSource: "coindesk-bpi-gbp",
				RateTime: bt.Truncate(24 * time.Hour), RateEvidence: "evidence 1a2b3c4d, row 812", Status: "verified",
				Provenance: fmt.Sprintf("evidence 5891b5b5, table invoices, row %d", 300+rank)},
		},
		Sources: []report.Source{{Exchange: "Bitvavo", Jurisdiction: "NL", Share: 1, Sats: 1_250_000, Hops: 1,
			WithdrawalTxID: txid(tb, person+"w1"), WithdrawalHeight: 689990 + coinsift.Height(rank), WithdrawalTime: bt.Add(-90 * time.Minute),
			Address: "bc1qexchangehotwallet00000000000000000000", Model: "poison"}},
		Calls: 120 + rank, Victims: 80 + rank, Score: 0.8,
		Reasons:       []string{"placed NL with confidence 93%", "paid £240.50 >= £100"},
		OtherAccounts: []string{"telegram:@" + user},
	}
}

func sampleReferral(tb testing.TB) report.Referral {
	tb.Helper()
	s1 := sampleSuspect(tb, 1, "P-000017", "spoofking")
	s2 := sampleSuspect(tb, 2, "P-000042", "vishing_van")
	order := report.ProductionOrder{Exchange: "Bitvavo", Jurisdiction: "NL"}
	for _, s := range []report.Suspect{s1, s2} {
		src := s.Sources[0]
		order.Items = append(order.Items, report.Withdrawal{Person: s.Person, Account: s.Accounts[0].Key,
			TxID: src.WithdrawalTxID, Height: src.WithdrawalHeight, Time: src.WithdrawalTime,
			Address: "bc1qcustomerwallet" + strings.ToLower(s.Person[2:]), Sats: src.Sats, Value: gbp(24500)})
	}
	return report.Referral{
		Country: "NL", Agency: "Politie (NL)", Suspects: []report.Suspect{s2, s1},
		Orders: []report.ProductionOrder{order},
		Victims: []report.Victim{
			{E164: "+31201234567", Country: "NL", Calls: 3, LongestCall: 7*time.Minute + 12*time.Second,
				FirstCall: gen.AddDate(0, -3, 0), LastCall: gen.AddDate(0, -3, 1), Organisations: []string{"ING Bank"}},
			{E164: "+31107654321", Country: "NL", Calls: 1, LongestCall: 45 * time.Second,
				FirstCall: gen.AddDate(0, -2, 0), LastCall: gen.AddDate(0, -2, 0), Organisations: []string{"ABN AMRO"}},
		},
		VictimsAllowed: true,
	}
}

// hostile is a list of strings that must come out inert.
var hostile = []string{
	`<script>alert(1)</script>`,
	`=HYPERLINK("http://evil","x")`,
	`+cmd|' /C calc'!A0`,
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0",
	"\u202egnp.exe",
	"emoji 😀🚓 and 中文",
	"tab\tnew\nline\r\x00nul",
	"\xff\xfeinvalid utf8",
	`(parens) \backslash) %PDF`,
	strings.Repeat("A", 1<<20),
}

func sampleSummary() report.Summary {
	s := report.Summary{
		Case: sampleCase(), Users: 59_214, Payments: 48_310, VerifiedPayments: 46_987, Verified: gbp(3_612_450_77),
		ByStatus: []report.StatusTotal{{Status: "late", Payments: 512, Value: gbp(41_200_00)},
			{Status: "partial", Payments: 230, Value: gbp(9_870_15)}, {Status: "amount_mismatch", Payments: 81, Value: gbp(7_733_40)},
			{Status: "duplicate", Payments: 12}},
		Received:          gbp(3_612_450_77 + 41_200_00 + 9_870_15 + 7_733_40),
		SuspectsByCountry: map[coinsift.Country]int{"GB": 142, "NL": 61, "AU": 38, "FR": 22, "IE": 17, "US": 9, "": 4},
		VictimsByCountry:  map[coinsift.Country]int{"GB": 58_200, "NL": 4_100, "AU": 3_300, "FR": 2_200, "IE": 1_600, "BE": 400},
		TopExchanges: []report.ExchangeTotal{
			{Exchange: "Coinbase", Payers: 410, Total: gbp(91_234_00)}, {Exchange: "Binance", Payers: 388, Total: gbp(85_100_50)},
			{Exchange: "Kraken", Payers: 121, Total: gbp(30_999_99)}, {Exchange: "Bitvavo", Payers: 97, Total: gbp(22_450_00)},
			{Exchange: "LocalBitcoins", Payers: 64, Total: gbp(15_020_10)}, {Exchange: "Bitstamp", Payers: 31, Total: gbp(7_300_00)},
		},
		RuleHits: 142,
	}
	for i := range 18 {
		y, m := 2021+(5+i)/12, (5+i)%12+1
		s.PaymentsByMonth = append(s.PaymentsByMonth, report.MonthTotal{Month: fmt.Sprintf("%04d-%02d", y, m),
			Count: 900 + (i*737)%2100, Total: gbp(int64(80_000_00 + (i*3_911_00)%260_000_00))})
	}
	return s
}
