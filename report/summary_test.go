package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/report"
)

func TestWriteSummaryGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "summary")
	m, err := report.WriteSummary(context.Background(), dir, sampleSummary())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 2 || m.Files[0].Path != "summary.html" || m.Files[1].Path != "summary.pdf" {
		t.Errorf("manifest files = %+v; want summary.html, summary.pdf", m.Files)
	}
	golden(t, "summary.html.golden", read(t, filepath.Join(dir, "summary.html")))
}

func TestWriteSummaryDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "s"), filepath.Join(t.TempDir(), "s")
	for _, d := range []string{a, b} {
		if _, err := report.WriteSummary(context.Background(), d, sampleSummary()); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"summary.html", "summary.pdf", "manifest.json"} {
		if !bytes.Equal(read(t, filepath.Join(a, f)), read(t, filepath.Join(b, f))) {
			t.Errorf("%s differs between runs", f)
		}
	}
}

func TestWriteSummaryHostile(t *testing.T) {
	s := sampleSummary()
	s.Case.Name = hostile[0]
	s.Case.Rule = strings.Join(hostile[:len(hostile)-1], " ")
	s.Case.Notes = hostile
	s.Case.AuditExcerpt[0].Command = hostile[0] + hostile[5]
	s.TopExchanges[0].Exchange = `</text><script>alert(1)</script>`
	s.SuspectsByCountry["<b>"] = 3
	dir := filepath.Join(t.TempDir(), "s")
	if _, err := report.WriteSummary(context.Background(), dir, s); err != nil {
		t.Fatal(err)
	}
	page := string(read(t, filepath.Join(dir, "summary.html")))
	if !strings.Contains(page, "&lt;b&gt;") {
		t.Error("summary.html lacks the escaped country label &lt;b&gt;")
	}
	for _, bad := range []string{"<script", "\u202e"} {
		if strings.Contains(page, bad) {
			t.Errorf("summary.html contains raw %q", bad)
		}
	}
	if len(page) > 200_000 {
		t.Errorf("summary.html is %d bytes: 1 MB note not clipped", len(page))
	}
	if fi, _ := os.Stat(filepath.Join(dir, "summary.pdf")); fi == nil || fi.Size() > 1<<20 {
		t.Errorf("summary.pdf missing or too large: %v", fi)
	}
}
