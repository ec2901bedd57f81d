package rule

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	coinsift "github.com/coinsift/coinsift"
)

// Limits on a rule's text and nesting.
const (
	MaxLen   = 4096
	MaxDepth = 32
)

// Kind is the type of a value.
type Kind uint8

// Kinds.
const (
	Number Kind = iota + 1
	String
	Bool
)

func (k Kind) String() string {
	switch k {
	case Number:
		return "number"
	case String:
		return "string"
	case Bool:
		return "bool"
	}
	return "unknown"
}

// Value is a typed value.
type Value struct {
	Kind Kind
	Num  float64
	Str  string
	Bool bool
}

// Num returns a number value.
func Num(f float64) Value { return Value{Kind: Number, Num: f} }

// Str returns a string value.
func Str(s string) Value { return Value{Kind: String, Str: s} }

// Boolean returns a bool value.
func Boolean(b bool) Value { return Value{Kind: Bool, Bool: b} }

// Fields resolves field names for one record.
type Fields interface {
	Field(name string) (Value, bool)
}

// Schema lists the fields a rule may name and their kinds; Parse rejects
// other names and type mistakes up front.
type Schema map[string]Kind

// SyntaxError reports a mistake in a rule at a byte offset.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("rule: offset %d: %s", e.Offset, e.Msg) }

// Is reports that a SyntaxError is of kind coinsift.ErrInvalid.
func (e *SyntaxError) Is(target error) bool { return target == coinsift.ErrInvalid }

// Rule is a parsed expression.
type Rule struct {
	src  string
	root node
}

// String returns the rule's source text.
func (r *Rule) String() string { return r.src }

// Fields returns the field names the rule reads, sorted, without duplicates.
func (r *Rule) Fields() []string {
	seen := map[string]bool{}
	var walk func(n node)
	walk = func(n node) {
		switch x := n.(type) {
		case *field:
			seen[x.name] = true
		case *unary:
			walk(x.x)
		case *binary:
			walk(x.l)
			walk(x.r)
		case *inList:
			walk(x.x)
			for _, v := range x.list {
				walk(v)
			}
		}
	}
	walk(r.root)
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sortStrings(out)
	return out
}

// Parse parses src against schema.
func Parse(src string, schema Schema) (*Rule, error) {
	if len(src) > MaxLen {
		return nil, &SyntaxError{Offset: MaxLen, Msg: fmt.Sprintf("rule longer than %d bytes", MaxLen)}
	}
	p := &parser{src: src, schema: schema}
	p.next()
	root, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, p.errf("unexpected %s", p.tok)
	}
	k, err := typeOf(root, schema)
	if err != nil {
		return nil, err
	}
	if k != Bool {
		return nil, &SyntaxError{Offset: 0, Msg: "a rule must be true or false, this one is a " + k.String()}
	}
	return &Rule{src: src, root: root}, nil
}

// Match evaluates the rule for one record. A field the record lacks (an
// unknown value, e.g. no placement) makes every comparison with it false,
// "in" and "not in" included, as NULL does in SQL; "not" of such a
// comparison is true.
func (r *Rule) Match(f Fields) bool {
	v, ok := eval(r.root, f)
	return ok && v.Kind == Bool && v.Bool
}

// ---- syntax tree

type node interface{ pos() int }

type lit struct {
	at int
	v  Value
}
type field struct {
	at   int
	name string
}
type unary struct {
	at int
	x  node
}
type binary struct {
	at   int
	op   string
	l, r node
}
type inList struct {
	at   int
	neg  bool
	x    node
	list []node
}

func (n *lit) pos() int    { return n.at }
func (n *field) pos() int  { return n.at }
func (n *unary) pos() int  { return n.at }
func (n *binary) pos() int { return n.at }
func (n *inList) pos() int { return n.at }

// ---- lexer

type tkind uint8

const (
	tEOF tkind = iota
	tNum
	tStr
	tIdent
	tOp
	tLParen
	tRParen
	tComma
)

type token struct {
	kind tkind
	at   int
	text string
}

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of rule"
	case tStr:
		return strconv.Quote(t.text)
	}
	return "'" + t.text + "'"
}

type parser struct {
	src    string
	i      int
	tok    token
	schema Schema
	err    error
}

func (p *parser) errf(format string, a ...any) error {
	return &SyntaxError{Offset: p.tok.at, Msg: fmt.Sprintf(format, a...)}
}

func (p *parser) next() {
	if p.err != nil {
		p.tok = token{kind: tEOF, at: p.i}
		return
	}
	s := p.src
	for p.i < len(s) && (s[p.i] == ' ' || s[p.i] == '\t' || s[p.i] == '\n' || s[p.i] == '\r') {
		p.i++
	}
	start := p.i
	if p.i >= len(s) {
		p.tok = token{kind: tEOF, at: start}
		return
	}
	c := s[p.i]
	switch {
	case c == '(':
		p.i++
		p.tok = token{tLParen, start, "("}
	case c == ')':
		p.i++
		p.tok = token{tRParen, start, ")"}
	case c == ',':
		p.i++
		p.tok = token{tComma, start, ","}
	case c == '"':
		var b strings.Builder
		p.i++
		for {
			if p.i >= len(s) {
				p.err = &SyntaxError{Offset: start, Msg: "unterminated string"}
				p.tok = token{kind: tEOF, at: start}
				return
			}
			ch := s[p.i]
			if ch == '"' {
				p.i++
				break
			}
			if ch == '\\' && p.i+1 < len(s) && (s[p.i+1] == '"' || s[p.i+1] == '\\') {
				b.WriteByte(s[p.i+1])
				p.i += 2
				continue
			}
			b.WriteByte(ch)
			p.i++
		}
		p.tok = token{tStr, start, b.String()}
	case c >= '0' && c <= '9' || c == '.' || c == '-' && p.i+1 < len(s) && (s[p.i+1] >= '0' && s[p.i+1] <= '9'):
		p.i++
		for p.i < len(s) && (s[p.i] >= '0' && s[p.i] <= '9' || s[p.i] == '.' || s[p.i] == '_') {
			p.i++
		}
		p.tok = token{tNum, start, s[start:p.i]}
	case c == '_' || unicode.IsLetter(rune(c)):
		for p.i < len(s) && (s[p.i] == '_' || s[p.i] >= 'a' && s[p.i] <= 'z' || s[p.i] >= 'A' && s[p.i] <= 'Z' || s[p.i] >= '0' && s[p.i] <= '9') {
			p.i++
		}
		p.tok = token{tIdent, start, s[start:p.i]}
	default:
		for _, op := range []string{"==", "!=", "<=", ">=", "&&", "||", "<", ">", "!"} {
			if strings.HasPrefix(s[p.i:], op) {
				p.i += len(op)
				p.tok = token{tOp, start, op}
				return
			}
		}
		p.err = &SyntaxError{Offset: start, Msg: fmt.Sprintf("unexpected character %q", c)}
		p.tok = token{kind: tEOF, at: start}
	}
}

func (p *parser) isWord(w string) bool {
	return p.tok.kind == tIdent && strings.EqualFold(p.tok.text, w)
}
func (p *parser) isOp(op string) bool { return p.tok.kind == tOp && p.tok.text == op }

func (p *parser) depth(d int) error {
	if d > MaxDepth {
		return p.errf("rule nested deeper than %d", MaxDepth)
	}
	return nil
}

func (p *parser) or(d int) (node, error) {
	l, err := p.and(d)
	if err != nil {
		return nil, err
	}
	for p.isOp("||") || p.isWord("or") {
		at := p.tok.at
		p.next()
		r, err := p.and(d)
		if err != nil {
			return nil, err
		}
		l = &binary{at: at, op: "||", l: l, r: r}
	}
	return l, p.err
}

func (p *parser) and(d int) (node, error) {
	l, err := p.not(d)
	if err != nil {
		return nil, err
	}
	for p.isOp("&&") || p.isWord("and") {
		at := p.tok.at
		p.next()
		r, err := p.not(d)
		if err != nil {
			return nil, err
		}
		l = &binary{at: at, op: "&&", l: l, r: r}
	}
	return l, p.err
}

func (p *parser) not(d int) (node, error) {
	if err := p.depth(d); err != nil {
		return nil, err
	}
	if p.isOp("!") || p.isWord("not") {
		at := p.tok.at
		p.next()
		x, err := p.not(d + 1)
		if err != nil {
			return nil, err
		}
		return &unary{at: at, x: x}, nil
	}
	return p.cmp(d)
}

func (p *parser) cmp(d int) (node, error) {
	l, err := p.value(d)
	if err != nil {
		return nil, err
	}
	if p.tok.kind == tOp {
		switch op := p.tok.text; op {
		case "==", "!=", "<", "<=", ">", ">=":
			at := p.tok.at
			p.next()
			r, err := p.value(d)
			if err != nil {
				return nil, err
			}
			return &binary{at: at, op: op, l: l, r: r}, nil
		}
	}
	neg := false
	at := p.tok.at
	if p.isWord("not") {
		neg = true
		p.next()
		if !p.isWord("in") {
			return nil, p.errf("expected 'in' after 'not', got %s", p.tok)
		}
	}
	if p.isWord("in") {
		p.next()
		if p.tok.kind != tLParen {
			return nil, p.errf("expected '(' after 'in', got %s", p.tok)
		}
		p.next()
		var list []node
		for {
			v, err := p.value(d)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
			if len(list) > 1000 {
				return nil, p.errf("list longer than 1000 values")
			}
			if p.tok.kind == tComma {
				p.next()
				continue
			}
			if p.tok.kind != tRParen {
				return nil, p.errf("expected ',' or ')' in list, got %s", p.tok)
			}
			p.next()
			break
		}
		return &inList{at: at, neg: neg, x: l, list: list}, nil
	}
	return l, p.err
}

func (p *parser) value(d int) (node, error) {
	if err := p.depth(d); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	t := p.tok
	switch t.kind {
	case tNum:
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.text, "_", ""), 64)
		if err != nil {
			return nil, p.errf("bad number %s", t)
		}
		p.next()
		return &lit{at: t.at, v: Num(f)}, nil
	case tStr:
		p.next()
		return &lit{at: t.at, v: Str(t.text)}, nil
	case tIdent:
		p.next()
		switch strings.ToLower(t.text) {
		case "true":
			return &lit{at: t.at, v: Boolean(true)}, nil
		case "false":
			return &lit{at: t.at, v: Boolean(false)}, nil
		case "and", "or", "not", "in":
			return nil, &SyntaxError{Offset: t.at, Msg: fmt.Sprintf("unexpected %s", t)}
		}
		if _, ok := p.schema[t.text]; !ok {
			return nil, &SyntaxError{Offset: t.at, Msg: fmt.Sprintf("unknown field %q (fields: %s)", t.text, fieldList(p.schema))}
		}
		return &field{at: t.at, name: t.text}, nil
	case tLParen:
		p.next()
		x, err := p.or(d + 1)
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tRParen {
			return nil, p.errf("expected ')', got %s", p.tok)
		}
		p.next()
		return x, nil
	}
	if p.err != nil {
		return nil, p.err
	}
	return nil, p.errf("expected a value, got %s", t)
}

func fieldList(s Schema) string {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sortStrings(names)
	return strings.Join(names, ", ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// ---- types and evaluation

func typeOf(n node, s Schema) (Kind, error) {
	switch x := n.(type) {
	case *lit:
		return x.v.Kind, nil
	case *field:
		return s[x.name], nil
	case *unary:
		k, err := typeOf(x.x, s)
		if err != nil {
			return 0, err
		}
		if k != Bool {
			return 0, &SyntaxError{Offset: x.at, Msg: "'not' needs true or false, got a " + k.String()}
		}
		return Bool, nil
	case *binary:
		l, err := typeOf(x.l, s)
		if err != nil {
			return 0, err
		}
		r, err := typeOf(x.r, s)
		if err != nil {
			return 0, err
		}
		switch x.op {
		case "&&", "||":
			if l != Bool || r != Bool {
				return 0, &SyntaxError{Offset: x.at, Msg: fmt.Sprintf("%q joins true/false values, got %s and %s", x.op, l, r)}
			}
		default:
			if l != r {
				return 0, &SyntaxError{Offset: x.at, Msg: fmt.Sprintf("cannot compare a %s with a %s", l, r)}
			}
			if l == Bool && x.op != "==" && x.op != "!=" {
				return 0, &SyntaxError{Offset: x.at, Msg: "true/false values compare only with == and !="}
			}
		}
		return Bool, nil
	case *inList:
		k, err := typeOf(x.x, s)
		if err != nil {
			return 0, err
		}
		for _, v := range x.list {
			vk, err := typeOf(v, s)
			if err != nil {
				return 0, err
			}
			if vk != k {
				return 0, &SyntaxError{Offset: v.pos(), Msg: fmt.Sprintf("list of %s values holds a %s", k, vk)}
			}
		}
		return Bool, nil
	}
	return 0, errors.New("rule: unknown node")
}

func eval(n node, f Fields) (Value, bool) {
	switch x := n.(type) {
	case *lit:
		return x.v, true
	case *field:
		return f.Field(x.name)
	case *unary:
		v, ok := eval(x.x, f)
		return Boolean(ok && !v.Bool), true
	case *binary:
		switch x.op {
		case "&&":
			l, ok := eval(x.l, f)
			if !ok || !l.Bool {
				return Boolean(false), true
			}
			r, ok := eval(x.r, f)
			return Boolean(ok && r.Bool), true
		case "||":
			if l, ok := eval(x.l, f); ok && l.Bool {
				return Boolean(true), true
			}
			r, ok := eval(x.r, f)
			return Boolean(ok && r.Bool), true
		}
		l, ok1 := eval(x.l, f)
		r, ok2 := eval(x.r, f)
		if !ok1 || !ok2 || l.Kind != r.Kind {
			return Boolean(false), true
		}
		return Boolean(compare(x.op, l, r)), true
	case *inList:
		v, ok := eval(x.x, f)
		if !ok {
			return Boolean(false), true
		}
		found := false
		for _, e := range x.list {
			if w, ok := eval(e, f); ok && w.Kind == v.Kind && compare("==", v, w) {
				found = true
				break
			}
		}
		return Boolean(found != x.neg), true
	}
	return Value{}, false
}

func compare(op string, l, r Value) bool {
	var c int
	switch l.Kind {
	case Number:
		switch {
		case l.Num < r.Num:
			c = -1
		case l.Num > r.Num:
			c = 1
		}
	case String:
		c = strings.Compare(l.Str, r.Str)
	case Bool:
		if l.Bool != r.Bool {
			c = 1
		}
	}
	switch op {
	case "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}
