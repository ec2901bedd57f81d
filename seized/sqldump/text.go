package sqldump

import (
	"unicode/utf8"
)

// IsBinary reports whether v, read for column c of a dump whose connection
// character set is charset, holds bytes rather than text.
func IsBinary(v Value, c Column) bool {
	if v.Kind == Bytes && !c.Binary {
		// A hex literal for a text column (--hex-blob does not do this, but
		// hand-written dumps do): the bytes are text in the column charset.
		return false
	}
	return c.Binary || v.Introducer == "binary"
}

// Decode returns the UTF-8 text of a string value written in charset (the
// dump's SET NAMES, or the value's introducer when it has one). It returns
// ok == false when the bytes are not valid in that character set; dst is then
// unspecified. latin1 is decoded as MySQL's latin1, which is cp1252 with the
// five undefined bytes mapped to C1 controls. dst is reused when it has room.
func Decode(dst []byte, v Value, charset string) (out []byte, ok bool) {
	if v.Introducer != "" && v.Introducer != "binary" {
		charset = v.Introducer
	}
	switch charset {
	case "latin1", "cp1252":
		dst = dst[:0]
		for _, b := range v.Data {
			switch {
			case b < 0x80:
				dst = append(dst, b)
			case b < 0xa0:
				dst = utf8.AppendRune(dst, cp1252[b-0x80])
			default:
				dst = utf8.AppendRune(dst, rune(b))
			}
		}
		return dst, true
	case "ascii":
		for _, b := range v.Data {
			if b >= 0x80 {
				return nil, false
			}
		}
		return v.Data, true
	default: // utf8mb4, utf8mb3, and anything we cannot decode: must be UTF-8
		if !validUTF8(v.Data) {
			return nil, false
		}
		return v.Data, true
	}
}

// validUTF8 is utf8.Valid with an ASCII fast path.
func validUTF8(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if (uint64(b[i])|uint64(b[i+1])|uint64(b[i+2])|uint64(b[i+3])|uint64(b[i+4])|uint64(b[i+5])|uint64(b[i+6])|uint64(b[i+7]))&0x80 != 0 {
			return utf8.Valid(b[i:])
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0x80 {
			return utf8.Valid(b[i:])
		}
	}
	return true
}

// cp1252 maps bytes 0x80-0x9f as MySQL's latin1 does.
var cp1252 = [32]rune{
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
}
