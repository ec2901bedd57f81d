package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/bitcoin/rpc/rpctest"
)

// TestChainImportRPC imports from a fake node, incrementally and across a
// reorg, and reads the result through tx, address and sql.
func TestChainImportRPC(t *testing.T) {
	full := rpctest.Blk14131(t)
	node := rpctest.NewNode(t, full[:1000])
	dir := newCase(t)
	t.Setenv("COINSIFT_RPC_USER", "user")
	out := mustCLI(t, "--case", dir, "-q", "chain", "import", "--rpc", node.URL, "--rpc-pass", "pass", "--confirmations", "6")
	for _, want := range []string{"source    rpc:" + node.URL, "imported  994 block(s) 0..993", "tables    994 block(s) 0..993"} {
		if !strings.Contains(out, want) {
			t.Errorf("first import output lacks %q:\n%s", want, out)
		}
	}
	node.SetChain(rpctest.Fork(full[:1101], 990, 110))
	t.Setenv("COINSIFT_RPC_PASS", "pass")
	out = mustCLI(t, "--case", dir, "-q", "--json", "chain", "import", "--rpc", node.URL)
	var res chainImportResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Import.RolledBack != 3 || res.Import.From != 991 || res.Import.To != 1100 || res.SQL == nil || res.SQL.RolledBack != 3 || res.SQL.To != 1100 {
		t.Errorf("reorg import: %+v, sql %+v; want 3 rolled back, 991..1100", res.Import, res.SQL)
	}
	out = mustCLI(t, "--case", dir, "sql", "--format", "csv", "SELECT count(*), max(height) FROM chain_blocks")
	if !strings.Contains(out, "1101,1100") {
		t.Errorf("chain_blocks: %s; want 1101 rows up to 1100", out)
	}
	out = mustCLI(t, "--case", dir, "sql", "--format", "csv", "SELECT height FROM chain_txs WHERE txid = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16'")
	if !strings.Contains(out, "170") {
		t.Errorf("block 170 tx: %s", out)
	}
	if out := mustCLI(t, "--case", dir, "tx", "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"); !strings.Contains(out, "block     170") {
		t.Errorf("tx: %s", out)
	}
	if out := mustCLI(t, "--case", dir, "address", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"); !strings.Contains(out, "received  10.00000000 BTC") {
		t.Errorf("address: %s", out)
	}
	audit, err := os.ReadFile(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(audit), `"pass"`) {
		t.Errorf("audit log records the RPC password:\n%s", audit)
	}

	// Wrong credentials fail with a clear message that names the method.
	t.Setenv("COINSIFT_RPC_PASS", "wrong-secret")
	_, errs, code := cli(t, "--case", dir, "chain", "import", "--rpc", node.URL)
	if code != 1 || !strings.Contains(errs, "getblockchaininfo") || !strings.Contains(errs, "unauthorized") || strings.Contains(errs, "wrong-secret") {
		t.Errorf("bad password: exit %d, %s", code, errs)
	}
	if _, _, code := cli(t, "--case", dir, "chain", "import", "--rpc", node.URL, "--blocks", "x"); code != 2 {
		t.Errorf("--rpc with --blocks: exit %d; want 2", code)
	}
}
