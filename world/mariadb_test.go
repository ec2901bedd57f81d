package world_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/world"
)

// TestMariaDBLoadsDump loads the dump of every schema variant and of every
// family into a real MariaDB server started for the test, in strict mode
// (a value that does not fit its column is an error), and checks the row
// counts. It runs
// only with COINSIFT_MARIADB=1 (Debian: apt-get install mariadb-server).
func TestMariaDBLoadsDump(t *testing.T) {
	if os.Getenv("COINSIFT_MARIADB") != "1" {
		t.Skip("set COINSIFT_MARIADB=1 to load the dump into MariaDB")
	}
	bins := map[string]string{}
	for _, b := range []string{"mariadbd", "mariadb", "mariadb-install-db"} {
		p, err := exec.LookPath(b)
		if err != nil {
			p = filepath.Join("/usr/sbin", b)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("%s not found: install mariadb-server", b)
			}
		}
		bins[b] = p
	}
	tmp, err := os.MkdirTemp("", "coinsift-mariadb")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	data, sock := filepath.Join(tmp, "data"), filepath.Join(tmp, "mysqld.sock")
	run := func(name string, args ...string) {
		t.Helper()
		if out, err := exec.Command(bins[name], args...).CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	run("mariadb-install-db", "--no-defaults", "--datadir="+data, "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, bins["mariadbd"], "--no-defaults", "--datadir="+data, "--socket="+sock,
		"--skip-networking", "--user=root", "--pid-file="+filepath.Join(tmp, "pid"), "--innodb-buffer-pool-size=64M")
	var srvLog bytes.Buffer
	srv.Stdout, srv.Stderr = &srvLog, &srvLog
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Wait()
	defer cancel()
	client := func(db, query string, stdin []byte) string {
		t.Helper()
		args := []string{"--no-defaults", "--socket=" + sock, "-uroot", "-N", "-B"}
		if db != "" {
			args = append(args, db)
		}
		if query != "" {
			args = append(args, "-e", query)
		}
		cmd := exec.Command(bins["mariadb"], args...)
		cmd.Stdin = bytes.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("mariadb %q: %v\n%s", query, err, truncate(out))
		}
		return strings.TrimSpace(string(out))
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("mariadbd did not start:\n%s", srvLog.String())
		}
	}
	var cfgs []world.Config
	for v := range world.NumSchemaVariants {
		cfgs = append(cfgs, world.Config{Scale: world.ScaleTiny, Seed: uint64(10 + v), SchemaVariant: v})
	}
	for _, f := range world.Families[1:] {
		cfgs = append(cfgs, world.Config{Scale: world.ScaleTiny, Seed: 20, Family: f})
	}
	for i, cfg := range cfgs {
		name := fmt.Sprint("variant", cfg.SchemaVariant)
		if cfg.Family != "" {
			name = string(cfg.Family)
		}
		t.Run(name, func(t *testing.T) {
			dir, sum := MustGenerate(t, cfg)
			file := "ispoof.sql"
			if cfg.Family != "" {
				file = string(cfg.Family) + ".sql"
			}
			dump, err := os.ReadFile(filepath.Join(dir, "seized", file))
			if err != nil {
				t.Fatal(err)
			}
			db := fmt.Sprint("w", i)
			client("", "CREATE DATABASE "+db, nil)
			// Strict mode, which the dump's own SQL_MODE line turns off:
			// a value that does not fit its column fails the load.
			dump = bytes.Replace(dump, []byte("SQL_MODE='NO_AUTO_VALUE_ON_ZERO'"), []byte("SQL_MODE='NO_AUTO_VALUE_ON_ZERO,STRICT_ALL_TABLES'"), 1)
			client(db, "", dump)
			for table, want := range sum.Rows {
				got := client(db, "SELECT COUNT(*) FROM `"+table+"`", nil)
				if n, _ := strconv.ParseInt(got, 10, 64); n != want {
					t.Errorf("table %s has %s rows in MariaDB; want %d", table, got, want)
				}
			}
		})
	}
}

func truncate(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}
