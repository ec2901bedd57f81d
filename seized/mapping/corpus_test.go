package mapping_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// TestSuggestCorpus suggests a mapping for each dump of the corpus
// (testdata/corpus: services unlike iSpoof, written with their true
// mappings beside them) and scores it against the truth: at least 90 % of
// the fields must be kept unchanged, and the tables named in notMapped
// (logs and catalogues that only look like calls or payments by their
// names) must be left out with a note saying so.
func TestSuggestCorpus(t *testing.T) {
	tests := []struct {
		dump      string
		notMapped []string
	}{
		{"testdata/corpus/booter.sql", []string{"attacks", "news"}},
		{"testdata/corpus/cardshop.sql", []string{"purchases"}},
		{"testdata/corpus/ransomware.sql", nil},
		{"testdata/corpus/phishkit.sql", nil},
		{"testdata/corpus/forum.sql", nil},
		{"testdata/corpus/magazin.sql", nil},
		{"testdata/corpus/bph.sql", []string{"servers"}},
		{dump, nil},
	}
	for _, tt := range tests {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(tt.dump), ".gz"), ".sql")
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata/corpus", name+".truth.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			truth, err := mapping.Read(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := seized.Inspect(context.Background(), tt.dump, seized.InspectOptions{Region: truth.Region, SampleRows: 20000})
			if err != nil {
				t.Fatal(err)
			}
			got := mapping.Suggest(truth.Region, rep)
			c := mapping.Compare(truth, got)
			if c.Score < 0.9 {
				var b strings.Builder
				c.Write(&b)
				t.Errorf("score %.3f, want ≥ 0.90:\n%s", c.Score, b.String())
			}
			notes := strings.Join(got.Notes, "\n")
			for _, tab := range tt.notMapped {
				for _, mt := range got.Tables {
					if mt.Source == tab {
						t.Errorf("table %s mapped onto %s", tab, mt.Target)
					}
				}
				if !strings.Contains(notes, "not mapped: "+tab+":") {
					t.Errorf("no note says why %s is not mapped; notes:\n%s", tab, notes)
				}
			}
			// The suggestion must be a mapping the loader accepts.
			var b strings.Builder
			if err := got.Write(&b); err != nil {
				t.Fatal(err)
			}
			if _, err := mapping.Read(strings.NewReader(b.String())); err != nil {
				t.Errorf("Read(Suggest()): %v\n%s", err, b.String())
			}
		})
	}
}
