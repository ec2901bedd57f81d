package main

import (
	"context"

	"github.com/coinsift/coinsift/casefile"
)

func openForTest(dir string) (*casefile.Case, error) {
	return casefile.Open(context.Background(), dir, casefile.Options{})
}
