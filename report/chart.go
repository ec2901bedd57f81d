package report

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/go-pdf/fpdf"
)

// chart is a bar chart, optionally with a line series on a second axis.
// The same layout code draws it as SVG (summary.html) and with fpdf
// primitives (summary.pdf), so both show the same picture.
type chart struct {
	title      string
	horizontal bool   // category bars left to right, largest first
	unit       string // axis formatter: "money" or "count"
	currency   string
	bars       []bar
	line       []float64 // optional, same length as bars (vertical charts only)
	lineLabel  string
	barLabel   string
	empty      string // shown when there are no bars
}

type bar struct {
	label string
	value float64
	text  string // printed at the bar end (horizontal charts)
}

type rgb struct{ r, g, b int }

var (
	colBar   = rgb{46, 94, 170}
	colLine  = rgb{214, 96, 40}
	colGrid  = rgb{222, 222, 222}
	colAxis  = rgb{90, 90, 90}
	colText  = rgb{30, 30, 30}
	colMuted = rgb{100, 100, 100}
)

// canvas is what a chart is drawn on. Coordinates grow right and down.
type canvas interface {
	rect(x, y, w, h float64, fill rgb)
	line(x1, y1, x2, y2, width float64, c rgb)
	poly(xs, ys []float64, width float64, c rgb)
	dot(x, y, r float64, c rgb)
	// text draws s with its baseline at y; anchor is "start", "middle" or "end".
	text(x, y float64, s string, size float64, anchor string, bold bool, c rgb)
	width(s string, size float64) float64
}

// niceStep returns a round tick step so that max is covered in about n steps.
func niceStep(max float64, n int) float64 {
	if max <= 0 {
		return 1
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

func (c *chart) axis(v float64) string {
	if c.unit == "money" {
		return symbol(c.currency) + thousands(int64(math.Round(v)))
	}
	return thousands(int64(math.Round(v)))
}

// height returns the height the chart wants for width w and font size fs.
func (c *chart) height(fs float64) float64 {
	if c.horizontal {
		return fs*4.5 + float64(max(len(c.bars), 1))*fs*1.9
	}
	return fs * 22
}

// draw lays the chart out in the box (x, y, w, h) with base font size fs.
func (c *chart) draw(cv canvas, x, y, w, h, fs float64) {
	cv.text(x, y+fs*1.2, c.title, fs*1.25, "start", true, colText)
	top := y + fs*2.6
	if len(c.bars) == 0 {
		cv.text(x, top+fs*1.5, c.empty, fs, "start", false, colMuted)
		return
	}
	maxV := 0.0
	for _, b := range c.bars {
		maxV = math.Max(maxV, b.value)
	}
	if c.horizontal {
		c.drawH(cv, x, top, w, fs, maxV)
		return
	}
	c.drawV(cv, x, top, w, y+h-top, fs, maxV)
}

func (c *chart) drawH(cv canvas, x, top, w, fs, maxV float64) {
	labelW := 0.0
	for _, b := range c.bars {
		labelW = math.Max(labelW, cv.width(b.label, fs))
	}
	labelW = math.Min(labelW+fs, w*0.35)
	textW := 0.0
	for _, b := range c.bars {
		textW = math.Max(textW, cv.width(b.text, fs))
	}
	plotX, plotW := x+labelW, w-labelW-textW-fs
	rowH := fs * 1.9
	for i, b := range c.bars {
		ry := top + float64(i)*rowH
		label := b.label
		if cv.width(label, fs) > labelW-fs {
			rs := []rune(label)
			for len(rs) > 3 && cv.width(string(rs)+"…", fs) > labelW-fs {
				rs = rs[:len(rs)-1]
			}
			label = string(rs) + "…"
		}
		cv.text(plotX-fs*0.5, ry+rowH*0.62, label, fs, "end", false, colText)
		bw := 0.0
		if maxV > 0 {
			bw = plotW * b.value / maxV
		}
		cv.rect(plotX, ry+rowH*0.15, math.Max(bw, 0.3), rowH*0.7, colBar)
		cv.text(plotX+bw+fs*0.4, ry+rowH*0.62, b.text, fs, "start", false, colText)
	}
	cv.line(plotX, top, plotX, top+float64(len(c.bars))*rowH, 0.6*fs/10, colAxis)
}

func (c *chart) drawV(cv canvas, x, top, w, h, fs, maxV float64) {
	step := niceStep(maxV, 4)
	yMax := step * math.Ceil(maxV/step)
	if yMax == 0 {
		yMax = step
	}
	labelW := cv.width(c.axis(yMax), fs) + fs*0.8
	var lStep, lMax, rightW float64
	if len(c.line) == len(c.bars) {
		lm := 0.0
		for _, v := range c.line {
			lm = math.Max(lm, v)
		}
		lStep = niceStep(lm, 4)
		lMax = lStep * math.Ceil(lm/lStep)
		if lMax == 0 {
			lMax = lStep
		}
		rightW = cv.width(thousands(int64(lMax)), fs) + fs*0.8
	}
	legendH := fs * 1.6
	plotX, plotY := x+labelW, top+legendH
	plotW, plotH := w-labelW-rightW, h-legendH-fs*2.4
	// Legend.
	lx := plotX
	cv.rect(lx, top+fs*0.2, fs*0.9, fs*0.9, colBar)
	cv.text(lx+fs*1.3, top+fs*1.0, c.barLabel, fs*0.9, "start", false, colText)
	if rightW > 0 {
		lx += fs*2.5 + cv.width(c.barLabel, fs*0.9)
		cv.line(lx, top+fs*0.65, lx+fs*1.2, top+fs*0.65, fs*0.18, colLine)
		cv.dot(lx+fs*0.6, top+fs*0.65, fs*0.25, colLine)
		cv.text(lx+fs*1.7, top+fs*1.0, c.lineLabel, fs*0.9, "start", false, colText)
	}
	// Grid and left axis.
	for v := 0.0; v <= yMax+step/2; v += step {
		gy := plotY + plotH - plotH*v/yMax
		cv.line(plotX, gy, plotX+plotW, gy, fs*0.05, colGrid)
		cv.text(plotX-fs*0.4, gy+fs*0.35, c.axis(v), fs*0.9, "end", false, colMuted)
	}
	if rightW > 0 {
		for v := 0.0; v <= lMax+lStep/2; v += lStep {
			gy := plotY + plotH - plotH*v/lMax
			cv.text(plotX+plotW+fs*0.4, gy+fs*0.35, thousands(int64(v)), fs*0.9, "start", false, colLine)
		}
	}
	n := len(c.bars)
	slot := plotW / float64(n)
	every := int(math.Ceil(float64(n) * cv.width("2021-06", fs*0.85) * 1.3 / plotW))
	every = max(every, 1)
	xs, ys := make([]float64, 0, n), make([]float64, 0, n)
	for i, b := range c.bars {
		bx := plotX + float64(i)*slot
		bh := plotH * b.value / yMax
		cv.rect(bx+slot*0.15, plotY+plotH-bh, slot*0.7, bh, colBar)
		if i%every == 0 {
			cv.text(bx+slot/2, plotY+plotH+fs*1.3, b.label, fs*0.85, "middle", false, colText)
		}
		if rightW > 0 {
			xs = append(xs, bx+slot/2)
			ys = append(ys, plotY+plotH-plotH*c.line[i]/lMax)
		}
	}
	cv.line(plotX, plotY+plotH, plotX+plotW, plotY+plotH, fs*0.08, colAxis)
	if rightW > 0 {
		cv.poly(xs, ys, fs*0.15, colLine)
		for i := range xs {
			cv.dot(xs[i], ys[i], fs*0.22, colLine)
		}
	}
}

// svgCanvas writes SVG elements; every text is escaped.
type svgCanvas struct{ b strings.Builder }

func hexc(c rgb) string   { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }
func f1(v float64) string { return fmt.Sprintf("%.1f", v) }

func (s *svgCanvas) rect(x, y, w, h float64, c rgb) {
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", f1(x), f1(y), f1(w), f1(h), hexc(c))
}
func (s *svgCanvas) line(x1, y1, x2, y2, w float64, c rgb) {
	fmt.Fprintf(&s.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n", f1(x1), f1(y1), f1(x2), f1(y2), hexc(c), f1(w))
}
func (s *svgCanvas) poly(xs, ys []float64, w float64, c rgb) {
	pts := make([]string, len(xs))
	for i := range xs {
		pts[i] = f1(xs[i]) + "," + f1(ys[i])
	}
	fmt.Fprintf(&s.b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n", strings.Join(pts, " "), hexc(c), f1(w))
}
func (s *svgCanvas) dot(x, y, r float64, c rgb) {
	fmt.Fprintf(&s.b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", f1(x), f1(y), f1(r), hexc(c))
}
func (s *svgCanvas) text(x, y float64, t string, size float64, anchor string, bold bool, c rgb) {
	weight := ""
	if bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" font-size="%s" text-anchor="%s"%s fill="%s">%s</text>`+"\n",
		f1(x), f1(y), f1(size), anchor, weight, hexc(c), html.EscapeString(display(t)))
}
func (s *svgCanvas) width(t string, size float64) float64 {
	return float64(len([]rune(t))) * size * 0.56
}

// svg renders c as a standalone <svg> element of width w pixels.
func (c *chart) svg(w float64) string {
	const fs = 12.0
	h := c.height(fs)
	var s svgCanvas
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-label="%s" font-family="Helvetica, Arial, sans-serif">`+"\n",
		f1(w), f1(h), html.EscapeString(display(c.title)))
	c.draw(&s, 0, 0, w, h, fs)
	s.b.WriteString("</svg>")
	return s.b.String()
}

// pdfCanvas draws with fpdf; coordinates and sizes are millimetres, text
// is encoded with latin.
type pdfCanvas struct{ f *fpdf.Fpdf }

const ptPerMM = 72 / 25.4

func (p pdfCanvas) rect(x, y, w, h float64, c rgb) {
	p.f.SetFillColor(c.r, c.g, c.b)
	p.f.Rect(x, y, w, h, "F")
}
func (p pdfCanvas) line(x1, y1, x2, y2, w float64, c rgb) {
	p.f.SetDrawColor(c.r, c.g, c.b)
	p.f.SetLineWidth(w)
	p.f.Line(x1, y1, x2, y2)
}
func (p pdfCanvas) poly(xs, ys []float64, w float64, c rgb) {
	for i := 1; i < len(xs); i++ {
		p.line(xs[i-1], ys[i-1], xs[i], ys[i], w, c)
	}
}
func (p pdfCanvas) dot(x, y, r float64, c rgb) {
	p.f.SetFillColor(c.r, c.g, c.b)
	p.f.Circle(x, y, r, "F")
}
func (p pdfCanvas) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont("Helvetica", style, size*ptPerMM)
}
func (p pdfCanvas) text(x, y float64, t string, size float64, anchor string, bold bool, c rgb) {
	p.font(size, bold)
	s := latin(t)
	switch anchor {
	case "middle":
		x -= p.f.GetStringWidth(s) / 2
	case "end":
		x -= p.f.GetStringWidth(s)
	}
	p.f.SetTextColor(c.r, c.g, c.b)
	p.f.Text(x, y, s)
	p.f.SetTextColor(0, 0, 0)
}
func (p pdfCanvas) width(t string, size float64) float64 {
	p.font(size, false)
	return p.f.GetStringWidth(latin(t))
}
