package report

import (
	"fmt"
	"slices"
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
func evidenceDoc(c Case, r Referral, s Suspect) *doc { return evidenceDocText(c, r, s, nil) }

// evidenceDocText is evidenceDoc writing the sheet's text to txt (when
// not nil) as it lays it out.
func evidenceDocText(c Case, r Referral, s Suspect, txt *strings.Builder) *doc {
	run := fmt.Sprintf("Evidence sheet - suspect %d", s.Rank)
	d := newDoc(c, "Evidence sheet: suspect "+strconv.Itoa(s.Rank)+" "+s.Person, run)
	d.txt = txt
	d.title(fmt.Sprintf("Evidence sheet - suspect #%d", s.Rank),
		"Person: "+s.Person+"    Rank: "+strconv.Itoa(s.Rank)+
			"\nReferred to: "+r.Agency+" (referral package "+string(r.Country)+")"+
			"\nCase reference: "+c.Name+
			"\nDated "+ftime(c.Generated)+" (audit seq "+strconv.FormatInt(lastSeq(c), 10)+")")

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

	d.section("Why these accounts are one person")
	switch {
	case len(s.Accounts) <= 1 && len(s.Links) == 0:
		d.note("One account: no links needed.")
	case len(s.Links) == 0:
		d.note("No links recorded between the " + strconv.Itoa(len(s.Accounts)) + " accounts (see coinsift persons --explain).")
	default:
		rows := make([][]string, len(s.Links))
		for i, l := range s.Links {
			kind := l.Kind
			if l.Strength != "" {
				kind += "\n" + l.Strength
			}
			rows[i] = []string{lines(l.AccountA+" and", l.AccountB), lines(strings.Split(kind, "\n")...), latin(orNone(l.Detail)),
				lines(orNoneList(l.Behind)...)}
		}
		d.table([]column{{"Accounts", 0.13, false, ""}, {"Evidence / strength", 0.14, false, ""}, {"Shared value", 0.2, true, ""},
			{"Behind it (seized rows, transactions)", 0.53, false, ""}}, rows)
	}
	if len(s.Links) > 0 {
		d.note("Rule persons/v2 (docs/methodology.md, Persons): a shared phone number or bitcoin address joins two accounts " +
			"on its own; a shared login address, paying cluster or e-mail address is weak and joins them only with a " +
			"second piece of evidence. Overrides are the investigator's.")
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
				lines(rateText(p.Rate)+" "+p.Value.Currency+"/BTC", p.RateSource, ftime(p.RateTime), p.RateEvidence),
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
	}
	for _, src := range s.Sources {
		ws := src.Withdrawals
		if len(ws) == 0 { // a model without withdrawal detail: the nearest one
			ws = []Withdrawal{{TxID: src.WithdrawalTxID, Height: src.WithdrawalHeight, Time: src.WithdrawalTime,
				ExchangeAddresses: nonEmpty(src.Address), TracedSats: src.Sats, Model: src.Model}}
		}
		d.kv([][2]string{{"Exchange", latin(exchangeName(src.Label, src.Exchange)) + "\n" +
			latin("jurisdiction(s) "+orNone(strings.Join(countryStrings(jurisdictions(src)), ", ")))},
			{"Traced", latin(pct(src.Share) + " of the traced payments, " + btc(src.Sats) + ", through " +
				strconv.Itoa(len(ws)) + " withdrawal(s); nearest " + strconv.Itoa(src.Hops) + " hop(s); model " + orNone(src.Model))}})
		for i, w := range ws {
			d.fields(exchangeName(src.Label, src.Exchange)+" withdrawal "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(ws)), withdrawalFields(w, false))
		}
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
		area := h.Area
		if area == "" {
			area = AreaClustering
		}
		where := latin(h.Measured)
		if h.Measure != "" {
			where = latin(h.Measure+".") + "\n" + latin("Measured on "+h.Measured)
		} else if i > 0 && c.Heuristics[i-1].Measure == "" && c.Heuristics[i-1].Measured == h.Measured {
			where = latin("as above")
		}
		rows[i] = []string{latin(area), latin(h.Name + " v" + h.Version), latin(h.Figure("precision")),
			latin(h.Figure("recall")), where}
	}
	d.table([]column{{"Decides", 0.13, false, ""}, {"Heuristic", 0.17, false, ""}, {"Precision", 0.09, false, "R"},
		{"Recall", 0.09, false, "R"}, {"What is counted, and where it was measured", 0.52, false, ""}}, rows)
}

// jurisdictions returns every jurisdiction of a source.
func jurisdictions(src Source) []coinsift.Country {
	if len(src.Jurisdictions) > 0 {
		return src.Jurisdictions
	}
	if src.Jurisdiction != "" {
		return []coinsift.Country{src.Jurisdiction}
	}
	return nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func orNoneList(l []string) []string {
	if len(l) == 0 {
		return []string{"none recorded"}
	}
	return l
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

// Placeholders printed for a report setting the case does not have.
const (
	placeAuthority  = "[REQUESTING AUTHORITY — to be completed]"
	placeLegalBasis = "[LEGAL BASIS — to be completed]"
	placeOfficer    = "[OFFICER — to be completed]"
	placeCountry    = "[JURISDICTION — to be completed: no actor pack names this exchange]"
)

// orSet returns v, or the placeholder p when v is blank.
func orSet(v, p string) string {
	if strings.TrimSpace(v) == "" {
		return p
	}
	return v
}

// exchangeName is "Label (id)", or the id alone.
func exchangeName(label, id string) string {
	if label == "" || label == id {
		return id
	}
	return label + " (" + id + ")"
}

// orderRef is the order's reference: package country and exchange id.
func orderRef(r Referral, o ProductionOrder) string {
	return string(r.Country) + "/" + o.Exchange
}

// orderDoc lays out the production order draft for one exchange.
func orderDoc(c Case, r Referral, o ProductionOrder) *doc { return orderDocText(c, r, o, nil) }

// orderDocText is orderDoc writing the order's text to txt (when not
// nil) as it lays it out.
func orderDocText(c Case, r Referral, o ProductionOrder, txt *strings.Builder) *doc {
	name := exchangeName(o.Label, o.Exchange)
	d := newDoc(c, "Production order draft: "+name, "Production order draft - "+name)
	d.txt = txt
	where := placeCountry
	if o.Jurisdiction != "" {
		where = string(o.Jurisdiction)
		if len(o.Jurisdictions) > 1 {
			where += " (the actor packs list " + strings.Join(countryStrings(o.Jurisdictions), ", ") + ")"
		}
	}
	d.title("DRAFT - Production order request",
		"To: "+name+", compliance / law enforcement response team - jurisdiction "+where+
			"\nRequesting authority: "+orSet(c.Authority, placeAuthority)+
			"\nOfficer in charge: "+orSet(c.Officer, placeOfficer)+
			"\nOn behalf of: "+r.Agency+" (referral package "+string(r.Country)+")"+
			"\nCase reference: "+c.Name+"    Order: "+orderRef(r, o)+
			"\nDated "+ftime(c.Generated)+" (audit seq "+strconv.FormatInt(lastSeq(c), 10)+")")
	total := coinsift.Money{Currency: c.Currency}
	var sats, traced coinsift.Sats
	unvalued := 0
	for _, it := range o.Items {
		sats += it.Sats
		traced += it.TracedSats
		if it.Rate == "" || it.Value.Currency != total.Currency {
			unvalued++
			continue
		}
		total.Minor += it.Value.Minor
	}
	worth := money(total) + " at the time of each withdrawal"
	if unvalued > 0 {
		worth += "; " + fmtInt(unvalued) + " withdrawal(s) not valued, see the table"
	}
	d.section("Request")
	d.para("Under " + clipv(orSet(c.LegalBasis, placeLegalBasis)) + ", " + clipv(orSet(c.Authority, placeAuthority)) +
		" requests the production of records held by " + clipv(name) + " about the customers who received the " +
		fmtInt(len(o.Items)) + " withdrawal(s) listed below (" + btc(sats) + " withdrawn, " + worth + "). " +
		"For each customer we request: full name, date of birth, residential address, identity documents and other " +
		"KYC records, e-mail addresses and telephone numbers, linked bank accounts and cards, login IP addresses " +
		"with timestamps, and a statement of all deposits and withdrawals of the account.")
	d.para("Each withdrawal is identified by its Bitcoin transaction id (txid, in full), the exchange's sending " +
		"address(es) it spent from, the receiving address(es) it paid, its block time (UTC) and height, and the " +
		"amount paid to those addresses. These facts are public on the Bitcoin blockchain and can be checked by " +
		"the exchange against its own withdrawal records. Values are in " + c.Currency + " at the rate named, at " +
		"the block time.")
	d.section("Withdrawals")
	rows := make([][]string, len(o.Items))
	for i, it := range o.Items {
		rows[i] = []string{latin(strconv.Itoa(i + 1)), lines(ftime(it.Time), "height "+strconv.Itoa(int(it.Height))),
			latin(it.Sats.String()), latin(valueShort(it)), refCell(it)}
	}
	d.table([]column{{"#", 0.05, false, "R"}, {"Block time (UTC) / height", 0.22, false, ""}, {"BTC withdrawn", 0.16, false, "R"},
		{"Value (" + c.Currency + ")", 0.17, false, "R"}, {"Our reference", 0.40, false, ""}}, rows)
	d.note("Each withdrawal in full follows: the txid, the exchange's sending address(es), the customer's receiving " +
		"address(es), the amount and its value with the rate's source, and, separately, the part our trace attributes " +
		"to the suspects' payments.")
	for i, it := range o.Items {
		d.fields("Withdrawal "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(o.Items)), withdrawalFields(it, true))
	}
	model := ""
	if len(o.Items) > 0 {
		model = o.Items[0].Model
	}
	d.para("In all, the trace model " + clipv(orNone(model)) + " attributes " + btc(traced) + " of our suspects' payments " +
		"to this exchange. For each payment the trace records the amount it attributes to the exchange and the " +
		"exchange's nearest withdrawal on the payment's path (the one listed); where that amount exceeds the " +
		"withdrawal, the rest came through other, earlier withdrawals of the exchange. The attribution is ours, for " +
		"the requesting authority; the exchange is asked only for its records of the withdrawals listed.")
	d.section("Basis")
	d.para("Legal basis: " + clipv(orSet(c.LegalBasis, placeLegalBasis)) + ".")
	d.para("Selected by triage rule " + clipv(c.RuleName) + ": " + clipv(c.Rule) + ". The withdrawals were found by tracing " +
		"payments recorded in seized evidence back to this exchange; the heuristics and their measured error " +
		"rates are listed on the evidence sheets of the referral package.")
	d.section("Authorisation")
	d.para("DRAFT for review by " + clipv(orSet(c.Officer, placeOfficer)) + ". Not valid until approved and signed under " +
		clipv(orSet(c.LegalBasis, placeLegalBasis)) + " for service in " + clipv(orSet(string(o.Jurisdiction), placeCountry)) + ".")
	d.f.Ln(8)
	officer := "______________________________"
	if strings.TrimSpace(c.Officer) != "" {
		officer = clipv(c.Officer)
	}
	d.para("Officer: " + officer + "     Signature: ____________________     Date: ______________")
	return d
}

// maxAddrs bounds the addresses listed in one cell; suspects.json keeps all.
const maxAddrs = 6

// valueShort is a withdrawal's value, or why it has none.
func valueShort(it Withdrawal) string {
	if it.Rate == "" {
		return "not valued"
	}
	return money(it.Value)
}

// withdrawalFields are the facts of one withdrawal, for an order (with
// our reference) or an evidence sheet.
func withdrawalFields(w Withdrawal, ref bool) []field {
	val := "not valued: " + orNone(w.RateProblem)
	if w.Rate != "" {
		val = money(w.Value) + " at " + w.Rate + " " + w.Value.Currency + "/BTC; " + w.RateSource + ", rate of " +
			ftime(w.RateTime) + ", prices evidence " + w.RateEvidence
	}
	var recv []string
	for _, o := range w.Outputs {
		a := o.Address
		if a == "" {
			a = "(no address)"
		}
		recv = append(recv, a+"  output "+strconv.FormatUint(uint64(o.Vout), 10)+", "+o.Sats.String()+" BTC")
	}
	if len(recv) == 0 {
		recv = w.ReceivingAddresses
	}
	var traced []string
	for _, t := range w.Traced {
		traced = append(traced, t.Sats.String()+" BTC of invoice "+t.Invoice+" (Person: "+t.Person+", Account: "+t.Account+
			"), "+strconv.Itoa(t.Hops)+" hop(s) from this withdrawal")
	}
	if len(traced) == 0 {
		traced = []string{btc(w.TracedSats)}
	}
	fs := []field{
		{"Transaction id (txid)", latin(w.TxID.String()), true},
		{"Block time (UTC)", latin(orNone(ftime(w.Time)) + ", height " + strconv.Itoa(int(w.Height))), false},
		{"Exchange's sending address(es)", addrLines(w.ExchangeAddresses), true},
		{"Customer's receiving address(es)", addrLines(recv), true},
		{"Amount withdrawn", latin(btc(w.Sats) + " to the receiving address(es)"), false},
		{"Value at block time", latin(val), false},
		{"Traced from the exchange to our suspects (" + orNone(w.Model) + ")", latin(btc(w.TracedSats)) + "\n" + lines(traced...), false},
	}
	if ref {
		fs = append(fs, field{"Our reference", strings.ReplaceAll(refCell(w), "\n", "; "), false})
	}
	return fs
}

// addrLines lists addresses one per line, at most maxAddrs of them.
func addrLines(as []string) string {
	if len(as) == 0 {
		return latin("none found")
	}
	if len(as) <= maxAddrs {
		return lines(as...)
	}
	return lines(append(slices.Clone(as[:maxAddrs]), "and "+fmtInt(len(as)-maxAddrs)+" more (suspects.json)")...)
}

// refCell labels our references of a withdrawal, one "Person: P,
// Account: A" pair per line.
func refCell(it Withdrawal) string {
	var refs []string
	for _, t := range it.Traced {
		if r := "Person: " + t.Person + ", Account: " + t.Account; !slices.Contains(refs, r) {
			refs = append(refs, r)
		}
	}
	if len(refs) == 0 && it.Person != "" {
		refs = []string{"Person: " + it.Person + ", Account: " + it.Account}
	}
	return lines(refs...)
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
