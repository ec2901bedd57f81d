package mapping_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/coinsift/coinsift/world"
)

// TestSuggestFamilies generates a tiny world of every service family and
// iSpoof schema variant, at two seeds, and scores the suggestion for its
// dump against the world's truth/mapping.yaml: at least 90 % of the fields
// kept unchanged.
func TestSuggestFamilies(t *testing.T) {
	if testing.Short() {
		t.Skip("generates worlds")
	}
	type world1 struct {
		family  world.Family
		variant int
	}
	var cases []world1
	for _, f := range world.Families {
		if f == world.FamilyISpoof {
			for v := 0; v < world.NumSchemaVariants; v++ {
				cases = append(cases, world1{f, v})
			}
			continue
		}
		cases = append(cases, world1{f, 0})
	}
	for _, c := range cases {
		for _, seed := range []uint64{1, 2} {
			t.Run(fmt.Sprintf("%s-%d-seed%d", c.family, c.variant, seed), func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				cfg := world.Config{Scale: world.ScaleTiny, Seed: seed, Family: c.family, SchemaVariant: c.variant}
				if _, err := world.Generate(context.Background(), cfg, dir, nil); err != nil {
					t.Fatal(err)
				}
				f, err := os.Open(filepath.Join(dir, "truth", "mapping.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				truth, err := mapping.Read(f)
				if err != nil {
					t.Fatal(err)
				}
				dumps, _ := filepath.Glob(filepath.Join(dir, "seized", "*.sql*"))
				if len(dumps) != 1 {
					t.Fatalf("dumps %v", dumps)
				}
				rep, err := seized.Inspect(context.Background(), dumps[0], seized.InspectOptions{Region: truth.Region, SampleRows: 20000})
				if err != nil {
					t.Fatal(err)
				}
				cmp := mapping.Compare(truth, mapping.Suggest(truth.Region, rep))
				t.Logf("kept %d of %d true fields, %d extra: score %.3f", cmp.Kept, cmp.True, cmp.Extra, cmp.Score)
				if cmp.Score < 0.9 {
					var b strings.Builder
					cmp.Write(&b)
					t.Errorf("score %.3f, want ≥ 0.90:\n%s", cmp.Score, b.String())
				}
			})
		}
	}
}
