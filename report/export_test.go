package report

import "strings"

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
