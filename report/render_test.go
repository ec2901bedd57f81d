package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/report"
)

// TestRender writes a referral package and a summary, then renders the
// summary PDF and evidence sheets to PNG with pdftoppm (poppler-utils) for
// a person to inspect. It runs only with COINSIFT_RENDER=1; the PNGs go to
// $COINSIFT_RENDER_OUT (default: a directory under os.TempDir()).
func TestRender(t *testing.T) {
	if os.Getenv("COINSIFT_RENDER") != "1" {
		t.Skip("set COINSIFT_RENDER=1 to render PDFs to PNG")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (apt-get install poppler-utils)")
	}
	out := os.Getenv("COINSIFT_RENDER_OUT")
	if out == "" {
		out = filepath.Join(os.TempDir(), "coinsift-render")
	}
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	c, r := sampleCase(), sampleReferral(t)
	// One hostile suspect to see how escapes and clipping look on paper.
	h := sampleSuspect(t, 3, "P-000099", "<script>alert(1)</script>")
	h.Accounts[0].Emails = append(h.Accounts[0].Emails, `=HYPERLINK("http://evil","x")`, "\u202egnp.exe", "emoji 😀 café", strings.Repeat("A", 1<<20))
	r.Suspects = append(r.Suspects, h)
	if _, err := report.WriteReferral(context.Background(), out, c, r, report.Redaction{}); err != nil {
		t.Fatal(err)
	}
	if _, err := report.WriteSummary(context.Background(), filepath.Join(out, "summary"), sampleSummary()); err != nil {
		t.Fatal(err)
	}
	for _, pdf := range []string{"NL/evidence/0001-P-000017.pdf", "NL/evidence/0003-P-000099.pdf", "NL/orders/Bitvavo.pdf", "summary/summary.pdf"} {
		prefix := filepath.Join(out, "png", strings.NewReplacer("/", "_", ".pdf", "").Replace(pdf))
		if err := os.MkdirAll(filepath.Dir(prefix), 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("pdftoppm", "-png", "-r", "80", filepath.Join(out, pdf), prefix)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", pdf, err, b)
		}
	}
	t.Logf("PNGs in %s", filepath.Join(out, "png"))
}
