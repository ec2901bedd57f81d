package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coinsift/coinsift/internal/worldtest"
)

// TestMain removes the worlds and the tiny demo the tests generated.
func TestMain(m *testing.M) {
	code := m.Run()
	worldtest.Cleanup()
	if tinyDir != "" {
		os.RemoveAll(filepath.Dir(tinyDir))
	}
	os.Exit(code)
}
