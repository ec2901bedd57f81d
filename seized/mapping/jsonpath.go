package mapping

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Bounds on the JSON a field reads (Column.JSON): seized text is hostile,
// so a value is measured before it is parsed.
const (
	// MaxJSONBytes is the largest JSON value a path is evaluated in.
	MaxJSONBytes = 1 << 20
	// MaxJSONDepth is the deepest nesting of objects and arrays accepted.
	MaxJSONDepth = 64
	// maxPathSteps bounds the steps of a path.
	maxPathSteps = 32
)

// step is one step of a JSON path: an object member or an array index.
type step struct {
	name  string
	index int // -1 for a member
}

// jsonPath is a parsed path such as $.tx.hash or $.outputs[0].address.
type jsonPath []step

// parseJSONPath parses a path: "$" followed by steps ".name", "[N]" or
// `["name"]`. Names in the dot form end at the next '.' or '['.
func parseJSONPath(p string) (jsonPath, error) {
	rest, ok := strings.CutPrefix(p, "$")
	if !ok {
		return nil, fmt.Errorf("json path %q: must start with $", truncate(p))
	}
	var path jsonPath
	for rest != "" {
		if len(path) == maxPathSteps {
			return nil, fmt.Errorf("json path %q: more than %d steps", truncate(p), maxPathSteps)
		}
		switch rest[0] {
		case '.':
			rest = rest[1:]
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			if end == 0 {
				return nil, fmt.Errorf("json path %q: empty name", truncate(p))
			}
			path, rest = append(path, step{name: rest[:end], index: -1}), rest[end:]
		case '[':
			if strings.HasPrefix(rest, `["`) {
				q, err := strconv.QuotedPrefix(rest[1:])
				if err != nil || !strings.HasPrefix(rest[1+len(q):], "]") {
					return nil, fmt.Errorf("json path %q: bad quoted name", truncate(p))
				}
				name, _ := strconv.Unquote(q)
				path, rest = append(path, step{name: name, index: -1}), rest[1+len(q)+1:]
				continue
			}
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, fmt.Errorf("json path %q: unclosed [", truncate(p))
			}
			in := rest[1:end]
			n, err := strconv.Atoi(in)
			if err != nil || n < 0 || n > 1<<20 || in != strconv.Itoa(n) {
				return nil, fmt.Errorf("json path %q: [%s] is no index", truncate(p), truncate(in))
			}
			path, rest = append(path, step{index: n}), rest[end+1:]
		default:
			return nil, fmt.Errorf("json path %q: unexpected %q", truncate(p), rest[:1])
		}
	}
	return path, nil
}

// String writes the path back in its dot form.
func (p jsonPath) String() string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range p {
		switch {
		case s.index >= 0:
			fmt.Fprintf(&b, "[%d]", s.index)
		case strings.ContainsAny(s.name, ".[]\"") || s.name == "":
			fmt.Fprintf(&b, "[%s]", strconv.Quote(s.name))
		default:
			b.WriteByte('.')
			b.WriteString(s.name)
		}
	}
	return b.String()
}

// errJSONTooBig and errJSONTooDeep say why a value was not parsed.
var (
	errJSONTooBig  = fmt.Errorf("value over %d bytes", MaxJSONBytes)
	errJSONTooDeep = fmt.Errorf("nested deeper than %d", MaxJSONDepth)
)

// jsonDepth returns the deepest nesting of objects and arrays in data,
// stopping (with errJSONTooDeep) as soon as it passes MaxJSONDepth. It does
// not check the syntax: the decoder does.
func jsonDepth(data []byte) error {
	depth, inStr, esc := 0, false, false
	for _, c := range data {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxJSONDepth {
				return errJSONTooDeep
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// evalJSON returns the value at path p in the JSON text data: a string's
// content, a number or boolean as written, an object or array as compact
// JSON text; found is false when the path is missing or leads to null.
// Malformed, oversized or too deeply nested JSON is an error.
func evalJSON(data []byte, p jsonPath) (out []byte, found bool, err error) {
	if len(data) > MaxJSONBytes {
		return nil, false, errJSONTooBig
	}
	if err := jsonDepth(data); err != nil {
		return nil, false, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false, jsonError(err)
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return nil, false, errors.New("text after the JSON value")
	}
	for _, s := range p {
		switch x := v.(type) {
		case map[string]any:
			if s.index >= 0 {
				return nil, false, nil
			}
			v = x[s.name]
		case []any:
			if s.index < 0 || s.index >= len(x) {
				return nil, false, nil
			}
			v = x[s.index]
		default:
			return nil, false, nil
		}
	}
	switch x := v.(type) {
	case nil:
		return nil, false, nil
	case string:
		return []byte(x), true, nil
	case json.Number:
		return []byte(x.String()), true, nil
	case bool:
		return []byte(strconv.FormatBool(x)), true, nil
	default:
		b, err := json.Marshal(x) // maps are written with sorted keys
		if err != nil {
			return nil, false, fmt.Errorf("re-encode: %w", err)
		}
		return b, true, nil
	}
}

// jsonError words a decoder error without the library's type names.
func jsonError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed at byte %d: %s", se.Offset, se.Error())
	}
	if errors.Is(err, io.EOF) {
		return errors.New("empty")
	}
	return fmt.Errorf("malformed: %s", err.Error())
}
