package cluster

// Scores are the precision and recall of a clustering against a truth.
type Scores struct {
	Addresses       int     `json:"addresses"` // addresses with a known wallet
	PairPrecision   float64 `json:"pair_precision"`
	PairRecall      float64 `json:"pair_recall"`
	BCubedPrecision float64 `json:"bcubed_precision"`
	BCubedRecall    float64 `json:"bcubed_recall"`
	PredictedPairs  float64 `json:"predicted_pairs"`
	TruePairs       float64 `json:"true_pairs"`
	CorrectPairs    float64 `json:"correct_pairs"`
}

// Evaluate compares cluster (address id → cluster id) with wallet (address
// id → true wallet, negative when unknown). Only addresses with a known
// wallet count.
func Evaluate(cluster []uint32, wallet []int64) Scores {
	type cell struct {
		c uint32
		w int64
	}
	cells := map[cell]float64{}
	csize := map[uint32]float64{}
	wsize := map[int64]float64{}
	var s Scores
	for a, c := range cluster {
		if a >= len(wallet) || wallet[a] < 0 {
			continue
		}
		w := wallet[a]
		s.Addresses++
		cells[cell{c, w}]++
		csize[c]++
		wsize[w]++
	}
	if s.Addresses == 0 {
		return s
	}
	pairs := func(n float64) float64 { return n * (n - 1) / 2 }
	var bp, br float64
	for k, n := range cells {
		s.CorrectPairs += pairs(n)
		bp += n * n / csize[k.c]
		br += n * n / wsize[k.w]
	}
	for _, n := range csize {
		s.PredictedPairs += pairs(n)
	}
	for _, n := range wsize {
		s.TruePairs += pairs(n)
	}
	N := float64(s.Addresses)
	s.BCubedPrecision, s.BCubedRecall = bp/N, br/N
	s.PairPrecision, s.PairRecall = 1, 1
	if s.PredictedPairs > 0 {
		s.PairPrecision = s.CorrectPairs / s.PredictedPairs
	}
	if s.TruePairs > 0 {
		s.PairRecall = s.CorrectPairs / s.TruePairs
	}
	return s
}

// ChangeScore is the precision of one change sub-heuristic (or of the
// merges taken) against known change outputs.
type ChangeScore struct {
	Name      string  `json:"name"`
	Named     int64   `json:"named"`   // outputs it named as change
	Correct   int64   `json:"correct"` // of which truly change
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"` // correct / true change outputs
}

// EvaluateChange scores decisions against isChange; trueChange is the number
// of true change outputs in the transactions clustering looked at.
func EvaluateChange(decisions []ChangeDecision, isChange func(tx int64, vout int) bool, trueChange int64) []ChangeScore {
	per := map[Heuristic]*ChangeScore{}
	merged := &ChangeScore{Name: "merged (chosen combination)"}
	for _, d := range decisions {
		ok := isChange(d.Tx, d.Vout)
		for _, a := range d.Answers {
			sc := per[a.Heuristic]
			if sc == nil {
				sc = &ChangeScore{Name: a.Heuristic.String()}
				per[a.Heuristic] = sc
			}
			sc.Named++
			if isChange(d.Tx, int(a.Vout)) {
				sc.Correct++
			}
		}
		if d.Merged {
			merged.Named++
			if ok {
				merged.Correct++
			}
		}
	}
	var out []ChangeScore
	for h := ChangeReuse; h <= lastChange; h++ {
		if sc := per[h]; sc != nil {
			out = append(out, *sc)
		}
	}
	out = append(out, *merged)
	for i := range out {
		if out[i].Named > 0 {
			out[i].Precision = float64(out[i].Correct) / float64(out[i].Named)
		}
		if trueChange > 0 {
			out[i].Recall = float64(out[i].Correct) / float64(trueChange)
		}
	}
	return out
}
