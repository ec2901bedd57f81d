package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/coinsift/coinsift"
)

// evidencePDF writes the evidence sheet of one suspect, deflating its pages
// with z (nil: a deflater of its own).
func evidencePDF(z *deflater, c Case, r Referral, s Suspect) ([]byte, error) {
	return evidenceDoc(c, r, s).bytes(z)
}

// moneyPairs are the summary lines of the money received on chain: in all,
// verified alone, and the rest by status.
func moneyPairs(s Suspect) [][2]string {
	var sats coinsift.Sats
	for _, p := range s.Payments {
		sats += p.Sats
	}
	count := paymentsByStatus(s.Payments)
	return [][2]string{
		{"Received on chain", latin(money(s.Received) + "  (" + fmtInt(count[""]) + " payment(s), verified or not; " + btc(sats) + " in all listed payments)")},
		{"Verified", latin(money(s.Verified) + "  (" + fmtInt(count["verified"]) + " of " + fmtInt(count[""]) + " payments)")},
		{"Received, not verified", latin(notVerified(s, count))},
	}
}

// paymentsByStatus counts the distinct payments listed (a payment of
// several outputs is listed once per output) by status, and under "" all of
// them.
func paymentsByStatus(ps []Payment) map[string]int {
	seen := map[[2]string]bool{}
	n := map[string]int{}
	for _, p := range ps {
		k := [2]string{p.Account, p.Provenance}
		if seen[k] {
			continue
		}
		seen[k] = true
		n[p.Status]++
		n[""]++
	}
	return n
}

// notVerified lists the money received on chain that is not verified, one
// status apart from another: "late £81.20 (1); partial £20.00 (1)", or
// "none".
func notVerified(s Suspect, count map[string]int) string {
	var parts []string
	for _, b := range []struct {
		status, name string
		m            coinsift.Money
	}{{"late", "late", s.Late}, {"partial", "partial", s.Partial}, {"amount_mismatch", "amount mismatch", s.Mismatch},
		{"paid_again", "paid again", s.PaidAgain}} {
		if b.m.Minor != 0 || count[b.status] > 0 {
			parts = append(parts, b.name+" "+money(b.m)+" ("+fmtInt(count[b.status])+")")
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// evidenceDoc lays out the evidence sheet of one suspect.
func evidenceDoc(c Case, r Referral, s Suspect) *doc {
	run := fmt.Sprintf("Evidence sheet - suspect %d", s.Rank)
	d := newDoc(c, "Evidence sheet: suspect "+strconv.Itoa(s.Rank)+" "+s.Person, run)
	d.title(fmt.Sprintf("Evidence sheet - suspect #%d", s.Rank),
		"Person "+s.Person+"\nReferred to "+r.Agency+" - package "+string(r.Country)+""+
			"\nCase "+c.Name+" - dated "+ftime(c.Generated)+" (audit seq "+strconv.FormatInt(lastSeq(c), 10)+")")

	d.section("Summary")
	conf := countryStrings(s.Conflicts)
	place := string(s.Country)
	if place == "" {
		place = "unknown"
	}
	paid := moneyPairs(s)
	pairs := [][2]string{
		{"Placed in", latin(place + " (confidence " + pct(s.Confidence) + ")")},
		{"Conflicting signals", latin(orNone(strings.Join(conf, ", ")))},
		paid[0], paid[1], paid[2],
		{"Calls / victims", latin(fmtInt(s.Calls) + " calls to " + fmtInt(s.Victims) + " distinct numbers")},
		{"Triage score", latin(ffloat(s.Score) + " under rule " + c.RuleName + ": " + c.Rule)},
		{"Reasons", lines(s.Reasons...)},
	}
	if len(s.OtherAccounts) > 0 {
		pairs = append(pairs, [2]string{"Other accounts", lines(s.OtherAccounts...)})
	}
	d.kv(pairs)

	d.section("Identifiers (accounts on the seized service)")
	if len(s.Accounts) == 0 {
		d.note("No accounts recorded.")
	}
	for _, a := range s.Accounts {
		d.kv([][2]string{
			{"Account", latin(a.Key) + "\n" + latin("username: "+a.Username)},
			{"Emails", latin(orNone(strings.Join(a.Emails, ", ")))},
			{"Phones", latin(orNone(strings.Join(a.Phones, ", ")))},
			{"IP addresses", latin(orNone(strings.Join(a.IPs, ", ")))},
			{"Created", latin(orNone(ftime(a.Created)))},
			{"Provenance", latin(a.Provenance)},
		})
	}

	d.section("Placement evidence")
	if len(s.Placement) == 0 {
		d.note("No placement signals.")
	} else {
		var rows [][]string
		for _, g := range groupSignals(s.Placement) {
			country, how := string(g.countries[0]), g.detail
			if n := len(g.countries); n > 1 {
				country = strconv.Itoa(n) + " countries"
				how += "; each of " + strings.Join(countryStrings(g.countries), ", ") + " " + fweight(g.each)
			}
			rows = append(rows, []string{latin(g.kind), latin(g.value), latin(country), latin(fweight(g.weight)), latin(how)})
		}
		d.table([]column{{"Signal", 0.14, false, ""}, {"Value", 0.30, true, ""}, {"Country", 0.09, false, ""},
			{"Weight", 0.09, false, "R"}, {"How placed", 0.38, false, ""}}, rows)
	}

	d.section("Payments (" + c.Currency + " at block time)")
	if len(s.Payments) == 0 {
		d.note("No payments.")
	} else {
		rows := make([][]string, len(s.Payments))
		for i, p := range s.Payments {
			rows[i] = []string{
				lines(ftime(p.BlockTime), "height "+strconv.Itoa(int(p.Height)), "invoice "+p.Invoice),
				latin(p.TxID.String()) + "\n" + latin("output "+strconv.FormatUint(uint64(p.Vout), 10)+" to "+p.Address),
				latin(p.Sats.String()),
				latin(money(p.Value)),
				lines(p.Rate+" "+p.Value.Currency+"/BTC", p.RateSource, ftime(p.RateTime), p.RateEvidence),
				latin(p.Status),
			}
		}
		d.table([]column{{"Block time (UTC)", 0.17, false, ""}, {"Transaction (txid, output) and address", 0.30, true, ""},
			{"BTC", 0.11, false, "R"}, {"Value", 0.11, false, "R"}, {"Rate and source", 0.21, false, ""},
			{"Status", 0.10, false, ""}}, rows)
		prov := make([]string, 0, len(s.Payments))
		for _, p := range s.Payments {
			if p.Provenance != "" {
				prov = append(prov, "invoice "+p.Invoice+": "+p.Provenance)
			}
		}
		if len(prov) > 0 {
			d.note("Seized rows: " + strings.Join(prov, "; "))
		}
	}

	d.section("Trace to exchanges (funding)")
	if len(s.Sources) == 0 {
		d.note("No funding exchange found.")
	} else {
		rows := make([][]string, len(s.Sources))
		for i, src := range s.Sources {
			rows[i] = []string{
				lines(src.Exchange, string(src.Jurisdiction)),
				lines(pct(src.Share), src.Sats.String()+" BTC"),
				latin(strconv.Itoa(src.Hops)),
				latin(src.WithdrawalTxID.String()) + "\n" + latin("from "+src.Address),
				lines(ftime(src.WithdrawalTime), "height "+strconv.Itoa(int(src.WithdrawalHeight))),
				latin(src.Model),
			}
		}
		d.table([]column{{"Exchange", 0.16, false, ""}, {"Share / amount", 0.15, false, ""}, {"Hops", 0.06, false, "R"},
			{"Withdrawal txid and exchange address", 0.33, true, ""}, {"Withdrawn (UTC)", 0.18, false, ""},
			{"Model", 0.12, false, ""}}, rows)
	}

	heuristics(d, c)
	if len(c.Notes) > 0 {
		d.section("Notes")
		for _, n := range c.Notes {
			d.para(clip(n, 5000, "the case notes"))
		}
	}
	return d
}

func heuristics(d *doc, c Case) {
	d.section("Heuristics used and their measured error rates")
	if len(c.Heuristics) == 0 {
		d.note("No heuristics recorded.")
		return
	}
	rows := make([][]string, len(c.Heuristics))
	for i, h := range c.Heuristics {
		rows[i] = []string{latin(h.Name), latin(h.Version), latin(pct(h.Precision)), latin(pct(h.Recall)), latin(h.Measured)}
	}
	d.table([]column{{"Heuristic", 0.25, false, ""}, {"Version", 0.1, false, ""}, {"Precision", 0.12, false, "R"},
		{"Recall", 0.12, false, "R"}, {"Measured on", 0.41, false, ""}}, rows)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// orderPDF writes the production order draft for one exchange.
func orderPDF(c Case, r Referral, o ProductionOrder) ([]byte, error) {
	return orderDoc(c, r, o).bytes(nil)
}

// orderDoc lays out the production order draft for one exchange.
func orderDoc(c Case, r Referral, o ProductionOrder) *doc {
	d := newDoc(c, "Production order draft: "+o.Exchange, "Production order draft - "+o.Exchange)
	d.title("DRAFT - Production order request",
		"To: "+o.Exchange+" (jurisdiction "+string(o.Jurisdiction)+")"+
			"\nFrom: investigating officer, case "+c.Name+"; for "+r.Agency+
			"\nDated "+ftime(c.Generated)+" (audit seq "+strconv.FormatInt(lastSeq(c), 10)+")")
	var total coinsift.Money
	total.Currency = c.Currency
	var sats coinsift.Sats
	for _, it := range o.Items {
		sats += it.Sats
		if it.Value.Currency == total.Currency {
			total.Minor += it.Value.Minor
		}
	}
	d.section("Request")
	d.para("This draft requests the production of records held by " + clipv(o.Exchange) + " about the customers whose " +
		"accounts made the " + fmtInt(len(o.Items)) + " withdrawal(s) listed below (" + btc(sats) + ", " + money(total) +
		" at the time of each withdrawal). For each customer we request: full name, date of birth, residential " +
		"address, identity documents and other KYC records, e-mail addresses and telephone numbers, linked bank " +
		"accounts and cards, login IP addresses with timestamps, and a statement of all deposits and withdrawals " +
		"of the account.")
	d.para("Each withdrawal is identified by its Bitcoin transaction id (txid), block height and time, and the " +
		"receiving address it paid. These facts are public on the Bitcoin blockchain and can be checked by the " +
		"exchange against its own withdrawal records.")
	d.section("Withdrawals")
	rows := make([][]string, len(o.Items))
	for i, it := range o.Items {
		rows[i] = []string{
			latin(strconv.Itoa(i + 1)),
			latin(it.TxID.String()) + "\n" + latin("to "+it.Address),
			lines(ftime(it.Time), "height "+strconv.Itoa(int(it.Height))),
			latin(it.Sats.String()),
			latin(money(it.Value)),
			lines(it.Person, it.Account),
		}
	}
	d.table([]column{{"#", 0.05, false, "R"}, {"Withdrawal txid and customer's receiving address", 0.38, true, ""},
		{"Time (UTC) / block", 0.18, false, ""}, {"BTC", 0.12, false, "R"}, {"Value", 0.11, false, "R"},
		{"Our reference", 0.16, false, ""}}, rows)
	d.section("Basis")
	d.para("Selected by triage rule " + clipv(c.RuleName) + ": " + clipv(c.Rule) + ". The withdrawals were found by tracing " +
		"payments recorded in seized evidence back to this exchange; the heuristics and their measured error " +
		"rates are listed on the evidence sheets of the referral package.")
	d.section("Authorisation")
	d.para("DRAFT for review by the investigating officer. Not valid until approved and signed under the applicable law of " +
		clipv(string(o.Jurisdiction)) + ".")
	d.f.Ln(8)
	d.para("Officer: ______________________________     Signature: ____________________     Date: ______________")
	return d
}

// signalGroup is the signals of one kind, value and detail: the countries
// of a time-zone fit, or of an exchange registered in several, which the
// evidence sheet shows as one row (a fit names 30 to 50 countries, which
// filled three pages of every sheet).
type signalGroup struct {
	kind, value, detail string
	countries           []coinsift.Country
	weight, each        float64 // the group's total, and its first signal's weight
}

// groupSignals groups sig by kind, value and detail, in the order of each
// group's first signal; suspects.json keeps every signal.
func groupSignals(sig []Signal) []signalGroup {
	var out []signalGroup
	at := map[[3]string]int{}
	for _, g := range sig {
		k := [3]string{g.Kind, g.Value, g.Detail}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, signalGroup{kind: g.Kind, value: g.Value, detail: g.Detail, each: g.Weight})
		}
		out[i].countries = append(out[i].countries, g.Country)
		out[i].weight += g.Weight
	}
	return out
}

// fweight formats a placement weight for people: three decimals are the
// precision that matters (weights are sums of 1, 2, 4 and shares of them).
func fweight(w float64) string { return strconv.FormatFloat(w, 'f', 3, 64) }

func countryStrings(cs []coinsift.Country) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}
