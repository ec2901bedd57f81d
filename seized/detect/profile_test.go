package detect_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/detect"
)

func TestProfileSubsetShare(t *testing.T) {
	profile := func(max int, vals ...string) *detect.Profile {
		p := &detect.Profile{MaxDistinct: max}
		for _, v := range vals {
			p.Add([]byte(v))
		}
		return p
	}
	keys := profile(0, "100", "101", "102", "103", "104")
	tests := []struct {
		name     string
		p        *detect.Profile
		share    float64
		distinct int
		complete bool
	}{
		{"all keys, repeated", profile(0, "101", "103", "101", "104"), 1, 3, true},
		{"half keys", profile(0, "101", "1", "102", "2"), 0.5, 4, true},
		{"none", profile(0, "1", "2"), 0, 2, true},
		{"empty", profile(0), 0, 0, true},
		{"over MaxDistinct", profile(2, "100", "101", "102"), 1, 2, false},
		{"long values are not remembered", profile(0, "100", strings.Repeat("x", 65)), 1, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.SubsetShare(keys); got != tt.share {
				t.Errorf("SubsetShare = %v, want %v", got, tt.share)
			}
			if n, c := tt.p.Distinct(); n != tt.distinct || c != tt.complete {
				t.Errorf("Distinct = %d, %v; want %d, %v", n, c, tt.distinct, tt.complete)
			}
		})
	}
	if got := keys.SubsetShare(nil); got != 0 {
		t.Errorf("SubsetShare(nil) = %v", got)
	}
}

func TestProfileDocs(t *testing.T) {
	p := &detect.Profile{MaxSamples: 2}
	for i := 1; i <= 300; i++ {
		p.Add([]byte(`{"n":` + strconv.Itoa(i) + `}`))
	}
	long := `{"tx":{"hash":"` + strings.Repeat("ab", 32) + `"},"pad":"` + strings.Repeat("x", 300) + `"}`
	p.Add([]byte("plain"))
	p.Add([]byte(long))
	p.Add([]byte(`{"` + strings.Repeat("y", 5000) + `":1}`)) // over 4 KiB
	p.Add([]byte(`[1,2]`))
	p.Add([]byte(`{"third":` + strconv.Itoa(3) + `}`))
	docs := p.Docs()
	want := []string{}
	for _, i := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 32, 64, 128, 256} {
		want = append(want, `{"n":`+strconv.Itoa(i)+`}`)
	}
	if strings.Join(docs, " ") != strings.Join(want, " ") {
		t.Errorf("Docs = %q, want %q", docs, want)
	}
	p = &detect.Profile{}
	p.Add([]byte("plain"))
	p.Add([]byte(long))
	p.Add([]byte(`{"` + strings.Repeat("y", 5000) + `":1}`)) // over 4 KiB
	p.Add([]byte(`[1,2]`))
	if docs := p.Docs(); len(docs) != 2 || docs[0] != long || docs[1] != "[1,2]" {
		t.Errorf("Docs = %q", docs)
	}
	for _, s := range p.Samples() {
		if s == long {
			t.Errorf("a value over 200 bytes is among the samples")
		}
	}
}
