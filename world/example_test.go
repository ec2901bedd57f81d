package world_test

import (
	"context"
	"fmt"
	"os"

	"github.com/coinsift/coinsift/world"
)

func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "world")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	cfg := world.DefaultConfig() // tiny, seed 1
	cfg.SchemaVariant = 1
	sum, err := world.Generate(context.Background(), cfg, dir, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(sum.Payments > 0, sum.Rows["members"] > 0)
	// Output: true true
}
