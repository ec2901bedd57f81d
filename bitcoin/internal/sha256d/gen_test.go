package sha256d

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestGenerated checks that sha256d_amd64.s is what gen.go writes.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("short: skips compiling gen.go")
	}
	want, err := exec.Command("go", "run", "gen.go").Output()
	if err != nil {
		t.Skipf("go run gen.go: %v", err)
	}
	got, err := os.ReadFile("sha256d_amd64.s")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("sha256d_amd64.s is stale: run go generate ./bitcoin/internal/sha256d")
	}
}
