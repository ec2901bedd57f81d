package report

// Heuristic areas: what a heuristic decides.
const (
	AreaClustering = "clustering"
	AreaLinking    = "linking"
	AreaValuation  = "valuation"
	AreaPersons    = "persons"
	AreaPlacement  = "placement"
	AreaFunding    = "funding exchange"
)

// measuredFollow names where the link, value, payers and persons figures
// were measured (docs/methodology.md, "Follow the money" and "Persons").
const measuredFollow = "small world seed 1 (coinsift world gen --scale small --seed 1), " +
	"go test -run TestFollowTheMoneySmallWorld ./cmd/coinsift; docs/methodology.md, Follow the money"

// Measured returns the measured error rates of the heuristics other than
// clustering that every referral package relies on: linking, valuation,
// persons, placement and the funding exchange. Each figure is copied from
// docs/methodology.md, which says how it was measured; a figure the
// methodology does not give is marked Unmeasured, never guessed. Package
// cluster's Measured gives the clustering rows. Update this table with the
// methodology ('make methodology').
func Measured() []Heuristic {
	return []Heuristic{
		{Name: "link", Version: "1", Precision: 1.000, Recall: 1.000, Area: AreaLinking,
			Measure:  "precision: linked outputs that are the invoice's; recall: paid invoices found",
			Measured: measuredFollow},
		{Name: "value", Version: "1", Precision: 0.866, Recall: 1.000, Area: AreaValuation,
			Measure: "precision: values within 1% of the invoice's quoted price, invoices paid once, in full, " +
				"on time (the rest were paid on a later day and valued at that day's price); recall: outputs valued (0 gaps)",
			Measured: measuredFollow},
		{Name: "persons", Version: "4", Precision: 1.000, Recall: 0.554, Area: AreaPersons,
			Measure: "pairs of accounts put in one person that are one true person; pairs of one true person put in one person",
			Measured: "small world seed 1, go test -run TestTruthSmallWorld ./cmd/coinsift; docs/methodology.md, Persons and Corpus " +
				"(other services: precision 1.000, recall 0.784-0.845)"},
		{Name: "place", Version: "1", Precision: 0.999, Recall: 0.958, Area: AreaPlacement,
			Measure: "suspects selected by the iSpoof UK rule (placed GB, confidence >= 0.5, paid >= 100 GBP) " +
				"against the world's truth set",
			Measured: "small world seed 1, go test -run TestTruthSmallWorld ./cmd/coinsift; docs/methodology.md, Jurisdiction " +
				"(iSpoof-scale world seed 1: 1.000 / 0.958)"},
		{Name: "trace payers (funding exchange)", Version: "1", Recall: 0.626, Area: AreaFunding, Unmeasured: "precision",
			Measure: "recall: payments whose funding exchange the truth names that were traced to that exchange " +
				"(0.739 of all payments were traced to some exchange; only 7 of 12 exchanges are in the public TagPack)",
			Measured: measuredFollow},
	}
}

// Figure formats the heuristic's "precision" or "recall" for people,
// e.g. "98.1%", or "not measured" when h.Unmeasured names it.
func (h Heuristic) Figure(which string) string {
	if h.Unmeasured == which {
		return "not measured"
	}
	if which == "recall" {
		return pct(h.Recall)
	}
	return pct(h.Precision)
}

// figureRaw is Figure for machines: the fraction as written, e.g. "0.981".
func (h Heuristic) figureRaw(which string) string {
	switch {
	case h.Unmeasured == which:
		return "not measured"
	case which == "recall":
		return ffloat(h.Recall)
	}
	return ffloat(h.Precision)
}
