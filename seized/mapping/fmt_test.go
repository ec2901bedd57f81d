package mapping_test

import "fmt"

func fmtS(v any) string { return fmt.Sprint(v) }
