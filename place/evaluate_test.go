package place_test

import (
	"reflect"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

func TestEvaluate(t *testing.T) {
	pl := func(c coinsift.Country, conf float64) place.Placement {
		return place.Placement{Country: c, Confidence: conf}
	}
	truth := map[string]coinsift.Country{
		"a": "GB", "b": "GB", "c": "GB", "d": "GB",
		"e": "NL", "f": "NL",
		"g": "AU",
		"h": "", // truth unknown: left out
	}
	pred := map[string]place.Placement{
		"a": pl("GB", 0.95), "b": pl("GB", 0.85), "c": pl("NL", 0.5), // d unplaced
		"e": pl("NL", 0.95), "f": pl("", 0),
		"g": pl("AU", 1),
		"h": pl("GB", 0.9), "z": pl("FR", 0.9), // no truth
	}
	r := place.Evaluate(pred, truth)
	if r.Total != 7 || r.Placed != 5 || r.Correct != 4 || r.Ignored != 2 {
		t.Fatalf("Evaluate counts = total %d placed %d correct %d ignored %d; want 7 5 4 2", r.Total, r.Placed, r.Correct, r.Ignored)
	}
	if r.Accuracy != 4.0/7 || r.Precision != 4.0/5 || r.Coverage != 5.0/7 {
		t.Errorf("Evaluate rates = %v %v %v; want 4/7 4/5 5/7", r.Accuracy, r.Precision, r.Coverage)
	}
	wantC := []place.CountryStat{
		{Country: "GB", Truth: 4, Placed: 2, Correct: 2, Precision: 1, Recall: 0.5},
		{Country: "NL", Truth: 2, Placed: 2, Correct: 1, Precision: 0.5, Recall: 0.5},
		{Country: "AU", Truth: 1, Placed: 1, Correct: 1, Precision: 1, Recall: 1},
	}
	if !reflect.DeepEqual(r.Countries, wantC) {
		t.Errorf("Countries = %+v; want %+v", r.Countries, wantC)
	}
	wantB := []place.Bucket{
		{Min: 0, Max: 0.2},
		{Min: 0.2, Max: 0.4},
		{Min: 0.4, Max: 0.6, Placed: 1, Correct: 0, Accuracy: 0, MeanConfidence: 0.5},
		{Min: 0.6, Max: 0.8},
		{Min: 0.8, Max: 0.9, Placed: 1, Correct: 1, Accuracy: 1, MeanConfidence: 0.85},
		{Min: 0.9, Max: 1, Placed: 3, Correct: 3, Accuracy: 1, MeanConfidence: (0.95 + 0.95 + 1) / 3},
	}
	if !reflect.DeepEqual(r.Buckets, wantB) {
		t.Errorf("Buckets = %+v; want %+v", r.Buckets, wantB)
	}
	if empty := place.Evaluate(nil, nil); empty.Total != 0 || empty.Accuracy != 0 || len(empty.Buckets) != 6 {
		t.Errorf("Evaluate(nil, nil) = %+v", empty)
	}
}
