package persons_test

import (
	"fmt"

	"github.com/coinsift/coinsift/persons"
)

func ExampleGroup() {
	ev := []persons.Evidence{
		{Account: "17", Kind: persons.ReasonEmail, Value: persons.NormEmail(" Bob@Example.test ")},
		{Account: "42", Kind: persons.ReasonEmail, Value: "bob@example.test"},
		{Account: "42", Kind: persons.ReasonCluster, Value: "1093"},
		{Account: "58", Kind: persons.ReasonCluster, Value: "1093"},
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
	// 42 paying_cluster 1093
}
