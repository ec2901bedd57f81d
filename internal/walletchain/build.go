package walletchain

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Versions of the node and wallet software that write the chain. btcd is
// the release in go.mod; btcwallet the newest tagged release that builds
// with the Go toolchain in use.
const (
	BtcdVersion      = "v0.24.2"
	BtcwalletVersion = "v0.16.17"
)

// Binary returns the path of cmd (module path, e.g.
// "github.com/btcsuite/btcwallet") at version, building it with
// "go install" into the user cache directory when it is not there yet.
// go install pkg@version builds with the module's own go.mod, not ours.
func Binary(ctx context.Context, pkg, version string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	name := filepath.Base(pkg)
	dir := filepath.Join(cache, "coinsift-test", name+"-"+version)
	bin := filepath.Join(dir, name)
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "install", pkg+"@"+version)
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build %s@%s: %w\n%s", pkg, version, err, out)
	}
	return bin, nil
}
