package detect

import (
	"hash/maphash"
	"sort"
	"unicode/utf8"
)

// Profile accumulates what the values of one column look like. Kind
// detection runs on the first MaxClassified non-empty values (phone parsing
// is costly); counts cover every value.
type Profile struct {
	Region        string // default phone region, e.g. "GB"
	MaxClassified int    // 0: 10000
	MaxSamples    int    // 0: 5
	// MaxDistinct bounds the distinct values remembered (as 64-bit
	// hashes, for SubsetShare); 0: 20000.
	MaxDistinct int

	Count    int64 // values seen
	Nulls    int64 // NULL values
	Empty    int64 // empty strings
	Binary   int64 // values that are not valid UTF-8 text
	MaxLen   int   // longest value in bytes
	classed  int64
	matches  map[Kind]int64
	samples  []string
	seen     map[string]bool
	kindsBuf []Kind
	docs     []string            // JSON texts of up to maxDocLen bytes
	nDocs    int64               // JSON texts seen
	distinct map[uint64]struct{} // hashes of distinct values up to maxKeyLen bytes
	overflow bool                // a value was not remembered in distinct
}

// maxDocLen bounds the JSON texts kept as samples (Docs): a gateway's
// callback is often longer than an ordinary sample.
const maxDocLen = 4096

// maxDocs bounds the JSON texts kept.
const maxDocs = 32

// maxKeyLen bounds the values remembered as distinct: keys are short.
const maxKeyLen = 64

// seed hashes the distinct values of every profile alike, so that two
// profiles' sets can be compared; hashes are never written out.
var seed = maphash.MakeSeed()

// Match is the share of classified values that match a Kind.
type Match struct {
	Kind  Kind    `json:"kind"`
	Count int64   `json:"count"`
	Share float64 `json:"share"` // Count / classified values, 0..1
}

// AddNull records a NULL.
func (p *Profile) AddNull() { p.Count++; p.Nulls++ }

// Add records a non-NULL value.
func (p *Profile) Add(v []byte) {
	p.Count++
	if len(v) > p.MaxLen {
		p.MaxLen = len(v)
	}
	if len(v) == 0 {
		p.Empty++
		return
	}
	if !utf8.Valid(v) {
		p.Binary++
		return
	}
	maxc := p.MaxClassified
	if maxc == 0 {
		maxc = 10000
	}
	maxs := p.MaxSamples
	if maxs == 0 {
		maxs = 5
	}
	if len(p.samples) < maxs && len(v) <= 200 {
		s := string(v)
		if p.seen == nil {
			p.seen = map[string]bool{}
		}
		if !p.seen[s] {
			p.seen[s] = true
			p.samples = append(p.samples, s)
		}
	}
	if len(v) <= maxDocLen && (v[0] == '{' || v[0] == '[') {
		// The first 16, then the 32nd, 64th, 128th …: a gateway's
		// callbacks change shape as payments complete, and the first rows
		// of a table are often the unpaid ones.
		p.nDocs++
		if len(p.docs) < maxDocs && (p.nDocs <= maxDocs/2 || p.nDocs&(p.nDocs-1) == 0) {
			p.docs = append(p.docs, string(v))
		}
	}
	p.remember(v)
	if p.classed >= int64(maxc) || len(v) > 256 {
		return
	}
	p.classed++
	if p.matches == nil {
		p.matches = map[Kind]int64{}
	}
	p.kindsBuf = AppendKinds(p.kindsBuf[:0], string(v), p.Region)
	for _, k := range p.kindsBuf {
		p.matches[k]++
	}
}

// remember adds v to the distinct values, up to MaxDistinct of them.
func (p *Profile) remember(v []byte) {
	maxd := p.MaxDistinct
	if maxd == 0 {
		maxd = 20000
	}
	if len(v) > maxKeyLen || len(p.distinct) >= maxd {
		// Once full, no value is hashed: a full inspection stays as fast.
		p.overflow = true
		return
	}
	h := maphash.Bytes(seed, v)
	if _, ok := p.distinct[h]; ok {
		return
	}
	if p.distinct == nil {
		p.distinct = map[uint64]struct{}{}
	}
	p.distinct[h] = struct{}{}
}

// Distinct returns how many distinct non-empty text values were seen (of
// at most 64 bytes each, up to MaxDistinct), and whether that is all of
// them.
func (p *Profile) Distinct() (n int, complete bool) { return len(p.distinct), !p.overflow }

// SubsetShare returns the share of p's distinct values that q holds too
// (0 if p remembers none): near 1 when p's column refers to q's, as an
// account's id in a payments table refers to the accounts table's key.
func (p *Profile) SubsetShare(q *Profile) float64 {
	if q == nil || len(p.distinct) == 0 {
		return 0
	}
	n := 0
	for h := range p.distinct {
		if _, ok := q.distinct[h]; ok {
			n++
		}
	}
	return float64(n) / float64(len(p.distinct))
}

// Docs returns up to 32 values that begin like JSON text ('{' or '['), of
// up to 4 KiB each, in the order seen: the first 16, then the 32nd, 64th,
// 128th … of them.
func (p *Profile) Docs() []string { return p.docs }

// Classified returns how many values were classified.
func (p *Profile) Classified() int64 { return p.classed }

// Samples returns up to MaxSamples distinct values, in the order first seen.
func (p *Profile) Samples() []string { return p.samples }

// Matches returns the kinds matched by at least minShare of the classified
// values, highest share first (ties in Kinds order).
func (p *Profile) Matches(minShare float64) []Match {
	if p.classed == 0 {
		return nil
	}
	var ms []Match
	for _, k := range Kinds {
		n := p.matches[k]
		if n == 0 {
			continue
		}
		share := float64(n) / float64(p.classed)
		if share >= minShare {
			ms = append(ms, Match{Kind: k, Count: n, Share: share})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Share > ms[j].Share })
	return ms
}

// Share returns the share of classified values that match k.
func (p *Profile) Share(k Kind) float64 {
	if p.classed == 0 {
		return 0
	}
	return float64(p.matches[k]) / float64(p.classed)
}
