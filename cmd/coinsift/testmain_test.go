package main

import (
	"os"
	"testing"

	"github.com/coinsift/coinsift/internal/worldtest"
)

// TestMain removes the worlds the tests generated.
func TestMain(m *testing.M) {
	code := m.Run()
	worldtest.Cleanup()
	os.Exit(code)
}
