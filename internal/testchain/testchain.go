// Package testchain locates the real Bitcoin block fixtures that tests of
// bitcoin, blockfile and chainindex share: the 19 mainnet blocks under
// ../shared/data/blocks/mainnet (relative to the repository root) and the
// blk_0_to_14131.dat file shipped in the btcd module's blockchain/testdata.
//
// Every helper skips the calling test with a clear message when a fixture is
// absent, so that `go test ./...` passes offline on a bare checkout.
package testchain

import (
	"encoding/csv"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// RepoRoot returns the repository root (the directory holding go.mod).
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("testchain: cannot locate source file")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedData returns ../shared/data relative to the repository root, or skips.
func SharedData(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(RepoRoot(tb), "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(dir, "blocks", "mainnet", "BLOCKS_INDEX.csv")); err != nil {
		tb.Skipf("shared test data absent (%v): place it at ../shared/data relative to the repository root", err)
	}
	return dir
}

// RealBlock is one of the real mainnet blocks with the facts BLOCKS_INDEX.csv
// records about it.
type RealBlock struct {
	File        string // path relative to blocks/mainnet
	Height      int    // -1 when the block predates BIP 34
	Hash        string
	Time        string
	Size        int
	NTx         int
	NInputs     int
	NOutputs    int
	SegwitTxs   int
	P2WPKHOuts  int
	P2SHOuts    int
	P2TROuts    int
	CoinbaseSat int64
	FirstTxID   string
	Raw         []byte
}

var (
	realOnce   sync.Once
	realBlocks []RealBlock
	realErr    error
)

// RealBlocks loads the 19 real mainnet blocks, or skips.
func RealBlocks(tb testing.TB) []RealBlock {
	tb.Helper()
	dir := filepath.Join(SharedData(tb), "blocks", "mainnet")
	realOnce.Do(func() { realBlocks, realErr = loadReal(dir) })
	if realErr != nil {
		tb.Fatalf("testchain: %v", realErr)
	}
	return realBlocks
}

func loadReal(dir string) ([]RealBlock, error) {
	f, err := os.Open(filepath.Join(dir, "BLOCKS_INDEX.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	atoi := func(r []string, name string) int {
		v, _ := strconv.Atoi(r[col[name]])
		return v
	}
	var out []RealBlock
	for _, r := range rows[1:] {
		b := RealBlock{
			File: r[col["file"]], Hash: r[col["hash"]], Time: r[col["time_utc"]],
			Size: atoi(r, "size"), NTx: atoi(r, "n_tx"), NInputs: atoi(r, "n_inputs"), NOutputs: atoi(r, "n_outputs"),
			SegwitTxs: atoi(r, "segwit_txs"), P2WPKHOuts: atoi(r, "p2wpkh_outputs"), P2SHOuts: atoi(r, "p2sh_outputs"),
			P2TROuts: atoi(r, "p2tr_outputs"), FirstTxID: r[col["first_txid"]], Height: -1,
		}
		if h := r[col["bip34_height"]]; h != "" {
			b.Height, _ = strconv.Atoi(h)
		}
		b.CoinbaseSat, _ = strconv.ParseInt(r[col["coinbase_value_sat"]], 10, 64)
		raw, err := os.ReadFile(filepath.Join(dir, b.File))
		if err != nil {
			return nil, err
		}
		if r[col["format"]] == "hex" {
			raw, err = hex.DecodeString(strings.TrimSpace(string(raw)))
			if err != nil {
				return nil, err
			}
		}
		b.Raw = raw
		out = append(out, b)
	}
	return out, nil
}

// BtcdTestdata returns the btcd module's blockchain/testdata directory from
// the module cache, or skips.
func BtcdTestdata(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/btcsuite/btcd").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		tb.Skipf("btcd module not in the module cache (%v); run `go mod download github.com/btcsuite/btcd`", err)
	}
	dir = filepath.Join(dir, "blockchain", "testdata")
	if _, err := os.Stat(filepath.Join(dir, "blk_0_to_14131.dat")); err != nil {
		tb.Skipf("btcd testdata absent: %v", err)
	}
	return dir
}

// Blk14131 returns the path of blk_0_to_14131.dat, or skips.
func Blk14131(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(BtcdTestdata(tb), "blk_0_to_14131.dat")
}
