// Package rule implements the small, safe expression language of triage
// rules: a boolean expression over the named fields of a suspect.
//
// # Language
//
//	expr    = or
//	or      = and { ("||" | "or") and }
//	and     = not { ("&&" | "and") not }
//	not     = ("!" | "not") not | cmp
//	cmp     = value [ op value | ["not"] "in" "(" value { "," value } ")" ]
//	op      = "==" | "!=" | "<" | "<=" | ">" | ">="
//	value   = number | string | "true" | "false" | field | "(" expr ")"
//
// Strings are double-quoted with \" and \\ escapes; numbers are decimals;
// fields are names such as country, confidence or received_gbp, resolved by the
// caller's Fields. Comparisons need both sides of one type (number, string or
// bool); "in" tests membership in a list.
//
// # Safety
//
// A rule can only read the fields it is given and compare them: there are
// no functions, no side effects, no loops, and the input size and nesting
// are bounded ([MaxLen], [MaxDepth]). Rules arrive from users and, later,
// from web requests, so the parser never panics and reports the byte offset
// of a mistake.
package rule
