package report

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// PDFText returns the text drawn on the pages of a PDF written by this
// package, one shown string (Tj) per line and a "--- page N" line before
// each page, decoded from cp1252. It reads only what fpdf writes: content
// streams, Flate-compressed or not, with text as literal strings. It is
// the deterministic text of the golden files, not a general PDF reader.
func PDFText(pdf []byte) (string, error) {
	latin1Init()
	dec := make(map[byte]rune, len(cp1252))
	for r, b := range cp1252 {
		dec[b] = r
	}
	var out strings.Builder
	page := 0
	for _, m := range streamRe.FindAllSubmatchIndex(pdf, -1) {
		dict, start := pdf[m[2]:m[3]], m[1]
		end := bytes.Index(pdf[start:], []byte("endstream"))
		if end < 0 {
			return "", errors.New("pdf text: stream without endstream")
		}
		data := pdf[start : start+end]
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return "", fmt.Errorf("pdf text: inflate: %w", err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				return "", fmt.Errorf("pdf text: inflate: %w", err)
			}
		}
		if !bytes.Contains(data, []byte("Tj")) {
			continue // fonts, images, metadata
		}
		page++
		fmt.Fprintf(&out, "--- page %d\n", page)
		for _, s := range tjStrings(data) {
			for _, b := range s {
				switch {
				case b < 0x80:
					out.WriteByte(b)
				case dec[b] != 0:
					out.WriteRune(dec[b])
				default:
					fmt.Fprintf(&out, `\x%02x`, b)
				}
			}
			out.WriteByte('\n')
		}
	}
	return out.String(), nil
}

var streamRe = regexp.MustCompile(`(?s)<<(.*?)>>\s*stream\r?\n`)

// tjStrings returns the literal strings shown by Tj operators in a content
// stream, with PDF string escapes undone.
func tjStrings(data []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(data); i++ {
		if data[i] != '(' {
			continue
		}
		var s []byte
		depth := 1
		j := i + 1
		for ; j < len(data) && depth > 0; j++ {
			c := data[j]
			switch {
			case c == '\\' && j+1 < len(data):
				j++
				switch e := data[j]; e {
				case 'n':
					s = append(s, '\n')
				case 'r':
					s = append(s, '\r')
				case 't':
					s = append(s, '\t')
				default:
					if e >= '0' && e <= '7' {
						v := 0
						for k := 0; k < 3 && j < len(data) && data[j] >= '0' && data[j] <= '7'; k++ {
							v = v*8 + int(data[j]-'0')
							j++
						}
						j--
						s = append(s, byte(v))
					} else {
						s = append(s, e)
					}
				}
			case c == '(':
				depth++
				s = append(s, c)
			case c == ')':
				depth--
				if depth > 0 {
					s = append(s, c)
				}
			default:
				s = append(s, c)
			}
		}
		rest := bytes.TrimLeft(data[j:], " \r\n")
		if bytes.HasPrefix(rest, []byte("Tj")) {
			out = append(out, s)
		}
		i = j - 1
	}
	return out
}

// OrderText returns the text of a production order draft as it is laid
// out: what the golden tests compare.
func OrderText(c Case, r Referral, o ProductionOrder) string {
	var b strings.Builder
	orderDocText(c, r, o, &b)
	return b.String()
}

// EvidenceText returns the text of an evidence sheet as it is laid out.
func EvidenceText(c Case, r Referral, s Suspect) string {
	var b strings.Builder
	evidenceDocText(c, r, s, &b)
	return b.String()
}
