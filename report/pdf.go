package report

import (
	"strconv"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
)

// Page geometry of every PDF, in millimetres (A4 portrait).
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 15.0
	marginT      = 20.0
	marginB      = 18.0
	bodyW        = pageW - 2*marginL
	pad          = 1.2 // cell padding
	maxCellLines = 40
)

// doc is a PDF under construction. All text it draws must already be
// encoded with latin (cp1252, escapes for anything else); doc never
// interprets markup.
type doc struct {
	f *fpdf.Fpdf
	c Case
	// font is the body font last selected through doc.font. fpdf writes a
	// font operator on every SetFont, selected already or not, which was a
	// tenth of the time of an evidence sheet; doc.font skips the repeats.
	// fpdf restores the body font after the header and footer of each
	// page, so they may set theirs directly; other code that calls
	// SetFont itself must call fontChanged.
	font fontSel
	cw   *[256]int // glyph widths of font, set with it
	unit float64   // size of font in user units, set with it
	k    float64   // points per user unit
	cm   float64   // fpdf's cell margin
	ph   float64   // page height in user units, as fpdf has it
	// txt, when not nil, receives the document's text as it is laid out
	// (titles, sections, paragraphs, table rows), decoded back to UTF-8:
	// what the golden tests compare.
	txt *strings.Builder
}

// record appends encoded text lines to d.txt, if it is set.
func (d *doc) record(prefix string, encoded ...string) {
	if d.txt == nil {
		return
	}
	for i, e := range encoded {
		if i > 0 {
			d.txt.WriteString(" | ")
		} else {
			d.txt.WriteString(prefix)
		}
		d.txt.WriteString(strings.ReplaceAll(decodeLatin(e), "\n", " / "))
	}
	d.txt.WriteByte('\n')
}

type fontSel struct {
	mono, bold bool
	size       float64
	set        bool
}

// index is the font's place in fontMetrics.cw.
func (s fontSel) index() int {
	i := 0
	if s.mono {
		i = 2
	}
	if s.bold {
		i++
	}
	return i
}

// fontChanged tells doc that the font was selected behind its back.
func (d *doc) fontChanged() { d.font = fontSel{} }

// fontMetrics are the glyph widths, in thousandths of the font size, of
// the four core fonts the documents use (Helvetica, Helvetica-Bold,
// Courier, Courier-Bold), as fpdf measures them.
type fontMetrics struct {
	cw [4][256]int
}

var (
	metricsOnce sync.Once
	metricsTab  fontMetrics
)

func metrics() *fontMetrics {
	metricsOnce.Do(func() {
		f := fpdf.New("P", "mm", "A4", "")
		for i := range metricsTab.cw {
			family, style := "Helvetica", ""
			if i >= 2 {
				family = "Courier"
			}
			if i%2 == 1 {
				style = "B"
			}
			f.SetFont(family, style, 10)
			for c := 1; c < 256; c++ {
				metricsTab.cw[i][c] = f.GetStringSymbolWidth(string([]byte{byte(c)}))
			}
		}
	})
	return &metricsTab
}

// glyphs is the width of s in thousandths of the font size. Like fpdf, it
// stops at a NUL byte (encoded text has none).
func glyphs(cw *[256]int, s string) int {
	w := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			break
		}
		w += cw[s[i]]
	}
	return w
}

// slowCells makes cell call fpdf's CellFormat, for the test that holds
// cell to CellFormat's bytes.
var slowCells = false

// cell draws encoded text s at fpdf's current position in a w×h cell,
// aligned "L" or "R", without border or fill, and moves right by w: the
// bytes fpdf's CellFormat(w, h, s, "", 0, align, false, 0, "") writes, at
// a fraction of its cost (CellFormat formats every number with fmt and was
// half the time of an evidence sheet). Cases it does not cover (a page
// break, another alignment, an error) go to CellFormat.
func (d *doc) cell(w, h float64, s, align string) {
	x, y := d.f.GetXY()
	_, trigger := d.f.GetAutoPageBreak()
	if slowCells || d.f.Err() || (align != "L" && align != "R") || d.cw == nil || y+h > d.ph-trigger {
		d.f.CellFormat(w, h, s, "", 0, align, false, 0, "")
		return
	}
	if s != "" {
		dx := d.cm
		if align == "R" {
			dx = w - d.cm - float64(glyphs(d.cw, s))*d.unit/1000
		}
		b := make([]byte, 0, 64+len(s))
		tr, tg, tb := d.f.GetTextColor()
		fr, fg, fb := d.f.GetFillColor()
		color := tr != fr || tg != fg || tb != fb
		if color {
			b = append(b, "q "...)
			b = appendColor(b, tr, tg, tb)
			b = append(b, ' ')
		}
		b = append(b, "BT "...)
		b = strconv.AppendFloat(b, (x+dx)*d.k, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, (d.ph-(y+.5*h+.3*d.unit))*d.k, 'f', 2, 64)
		b = append(b, " Td ("...)
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		b = append(b, ")Tj ET"...)
		if color {
			b = append(b, " Q"...)
		}
		d.f.RawWriteStr(string(b))
	}
	d.f.SetX(x + w)
}

// appendColor appends fpdf's text colour operator for r, g, b (0–255).
func appendColor(b []byte, r, g, bl int) []byte {
	if r == g && g == bl {
		b = strconv.AppendFloat(b, float64(r)/255, 'f', 3, 64)
		return append(b, " g"...)
	}
	for _, v := range [3]int{r, g, bl} {
		b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, "rg"...)
}

func newDoc(c Case, title, running string) *doc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(c.Generated.UTC())
	f.SetModificationDate(c.Generated.UTC())
	f.SetCatalogSort(true)
	// Pages are written uncompressed and deflated by doc.bytes, which gives
	// the bytes of SetCompression(true) at a fraction of the cost.
	f.SetCompression(false)
	f.SetTitle(display(title), true)
	f.SetSubject(display(c.Name), true)
	f.SetAuthor(tool(c), true)
	f.SetCreator(tool(c), true)
	f.SetProducer(tool(c)+" (fpdf)", true)
	f.SetMargins(marginL, marginT, marginL)
	f.SetAutoPageBreak(true, marginB)
	f.AliasNbPages("{nb}")
	_, ph := f.GetPageSize()
	d := &doc{f: f, c: c, k: f.GetConversionRatio(), cm: f.GetCellMargin(), ph: ph}
	run := latin(running)
	f.SetHeaderFunc(func() {
		f.SetFont("Helvetica", "", 7.5)
		f.SetTextColor(110, 110, 110)
		f.SetXY(marginL, 9)
		f.CellFormat(bodyW/2, 4, latin("Case: "+c.Name), "", 0, "L", false, 0, "")
		f.CellFormat(bodyW/2, 4, run, "", 0, "R", false, 0, "")
		f.SetDrawColor(180, 180, 180)
		f.SetLineWidth(0.2)
		f.Line(marginL, 14, pageW-marginL, 14)
		f.SetTextColor(0, 0, 0)
		f.SetXY(marginL, marginT)
	})
	f.SetFooterFunc(func() {
		f.SetFont("Helvetica", "", 7.5)
		f.SetTextColor(110, 110, 110)
		f.SetDrawColor(180, 180, 180)
		f.Line(marginL, pageH-13, pageW-marginL, pageH-13)
		f.SetXY(marginL, pageH-12)
		f.CellFormat(bodyW*0.75, 4, latin(footer(c)+" - dated "+ftime(c.Generated)), "", 0, "L", false, 0, "")
		f.CellFormat(bodyW*0.25, 4, latin("Page ")+itoa(f.PageNo())+" of {nb}", "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	return d
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmtInt(n int) string { return thousands(int64(n)) }

// bytes returns the finished document with its pages deflated by z, as
// fpdf writes them with compression on. A nil z uses a deflater of its own.
func (d *doc) bytes(z *deflater) ([]byte, error) {
	if z == nil {
		z = new(deflater)
	}
	z.in.Reset()
	if err := d.f.Output(&z.in); err != nil {
		return nil, err
	}
	return z.compressPages(z.in.Bytes())
}

func (d *doc) setFont(mono, bold bool, size float64) {
	sel := fontSel{mono: mono, bold: bold, size: size, set: true}
	if d.font == sel {
		return
	}
	d.font = sel
	d.cw = &metrics().cw[sel.index()]
	style := ""
	if bold {
		style = "B"
	}
	if mono {
		d.f.SetFont("Courier", style, size)
	} else {
		d.f.SetFont("Helvetica", style, size)
	}
	_, d.unit = d.f.GetFontSize()
}

// ensure starts a new page unless h millimetres fit on the current one.
func (d *doc) ensure(h float64) {
	if d.f.GetY()+h > pageH-marginB {
		d.f.AddPage()
	}
}

func (d *doc) title(t, sub string) {
	d.record("# ", latin(t))
	for _, l := range strings.Split(sub, "\n") {
		d.record("", latin(l))
	}
	d.setFont(false, true, 16)
	d.f.SetX(marginL)
	d.f.MultiCell(bodyW, 7, latin(t), "", "L", false)
	if sub != "" {
		d.setFont(false, false, 9.5)
		d.f.SetTextColor(70, 70, 70)
		for _, l := range strings.Split(sub, "\n") {
			d.f.SetX(marginL)
			d.f.MultiCell(bodyW, 4.8, latin(l), "", "L", false)
		}
		d.f.SetTextColor(0, 0, 0)
	}
	d.f.Ln(3)
}

func (d *doc) section(t string) {
	d.record("\n## ", latin(t))
	d.ensure(35) // keep a heading with the first rows of what follows
	d.f.Ln(2)
	d.setFont(false, true, 11)
	d.f.SetTextColor(20, 50, 100)
	d.f.SetX(marginL)
	d.f.CellFormat(bodyW, 6, latin(t), "", 1, "L", false, 0, "")
	d.f.SetDrawColor(20, 50, 100)
	d.f.SetLineWidth(0.3)
	y := d.f.GetY()
	d.f.Line(marginL, y, pageW-marginL, y)
	d.f.SetTextColor(0, 0, 0)
	d.f.Ln(1.5)
}

func (d *doc) para(t string) {
	d.record("", encode(t))
	d.setFont(false, false, 9)
	d.f.SetX(marginL)
	d.f.MultiCell(bodyW, 4.5, encode(t), "", "L", false)
	d.f.Ln(1)
}

// note prints encoded text in small grey type (e.g. "none recorded").
func (d *doc) note(t string) {
	d.record("(note) ", latin(t))
	d.setFont(false, false, 8)
	d.f.SetTextColor(100, 100, 100)
	d.f.SetX(marginL)
	d.f.MultiCell(bodyW, 4, latin(t), "", "L", false)
	d.f.SetTextColor(0, 0, 0)
	d.f.Ln(1)
}

// wrap splits encoded text into lines no wider than w in font sel: at
// spaces where possible, inside a word (a txid, an address, a hostile
// 300-character name) where not. "\n" starts a new line. Widths come from
// the font metrics table, not fpdf's current font, so measuring selects no
// font; they are the sums fpdf's GetStringWidth makes.
func (d *doc) wrap(s string, w float64, sel fontSel) []string {
	cw := &metrics().cw[sel.index()]
	unit := sel.size / d.k // fpdf's font size in user units
	fits := func(units int) bool { return float64(units)*unit/1000 <= w }
	space := cw[' ']
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line, lineW := "", 0
		for i, word := range strings.Split(para, " ") {
			wordW := glyphs(cw, word)
			cand, candW := word, wordW
			if i > 0 {
				cand, candW = line+" "+word, lineW+space+wordW
			}
			if fits(candW) {
				line, lineW = cand, candW
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for len(word) > 1 && !fits(wordW) {
				k, kw := 1, cw[word[0]]
				for k < len(word) && fits(kw+cw[word[k]]) {
					kw += cw[word[k]]
					k++
				}
				lines = append(lines, word[:k])
				word, wordW = word[k:], wordW-kw
			}
			line, lineW = word, wordW
		}
		lines = append(lines, line)
	}
	if len(lines) > maxCellLines {
		n := len(lines) - maxCellLines + 1
		lines = append(lines[:maxCellLines-1], "... ("+fmtInt(n)+" more lines; see suspects.json)")
	}
	return lines
}

type column struct {
	title string
	w     float64 // fraction of the body width
	mono  bool
	align string // "L" or "R"
}

// table draws rows of encoded cells under a header that repeats on every
// page the table spans.
func (d *doc) table(cols []column, rows [][]string) {
	const size, lh = 7.5, 3.6
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = latin(c.title)
	}
	xs := columnStarts(cols)
	var drawRow func(cells []string, head bool, shade bool)
	drawRow = func(cells []string, head bool, shade bool) {
		lines := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			lines[i] = d.wrap(cells[i], c.w*bodyW-2*pad, fontSel{mono: c.mono && !head, bold: head, size: size})
			n = max(n, len(lines[i]))
		}
		h := float64(n)*lh + 2*pad
		if d.f.GetY()+h > pageH-marginB {
			d.f.AddPage()
			if !head {
				drawRow(header, true, false)
			}
		}
		y := d.f.GetY()
		switch {
		case head:
			d.f.SetFillColor(225, 231, 240)
			d.f.Rect(marginL, y, bodyW, h, "F")
		case shade:
			d.f.SetFillColor(246, 246, 246)
			d.f.Rect(marginL, y, bodyW, h, "F")
		}
		for _, i := range d.byFont(len(cols), func(i int) fontSel { return fontSel{mono: cols[i].mono && !head, bold: head, size: size, set: true} }) {
			c := cols[i]
			d.setFont(c.mono && !head, head, size)
			align := c.align
			if align == "" || head {
				align = "L"
			}
			for k, l := range lines[i] {
				d.f.SetXY(xs[i]+pad, y+pad+float64(k)*lh)
				d.cell(c.w*bodyW-2*pad, lh, l, align)
			}
		}
		d.f.SetDrawColor(205, 205, 205)
		d.f.SetLineWidth(0.15)
		d.f.Line(marginL, y+h, marginL+bodyW, y+h)
		d.f.SetXY(marginL, y+h)
	}
	d.record("| ", header...)
	for _, r := range rows {
		d.record("| ", r...)
	}
	d.ensure(18)
	drawRow(header, true, false)
	for i, r := range rows {
		drawRow(r, false, i%2 == 1)
	}
	d.f.Ln(2)
}

// kv draws label/value pairs; values are encoded text.
func (d *doc) kv(pairs [][2]string) {
	rows := make([][]string, len(pairs))
	for i, p := range pairs {
		rows[i] = []string{latin(p[0]), p[1]}
	}
	d.plain([]column{{w: 0.27}, {w: 0.73}}, rows)
}

// plain is table without a header row.
func (d *doc) plain(cols []column, rows [][]string) {
	for _, r := range rows {
		d.record("- ", r...)
	}
	const size, lh = 8.5, 4.0
	xs := columnStarts(cols)
	for _, cells := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			lines[i] = d.wrap(cells[i], c.w*bodyW-2*pad, fontSel{mono: c.mono, bold: i == 0, size: size})
			n = max(n, len(lines[i]))
		}
		h := float64(n)*lh + 2*pad
		d.ensure(h)
		y := d.f.GetY()
		for _, i := range d.byFont(len(cols), func(i int) fontSel { return fontSel{mono: cols[i].mono, bold: i == 0, size: size, set: true} }) {
			c := cols[i]
			d.setFont(c.mono, i == 0, size)
			if i == 0 {
				d.f.SetTextColor(60, 60, 60)
			}
			for k, l := range lines[i] {
				d.f.SetXY(xs[i]+pad, y+pad+float64(k)*lh)
				d.cell(c.w*bodyW-2*pad, lh, l, "L")
			}
			d.f.SetTextColor(0, 0, 0)
		}
		d.f.SetDrawColor(225, 225, 225)
		d.f.SetLineWidth(0.15)
		d.f.Line(marginL, y+h, marginL+bodyW, y+h)
		d.f.SetXY(marginL, y+h)
	}
	d.f.Ln(2)
}

// field is one labelled value of a fields block; mono values (txids,
// addresses) are set in Courier so that they can be read and copied
// character by character.
type field struct {
	label, value string // value is encoded text
	mono         bool
}

// fields draws a block of labelled values under a bold heading (skipped
// when empty), like kv but with a monospaced value where the field says.
func (d *doc) fields(heading string, fs []field) {
	const size, lh = 8.5, 4.0
	if heading != "" {
		d.record("### ", latin(heading))
		d.ensure(6 + float64(min(len(fs), 8))*(lh+2*pad+1))
		d.setFont(false, true, 9)
		d.f.SetX(marginL)
		d.f.CellFormat(bodyW, 5.5, latin(heading), "", 1, "L", false, 0, "")
	}
	cols := []column{{w: 0.27}, {w: 0.73}}
	xs := columnStarts(cols)
	for _, fl := range fs {
		d.record("- ", latin(fl.label), fl.value)
		sel := [2]fontSel{{bold: true, size: size, set: true}, {mono: fl.mono, size: size, set: true}}
		cells := [2]string{latin(fl.label), fl.value}
		var ls [2][]string
		n := 1
		for i := range cells {
			ls[i] = d.wrap(cells[i], cols[i].w*bodyW-2*pad, sel[i])
			n = max(n, len(ls[i]))
		}
		h := float64(n)*lh + 2*pad
		d.ensure(h)
		y := d.f.GetY()
		for i := range cells {
			d.setFont(sel[i].mono, sel[i].bold, size)
			if i == 0 {
				d.f.SetTextColor(60, 60, 60)
			}
			for k, l := range ls[i] {
				d.f.SetXY(xs[i]+pad, y+pad+float64(k)*lh)
				d.cell(cols[i].w*bodyW-2*pad, lh, l, "L")
			}
			d.f.SetTextColor(0, 0, 0)
		}
		d.f.SetDrawColor(225, 225, 225)
		d.f.SetLineWidth(0.15)
		d.f.Line(marginL, y+h, marginL+bodyW, y+h)
		d.f.SetXY(marginL, y+h)
	}
	d.f.Ln(2)
}

// columnStarts returns the left edge of each column.
func columnStarts(cols []column) []float64 {
	xs := make([]float64, len(cols))
	x := marginL
	for i, c := range cols {
		xs[i] = x
		x += c.w * bodyW
	}
	return xs
}

// byFont orders the columns 0..n-1 of a row for drawing: those in the
// font selected now first, then the others grouped by font, each group in
// column order. A row then switches fonts at most once per font it uses
// (drawn column by column, a row of alternating fonts switched at every
// column, and fpdf formats an operator for each switch).
func (d *doc) byFont(n int, font func(i int) fontSel) []int {
	order := make([]int, 0, n)
	done := make([]bool, n)
	next := d.font
	for len(order) < n {
		for i := range n {
			if !done[i] && font(i) == next {
				order = append(order, i)
				done[i] = true
			}
		}
		for i := range n {
			if !done[i] {
				next = font(i)
				break
			}
		}
	}
	return order
}

// lines joins values encoded one by one.
func lines(vals ...string) string {
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if v != "" {
			out = append(out, latin(v))
		}
	}
	return strings.Join(out, "\n")
}
