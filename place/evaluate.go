package place

import (
	"cmp"
	"slices"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Report measures placements against known truth (a generated world's
// persons, or a hand-checked sample of a real case).
type Report struct {
	Total     int           `json:"total"`     // keys with a true country
	Placed    int           `json:"placed"`    // of those, keys with a predicted country
	Correct   int           `json:"correct"`   // of those, keys placed in their true country
	Accuracy  float64       `json:"accuracy"`  // Correct / Total: unplaced keys count as wrong
	Precision float64       `json:"precision"` // Correct / Placed: how often a placement is right
	Coverage  float64       `json:"coverage"`  // Placed / Total
	Ignored   int           `json:"ignored"`   // predictions whose key has no true country
	Countries []CountryStat `json:"countries"`
	Buckets   []Bucket      `json:"buckets"`
}

// CountryStat is the precision and recall of one country.
type CountryStat struct {
	Country   coinsift.Country `json:"country"`
	Truth     int              `json:"truth"`     // keys truly in the country
	Placed    int              `json:"placed"`    // keys placed in the country
	Correct   int              `json:"correct"`   // keys placed in the country and truly there
	Precision float64          `json:"precision"` // Correct / Placed, 0 when nothing was placed there
	Recall    float64          `json:"recall"`    // Correct / Truth, 0 when nobody is there
}

// Bucket is the accuracy of the placements whose confidence lies in
// [Min, Max) (the last bucket includes 1): a calibrated model's accuracy
// lies near its mean confidence.
type Bucket struct {
	Min            float64 `json:"min"`
	Max            float64 `json:"max"`
	Placed         int     `json:"placed"`
	Correct        int     `json:"correct"`
	Accuracy       float64 `json:"accuracy"` // Correct / Placed
	MeanConfidence float64 `json:"mean_confidence"`
}

// bucketEdges are the confidence buckets of a Report.
var bucketEdges = []float64{0, 0.2, 0.4, 0.6, 0.8, 0.9, 1}

// Evaluate compares predicted placements with true countries, both keyed by
// person or account id. Keys whose truth is "" and predictions without truth
// are left out (counted in Ignored). Countries are listed by number of true
// keys, then code; the output does not depend on map order.
func Evaluate(pred map[string]Placement, truth map[string]coinsift.Country) Report {
	var r Report
	stats := map[coinsift.Country]*CountryStat{}
	stat := func(c coinsift.Country) *CountryStat {
		s := stats[c]
		if s == nil {
			s = &CountryStat{Country: c}
			stats[c] = s
		}
		return s
	}
	r.Buckets = make([]Bucket, len(bucketEdges)-1)
	for i := range r.Buckets {
		r.Buckets[i].Min, r.Buckets[i].Max = bucketEdges[i], bucketEdges[i+1]
	}
	// Sum confidences in key order so that float sums are reproducible.
	keys := make([]string, 0, len(truth))
	for k, c := range truth {
		if c != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		c := truth[k]
		r.Total++
		stat(c).Truth++
		p, ok := pred[k]
		if !ok || p.Country == "" {
			continue
		}
		r.Placed++
		stat(p.Country).Placed++
		hit := p.Country == c
		if hit {
			r.Correct++
			stat(c).Correct++
		}
		b := &r.Buckets[bucketOf(p.Confidence)]
		b.Placed++
		b.MeanConfidence += p.Confidence
		if hit {
			b.Correct++
		}
	}
	for k := range pred {
		if truth[k] == "" {
			r.Ignored++
		}
	}
	r.Accuracy = ratio(r.Correct, r.Total)
	r.Precision = ratio(r.Correct, r.Placed)
	r.Coverage = ratio(r.Placed, r.Total)
	for i := range r.Buckets {
		b := &r.Buckets[i]
		b.Accuracy = ratio(b.Correct, b.Placed)
		if b.Placed > 0 {
			b.MeanConfidence /= float64(b.Placed)
		}
	}
	for _, s := range stats {
		s.Precision = ratio(s.Correct, s.Placed)
		s.Recall = ratio(s.Correct, s.Truth)
		r.Countries = append(r.Countries, *s)
	}
	slices.SortFunc(r.Countries, func(a, b CountryStat) int {
		return cmp.Or(cmp.Compare(b.Truth, a.Truth), strings.Compare(string(a.Country), string(b.Country)))
	})
	return r
}

func bucketOf(conf float64) int {
	for i := len(bucketEdges) - 2; i > 0; i-- {
		if conf >= bucketEdges[i] {
			return i
		}
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
