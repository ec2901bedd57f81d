package world_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/world"
)

// MustGenerate generates a world into a temporary directory.
func MustGenerate(tb testing.TB, cfg world.Config) (string, world.Summary) {
	tb.Helper()
	dir := tb.TempDir()
	start := time.Now()
	sum, err := world.Generate(context.Background(), cfg, dir, coinsift.NopProgressFunc)
	if err != nil {
		tb.Fatalf("Generate(%+v) = %v", cfg, err)
	}
	tb.Logf("generated %s world in %v: %+v", cfg.Scale, time.Since(start), sum)
	return dir, sum
}

func TestGenerateTiny(t *testing.T) {
	start := time.Now()
	_, sum := MustGenerate(t, world.DefaultConfig())
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("tiny world took %v; want under 2s", d)
	}
	if sum.Payments == 0 || sum.Transactions < 1000 {
		t.Errorf("summary = %+v; want payments and transactions", sum)
	}
}

func hashTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		cfg  world.Config
	}{
		{"plain", world.Config{Scale: world.ScaleTiny, Seed: 42}},
		{"variant2-xor", world.Config{Scale: world.ScaleTiny, Seed: 42, SchemaVariant: 2, XOR: true}},
		{"signed", world.Config{Scale: world.ScaleTiny, Seed: 5, Sign: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := MustGenerate(t, tt.cfg)
			b, _ := MustGenerate(t, tt.cfg)
			ha, hb := hashTree(t, a), hashTree(t, b)
			if diff := cmp.Diff(ha, hb); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}
			if len(ha) < 15 {
				t.Errorf("only %d files written", len(ha))
			}
		})
	}
	// A different seed gives a different world.
	a, _ := MustGenerate(t, world.Config{Scale: world.ScaleTiny, Seed: 1})
	b, _ := MustGenerate(t, world.Config{Scale: world.ScaleTiny, Seed: 2})
	if hashTree(t, a)["truth/payments.tsv"] == hashTree(t, b)["truth/payments.tsv"] {
		t.Errorf("seeds 1 and 2 give the same payments")
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  world.Config
		ok   bool
	}{
		{"default", world.DefaultConfig(), true},
		{"ispoof", world.Config{Scale: world.ScaleISpoof, SchemaVariant: 2}, true},
		{"bad scale", world.Config{Scale: "huge"}, false},
		{"bad variant", world.Config{Scale: world.ScaleTiny, SchemaVariant: 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v; want ok %v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, coinsift.ErrInvalid) {
				t.Errorf("Validate() = %v; want kind ErrInvalid", err)
			}
		})
	}
}

// TestGenerateScale generates a world of the scale named by
// COINSIFT_WORLD_SCALE into COINSIFT_WORLD_OUT (for benchmarks).
func TestGenerateScale(t *testing.T) {
	scale, out := os.Getenv("COINSIFT_WORLD_SCALE"), os.Getenv("COINSIFT_WORLD_OUT")
	if scale == "" || out == "" {
		t.Skip("set COINSIFT_WORLD_SCALE and COINSIFT_WORLD_OUT to generate a large world")
	}
	start := time.Now()
	cfg := world.Config{Scale: world.Scale(scale), Seed: 1, Sign: os.Getenv("COINSIFT_WORLD_SIGN") == "1"}
	sum, err := world.Generate(context.Background(), cfg, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s world in %v: %+v", scale, time.Since(start), sum)
}
