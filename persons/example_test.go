package persons_test

import (
	"fmt"

	"github.com/coinsift/coinsift/persons"
)

func ExampleGroup() {
	ev := []persons.Evidence{
		// 17 and 42: one e-mail address and one home address (two weak
		// pieces of evidence).
		{Account: "17", Kind: persons.ReasonEmail, Value: persons.NormEmail(" Bob@Example.test ")},
		{Account: "42", Kind: persons.ReasonEmail, Value: "bob@example.test"},
		{Account: "17", Kind: persons.ReasonLoginIP, Value: persons.NormIP("81.2.69.160")},
		{Account: "42", Kind: persons.ReasonLoginIP, Value: "81.2.69.160"},
		// 42 and 58: one phone number (strong).
		{Account: "42", Kind: persons.ReasonPhone, Value: persons.NormPhone("+447400123456")},
		{Account: "58", Kind: persons.ReasonPhone, Value: "+447400123456"},
		// 58 and 60: a paying cluster only (weak): not joined.
		{Account: "58", Kind: persons.ReasonCluster, Value: "1093"},
		{Account: "60", Kind: persons.ReasonCluster, Value: "1093"},
	}
	edges, _ := persons.Edges(ev, persons.DefaultConfig())
	g := persons.Group([]string{"17", "42", "58", "60"}, edges, nil)
	fmt.Println(g.Persons)
	paths, _ := g.Explain("17")
	for _, s := range paths["58"] {
		fmt.Println(s.From, s.Reason, s.Detail)
	}
	// Output:
	// [[17 42 58] [60]]
	// 17 email bob@example.test
	// 42 phone +447400123456
}
