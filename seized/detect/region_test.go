package detect

import "testing"

func TestEmailRegion(t *testing.T) {
	for in, want := range map[string]string{
		"jan@provider.nl": "NL", "a@b.co.uk": "GB", "x@Y.FR.": "FR", "x@gmail.com": "", "x@proton.me": "",
		"x@startup.io": "", "x@b.eu": "", "no-at.nl": "", "x@nl": "", "x@b.zz": "", "": "",
	} {
		if got := EmailRegion(in); got != want {
			t.Errorf("EmailRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhoneForRegion(t *testing.T) {
	for _, tc := range []struct {
		s, region      string
		own            bool
		want           string
		national, okay bool
	}{
		{"06 12345678", "NL", false, "+31612345678", false, true},
		{"06 12345678", "GB", false, "", true, false},
		{"(416) 555-0123", "CA", false, "+14165550123", false, true},
		{"(416) 555-0123", "GB", false, "", true, false},
		{"(281) 323-4557", "GB", false, "", true, false},
		{"(281) 323-4557", "GB", true, "+442813234557", false, true},
		{"07400 123456", "GB", false, "+447400123456", false, true},
		{"07400 123456", "", false, "", true, false},
		{"+44 7400 123456", "", false, "+447400123456", false, true},
		{"0044 7400 123456", "GB", false, "+447400123456", false, true},
		{"n/a", "GB", false, "", false, false},
		{"07", "GB", false, "", false, false},
	} {
		e, national, ok := PhoneForRegion(tc.s, tc.region, tc.own)
		if e != tc.want || national != tc.national || ok != tc.okay {
			t.Errorf("PhoneForRegion(%q, %q, %v) = %q, %v, %v; want %q, %v, %v", tc.s, tc.region, tc.own, e, national, ok, tc.want, tc.national, tc.okay)
		}
	}
}
