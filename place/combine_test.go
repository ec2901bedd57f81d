package place_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

func sig(k place.Kind, c coinsift.Country, v string) place.Signal {
	return place.Signal{Kind: k, Country: c, Weight: 1, Value: v}
}

func ips(c coinsift.Country, n int) []place.Signal {
	var out []place.Signal
	for i := range n {
		out = append(out, sig(place.KindIP, c, string(c)+"-ip-"+string(rune('a'+i))))
	}
	return out
}

func tz(cs ...coinsift.Country) []place.Signal {
	var out []place.Signal
	for _, c := range cs {
		s := sig(place.KindTimezone, c, "UTC+00:00")
		s.Weight = 1 / float64(len(cs))
		out = append(out, s)
	}
	return out
}

func damp(x float64) float64 { return 1 - math.Exp(-x) }

func TestCombine(t *testing.T) {
	w := place.DefaultWeights()
	tests := []struct {
		name      string
		signals   []place.Signal
		want      coinsift.Country
		conf      float64 // exact, from the documented formula
		conflicts []coinsift.Country
	}{
		{
			name:    "agreement",
			signals: append([]place.Signal{sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindEmail, "GB", "hotmail.co.uk")}, ips("GB", 3)...),
			// 4·½ + 2·(1−⅛) + 1·½ = 4.25
			want: "GB", conf: damp(4.25),
		},
		{
			name:    "conflict: uk phone outweighs five dutch addresses",
			signals: append([]place.Signal{sig(place.KindPhone, "GB", "+447400123456")}, ips("NL", 5)...),
			// GB 2 against NL 2·(1−1/32) = 1.9375: login addresses of one
			// country never outweigh a mobile number on their own
			want: "GB", conf: 2 / 3.9375 * damp(2), conflicts: []coinsift.Country{"NL"},
		},
		{
			name: "conflict: dutch addresses and e-mail beat a uk phone",
			signals: append([]place.Signal{sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindEmail, "NL", "ziggo.nl")},
				ips("NL", 3)...),
			// NL 2·(1−⅛) + ½ = 2.25 against GB 2
			want: "NL", conf: 2.25 / 4.25 * damp(2.25), conflicts: []coinsift.Country{"GB"},
		},
		{
			name:    "conflict: uk phone and signup address beat one dutch login",
			signals: []place.Signal{sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindSignupIP, "GB", "81.128.0.1"), sig(place.KindIP, "NL", "145.53.1.1")},
			// GB 2 + 1 = 3, NL 1
			want: "GB", conf: 3.0 / 4 * damp(3), conflicts: []coinsift.Country{"NL"},
		},
		{
			name:    "thin: one e-mail domain",
			signals: []place.Signal{sig(place.KindEmail, "NL", "ziggo.nl")},
			want:    "NL", conf: damp(0.5),
		},
		{
			name:    "voip phone counts less",
			signals: []place.Signal{{Kind: place.KindPhone, Country: "GB", Weight: 0.3, Value: "+445612345678"}},
			want:    "GB", conf: damp(0.6),
		},
		{
			name:    "exchange alone",
			signals: []place.Signal{sig(place.KindExchange, "GB", "Coinbase UK")},
			want:    "GB", conf: damp(0.5),
		},
		{
			name: "exchange of several jurisdictions corroborates, no conflicts",
			// Kraken in GB and US (½ each): GB 4·½ + 1·½·½ = 2.25; US 0.25
			// counts neither as a rival nor as a conflict.
			signals: append([]place.Signal{sig(place.KindPhone, "GB", "+447400123456")}, place.Exchanges("Kraken", []string{"GB", "US"}, 2)...),
			want:    "GB", conf: damp(2.25),
		},
		{
			name: "exchange of one jurisdiction is a conflict",
			// GB 2 against NL 0.5
			signals: []place.Signal{sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindExchange, "NL", "Bitvavo")},
			want:    "GB", conf: 2 / 2.5 * damp(2), conflicts: []coinsift.Country{"NL"},
		},
		{
			name:    "split exchange alone never places",
			signals: place.Exchanges("Binance", []string{"FR", "NL"}, 1),
		},
		{
			name:    "no signals",
			signals: nil,
		},
		{
			name:      "tie: two phones",
			signals:   []place.Signal{sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindPhone, "NL", "+31612345678")},
			conflicts: []coinsift.Country{"GB", "NL"},
		},
		{
			name:    "time zone alone never places",
			signals: tz("NZ"),
		},
		{
			name:    "time zone corroborates without conflicting",
			signals: append([]place.Signal{sig(place.KindEmail, "NL", "ziggo.nl")}, tz("DE", "FR", "NL", "GB")...),
			// NL ½ + ¼·½ = 0.625; DE, FR, GB have time-zone support only
			want: "NL", conf: damp(0.625),
		},
		{
			name: "repeats count once",
			signals: []place.Signal{sig(place.KindIP, "GB", "81.128.0.1"), sig(place.KindIP, "GB", "81.128.0.1"),
				sig(place.KindIP, "GB", "81.128.0.1")},
			want: "GB", conf: damp(1),
		},
		{
			name: "ignored: unknown kind, country, bad weights",
			signals: []place.Signal{
				sig("carrier-pigeon", "FR", "x"), sig(place.KindIP, "ZZ", "1.2.3.4"), sig(place.KindIP, "", "1.2.3.5"),
				{Kind: place.KindIP, Country: "FR", Weight: math.NaN(), Value: "1"},
				{Kind: place.KindIP, Country: "FR", Weight: math.Inf(1), Value: "2"},
				{Kind: place.KindIP, Country: "FR", Weight: 0, Value: "3"},
				{Kind: place.KindIP, Country: "FR", Weight: -1, Value: "4"},
				sig(place.KindEmail, "ie", "eircom.net"),
			},
			want: "IE", conf: damp(0.5),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := place.Combine(tt.signals, w)
			if p.Country != tt.want || math.Abs(p.Confidence-tt.conf) > 1e-12 || !slices.Equal(p.Conflicts, tt.conflicts) {
				t.Fatalf("Combine() = %s %.6f conflicts %v; want %s %.6f conflicts %v\nscores %+v",
					p.Country, p.Confidence, p.Conflicts, tt.want, tt.conf, tt.conflicts, p.Scores)
			}
			if p.Confidence < 0 || p.Confidence > 1 {
				t.Errorf("Confidence = %v; want within [0, 1]", p.Confidence)
			}
			// Order does not matter.
			r := rand.New(rand.NewPCG(1, 2))
			for range 5 {
				sh := slices.Clone(tt.signals)
				r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
				if q := place.Combine(sh, w); !reflect.DeepEqual(p, q) {
					t.Fatalf("Combine depends on signal order:\n%+v\n%+v", p, q)
				}
			}
		})
	}
}

func TestCombineEvidence(t *testing.T) {
	in := []place.Signal{
		sig(place.KindEmail, "GB", "hotmail.co.uk"),
		sig(place.KindIP, "NL", "145.53.1.1"),
		sig(place.KindIP, "GB", "81.128.0.2"),
		sig(place.KindIP, "GB", "81.128.0.1"),
		sig(place.KindPhone, "GB", "+447400123456"),
		{Kind: place.KindIP, Country: "GB", Weight: 1, Value: "81.128.0.1", Table: "logins", Row: 7},
		{Kind: place.KindIP, Country: "GB", Weight: 1, Value: "81.128.0.1", Table: "logins", Row: 3},
	}
	p := place.Combine(in, place.DefaultWeights())
	var got []string
	for _, s := range p.Evidence {
		got = append(got, string(s.Kind)+" "+string(s.Country)+" "+s.Value)
	}
	want := []string{
		"phone GB +447400123456",
		"ip NL 145.53.1.1",
		"ip GB 81.128.0.1",
		"ip GB 81.128.0.2",
		"email GB hotmail.co.uk",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Evidence = %q; want %q", got, want)
	}
	if p.Evidence[0].Weight != 4 || p.Evidence[4].Weight != 1 {
		t.Errorf("effective weights %v, %v; want 4 (phone) and 1 (email)", p.Evidence[0].Weight, p.Evidence[4].Weight)
	}
	// The repeated IP keeps the row that sorts first in its provenance.
	if p.Evidence[1].Row != 0 {
		t.Errorf("NL evidence row = %d", p.Evidence[1].Row)
	}
	if e := p.Evidence[2]; e.Table != "" || e.Row != 0 {
		t.Errorf("deduplicated IP keeps %s:%d; want the copy without provenance, which sorts first", e.Table, e.Row)
	}
	wantScores := []place.Score{{Country: "GB", Score: 2 + 2*0.75 + 0.5, Signals: 4, Direct: true}, {Country: "NL", Score: 1, Signals: 1, Direct: true}}
	if !reflect.DeepEqual(p.Scores, wantScores) {
		t.Errorf("Scores = %+v; want %+v", p.Scores, wantScores)
	}
}

func TestCombineCustomWeights(t *testing.T) {
	w := place.DefaultWeights()
	w.Exchange = 0
	p := place.Combine([]place.Signal{sig(place.KindExchange, "GB", "Coinbase UK")}, w)
	if p.Country != "" || len(p.Evidence) != 0 {
		t.Fatalf("Combine with exchange weight 0 = %+v; want nothing", p)
	}
}

func TestWeightsValidate(t *testing.T) {
	if err := place.DefaultWeights().Validate(); err != nil {
		t.Fatalf("DefaultWeights().Validate() = %v", err)
	}
	tests := []struct {
		name string
		edit func(*place.Weights)
	}{
		{"negative phone", func(w *place.Weights) { w.Phone = -1 }},
		{"NaN ip", func(w *place.Weights) { w.IP = math.NaN() }},
		{"infinite email", func(w *place.Weights) { w.Email = math.Inf(1) }},
		{"all zero", func(w *place.Weights) { *w = place.Weights{Decay: 0.5, Scale: 1} }},
		{"decay 0", func(w *place.Weights) { w.Decay = 0 }},
		{"decay 1", func(w *place.Weights) { w.Decay = 1 }},
		{"decay NaN", func(w *place.Weights) { w.Decay = math.NaN() }},
		{"scale 0", func(w *place.Weights) { w.Scale = 0 }},
		{"scale inf", func(w *place.Weights) { w.Scale = math.Inf(1) }},
	}
	for _, tt := range tests {
		w := place.DefaultWeights()
		tt.edit(&w)
		if err := w.Validate(); !errors.Is(err, coinsift.ErrInvalid) {
			t.Errorf("%s: Validate() = %v; want ErrInvalid", tt.name, err)
		}
	}
}
