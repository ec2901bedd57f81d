package detect_test

import (
	"fmt"

	"github.com/coinsift/coinsift/seized/detect"
)

func ExampleClassify() {
	for _, v := range []string{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "07400 123456", "1669284000123"} {
		fmt.Println(v, detect.Classify(v, "GB"))
	}
	// Output:
	// bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq [btc_address]
	// 07400 123456 [phone]
	// 1669284000123 [integer epoch_ms]
}
