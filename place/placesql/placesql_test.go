package placesql_test

import (
	"testing"

	"github.com/coinsift/coinsift/place/placesql"
)

func TestSignupColumn(t *testing.T) {
	for col, want := range map[string]bool{
		"signup_ip": true, "SignUpIP": true, "sign_up_ip": true, "reg_ip": true, "registration_ip": true,
		"created_ip": true, "join_ip": true,
		"last_ip": false, "ip": false, "current_ip": false, "remote_addr": false, "": false,
	} {
		if got := placesql.SignupColumn(col); got != want {
			t.Errorf("SignupColumn(%q) = %v; want %v", col, got, want)
		}
	}
}
