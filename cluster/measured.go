package cluster

// MeasuredRate is a heuristic's error rate as measured on generated worlds
// (docs/methodology.md), for reports that must state it.
type MeasuredRate struct {
	Name      string
	Version   string
	Precision float64
	Recall    float64
	Where     string
}

// measuredWhere names the measurement behind Measured.
const measuredWhere = "small world seed 1 (coinsift world gen --scale small --seed 1), coinsift cluster eval; docs/methodology.md"

// Measured returns the error rates of the heuristics at their current
// versions as last measured; 'make methodology' re-measures them. For
// multi-input and the default combination the figures are B-cubed
// precision and recall of the clustering; for change sub-heuristics, the
// precision and recall of the outputs they named.
func Measured() []MeasuredRate {
	return []MeasuredRate{
		{"multi-input", "1", 1.000, 0.144, measuredWhere},
		{"change-reuse", "1", 1.000, 0.207, measuredWhere},
		{"change-type", "1", 0.996, 0.453, measuredWhere},
		{"change-optimal", "1", 0.979, 0.058, measuredWhere},
		{"change-round", "1", 1.000, 0.183, measuredWhere},
		{"change-fresh", "1", 1.000, 0.175, measuredWhere},
		{"change-fingerprint", "2", 1.000, 0.428, measuredWhere},
		{"change-peel", "1", 0.864, 0.217, measuredWhere},
		{"change-software", "1", 1.000, 0.525, measuredWhere},
		{"default combination", "2", 1.000, 0.319, measuredWhere},
	}
}
