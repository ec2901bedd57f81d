package sqldump_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/coinsift/coinsift/seized/sqldump"
)

func ExampleReader() {
	dump := "CREATE TABLE `users` (`id` int, `name` varchar(20));\n" +
		"INSERT INTO `users` VALUES (1,'O\\'Brien'),(2,NULL);\n"
	r, _ := sqldump.NewReader(strings.NewReader(dump), nil)
	defer r.Close()
	for {
		ev, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		if ev == sqldump.EventRow {
			row := r.Row()
			fmt.Printf("%s row %d: %s %q null=%v\n", r.Table().Name, r.RowNumber(), row[0].Data, row[1].Data, row[1].IsNull())
		}
	}
	// Output:
	// users row 1: 1 "O'Brien" null=false
	// users row 2: 2 "" null=true
}
