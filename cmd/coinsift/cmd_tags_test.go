package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTagsImportAddExport(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "attribution")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("real attribution files absent (%s): %v", data, err)
	}
	dir := newCase(t)
	pack := filepath.Join(data, "graphsense-tagpacks", "packs", "walletexplorer.yaml")
	out := mustCLI(t, "--case", dir, "tags", "import", pack)
	if !strings.Contains(out, "386 tag(s)") {
		t.Errorf("import = %q", out)
	}
	if out := mustCLI(t, "--case", dir, "tags", "import", pack); !strings.HasPrefix(out, "already") {
		t.Errorf("re-import = %q", out)
	}
	_, _, code := cli(t, "--case", dir, "tags", "import", filepath.Join(data, "ofac", "sanctioned_addresses_XBT.txt"))
	if code != exitQuarantined {
		t.Errorf("OFAC list with a Tron address: exit %d; want %d", code, exitQuarantined)
	}
	mustCLI(t, "--case", dir, "tags", "add", "3G3VG4X1WquWjqXT27JRwrRoyZgdyWf1dT", "--label", "suspect's deposit", "--category", "user")
	list := mustCLI(t, "--case", dir, "tags", "list", "--address", "3G3VG4X1WquWjqXT27JRwrRoyZgdyWf1dT")
	if !strings.Contains(list, "Kraken.com") || !strings.Contains(list, "suspect's deposit") {
		t.Errorf("conflicting tags not both shown: %q", list)
	}
	outFile := filepath.Join(t.TempDir(), "own.yaml")
	mustCLI(t, "--case", dir, "tags", "export", "--out", outFile)
	b, err := os.ReadFile(outFile)
	if err != nil || !strings.Contains(string(b), "suspect's deposit") || strings.Contains(string(b), "Kraken.com") {
		t.Errorf("export = %q, %v; want only the own tag", b, err)
	}
	if _, _, code := cli(t, "--case", dir, "tags", "add", "notanaddress", "--label", "x"); code != exitUsage {
		t.Errorf("add invalid address: exit %d; want %d", code, exitUsage)
	}
}
