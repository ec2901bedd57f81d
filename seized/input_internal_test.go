package seized

import (
	"strings"
	"testing"
)

// TestLooksLike checks what the first bytes of a file say about it: magic
// bytes and binary data are refused, and a SQL dump is a dump even when
// its binary columns are raw bytes (mysqldump without --hex-blob), as in
// the first KiB of `mariadb-dump --compact` of a table of hashes.
func TestLooksLike(t *testing.T) {
	raw := strings.Repeat("\x8f\x01\xfe\x02\x93", 150)
	tests := []struct {
		name string
		head string
		want string // a prefix of the answer; "" = may be seized data
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"},
		{"block file", "\xfa\xbf\xb5\xda\x10\x01", "a Bitcoin block file (regtest"},
		{"binary", raw, "binary data"},
		{"nul", "abc\x00def", "binary data (NUL"},
		{"mysqldump", "-- MySQL dump 10.13\n" + raw, ""},
		{"compact", "/*M!999999\\- enable the sandbox mode */\nINSERT INTO `u` VALUES (1,'" + raw + "');\n", ""},
		{"statement first", "INSERT INTO t VALUES ('" + raw + "');", ""},
		{"bom", "\xef\xbb\xbf-- dump\n" + raw, ""},
		{"csv", "id,name\n1,alice\n", ""},
		{"csv of raw binary", "id,hash\n1," + raw + "\n", ""},
		{"binary with a short clean start", "ab\n" + raw, "binary data"},
		{"latin1 csv", "id,name\n1,Jos\xe9\n2,Ren\xe9e\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := looksLike([]byte(tt.head))
			if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
				t.Errorf("looksLike(%.20q…) = %q; want %q…", tt.head, got, tt.want)
			}
		})
	}
}

// FuzzLooksLike checks that the sniffer of a file's first bytes never
// panics and answers the same for the same bytes.
func FuzzLooksLike(f *testing.F) {
	for _, s := range []string{"\x89PNG\r\n\x1a\n", "-- MySQL dump\n", "id,name\n1,a\n", "{\"a\":1}\n", "\xef\xbb\xbf", "ab\n\x8f\x01"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		if a, b := looksLike(head), looksLike(head); a != b {
			t.Fatalf("looksLike not deterministic: %q then %q", a, b)
		}
	})
}
