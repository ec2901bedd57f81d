package report

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// errLayout reports an fpdf document whose layout deflater does not know.
var errLayout = errors.New("unexpected fpdf document layout")

// deflater compresses the page content streams of documents that fpdf
// wrote uncompressed, giving the bytes fpdf writes with compression on.
//
// fpdf deflates every page with a new zlib writer, and each new writer
// allocates about 1.2 MB of compressor state; at five pages per evidence
// sheet and thousands of sheets per package, that allocation and the
// garbage collection it causes cost more than laying out the pages. A
// deflater keeps one writer and resets it between streams, which yields
// the same compressed bytes (zlib.Writer.Reset makes the writer equivalent
// to a new one). A deflater is not safe for concurrent use: give each
// goroutine its own.
type deflater struct {
	zw   *zlib.Writer
	in   bytes.Buffer // the document as fpdf wrote it
	comp bytes.Buffer // the stream being compressed
	out  bytes.Buffer // the document being rebuilt
	offs []int        // object number → offset in the input
	objs []int        // object numbers in input order
}

// compressPages returns pdf, a document written by fpdf with compression
// off, as fpdf writes it with compression on: the content stream of each
// page deflated at zlib.BestSpeed under "/Filter /FlateDecode", every other
// object unchanged, and the cross-reference table and startxref moved to
// the new offsets. It returns an error wrapping errLayout if pdf is not laid
// out as fpdf lays out documents. The result does not alias pdf or z.
func (z *deflater) compressPages(pdf []byte) ([]byte, error) {
	xref, err := startXref(pdf)
	if err != nil {
		return nil, err
	}
	rest := pdf[xref:]
	var n int
	if rest, n, err = cutHeader(rest); err != nil {
		return nil, err
	}
	const entry = "0000000000 00000 n \n"
	if !bytes.HasPrefix(rest, []byte("0000000000 65535 f \n")) || len(rest) < 20+(n-1)*len(entry) {
		return nil, fmt.Errorf("xref entries: %w", errLayout)
	}
	rest = rest[20:]
	z.offs = append(z.offs[:0], 0)
	z.objs = z.objs[:0]
	for i := 1; i < n; i++ {
		e := rest[(i-1)*len(entry) : i*len(entry)]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != entry[10:] || off <= 0 || off >= xref {
			return nil, fmt.Errorf("xref entry %d: %w", i, errLayout)
		}
		z.offs = append(z.offs, off)
		z.objs = append(z.objs, i)
	}
	trailer := rest[(n-1)*len(entry):]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, fmt.Errorf("trailer: %w", errLayout)
	}
	i := bytes.LastIndex(trailer, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("trailer: %w", errLayout)
	}
	trailer = trailer[:i]
	slices.SortFunc(z.objs, func(a, b int) int { return z.offs[a] - z.offs[b] })

	z.out.Reset()
	z.out.Grow(len(pdf))
	if len(z.objs) > 0 {
		z.out.Write(pdf[:z.offs[z.objs[0]]])
	}
	newOffs := make([]int, n)
	prevEnd := []byte(nil) // the previous object's text
	for i, obj := range z.objs {
		end := xref
		if i+1 < len(z.objs) {
			end = z.offs[z.objs[i+1]]
		}
		text := pdf[z.offs[obj]:end]
		newOffs[obj] = z.out.Len()
		if bytes.HasSuffix(prevEnd, []byte("/Contents "+strconv.Itoa(obj)+" 0 R>>\nendobj\n")) {
			if err := z.deflateStream(obj, text); err != nil {
				return nil, err
			}
		} else {
			z.out.Write(text)
		}
		prevEnd = text
	}
	newXref := z.out.Len()
	z.out.WriteString("xref\n0 " + strconv.Itoa(n) + "\n0000000000 65535 f \n")
	var num [10]byte
	for _, off := range newOffs[1:] {
		s := strconv.AppendInt(num[:0], int64(off), 10)
		z.out.WriteString("0000000000"[:10-len(s)])
		z.out.Write(s)
		z.out.WriteString(entry[10:])
	}
	z.out.Write(trailer)
	z.out.WriteString("startxref\n" + strconv.Itoa(newXref) + "\n%%EOF\n")
	return bytes.Clone(z.out.Bytes()), nil
}

// deflateStream writes object obj, a page content stream written without
// compression ("N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n"),
// deflated as fpdf deflates it.
func (z *deflater) deflateStream(obj int, text []byte) error {
	head := strconv.Itoa(obj) + " 0 obj\n<</Length "
	rest, ok := bytes.CutPrefix(text, []byte(head))
	i := bytes.IndexByte(rest, '>')
	if !ok || i < 0 {
		return fmt.Errorf("object %d: %w", obj, errLayout)
	}
	length, err := strconv.Atoi(string(rest[:i]))
	rest, ok = bytes.CutPrefix(rest[i:], []byte(">>\nstream\n"))
	const tail = "\nendstream\nendobj\n"
	if err != nil || !ok || length < 0 || len(rest) != length+len(tail) || string(rest[length:]) != tail {
		return fmt.Errorf("object %d: %w", obj, errLayout)
	}
	z.comp.Reset()
	if z.zw == nil {
		if z.zw, err = zlib.NewWriterLevel(&z.comp, zlib.BestSpeed); err != nil {
			return fmt.Errorf("object %d: %w", obj, err)
		}
	} else {
		z.zw.Reset(&z.comp)
	}
	if _, err := z.zw.Write(rest[:length]); err != nil {
		return fmt.Errorf("object %d: %w", obj, err)
	}
	if err := z.zw.Close(); err != nil {
		return fmt.Errorf("object %d: %w", obj, err)
	}
	z.out.WriteString(strconv.Itoa(obj) + " 0 obj\n<</Filter /FlateDecode /Length " + strconv.Itoa(z.comp.Len()) + ">>\nstream\n")
	z.out.Write(z.comp.Bytes())
	z.out.WriteString(tail)
	return nil
}

// startXref returns the offset of the cross-reference table named by the
// "startxref" line at the end of pdf.
func startXref(pdf []byte) (int, error) {
	body, ok := bytes.CutSuffix(pdf, []byte("\n%%EOF\n"))
	i := bytes.LastIndex(body, []byte("\nstartxref\n"))
	if !ok || i < 0 {
		return 0, fmt.Errorf("startxref: %w", errLayout)
	}
	off, err := strconv.Atoi(string(body[i+len("\nstartxref\n"):]))
	if err != nil || off <= 0 || off >= i {
		return 0, fmt.Errorf("startxref: %w", errLayout)
	}
	return off, nil
}

// cutHeader parses "xref\n0 N\n" at the start of b and returns the rest
// and N, the number of entries.
func cutHeader(b []byte) ([]byte, int, error) {
	rest, ok := bytes.CutPrefix(b, []byte("xref\n0 "))
	i := bytes.IndexByte(rest, '\n')
	if !ok || i < 0 {
		return nil, 0, fmt.Errorf("xref: %w", errLayout)
	}
	n, err := strconv.Atoi(string(rest[:i]))
	if err != nil || n < 1 || n > len(b)/20 {
		return nil, 0, fmt.Errorf("xref size: %w", errLayout)
	}
	return rest[i+1:], n, nil
}
