package mapping

import (
	"bytes"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

func col(name string, samples []string, kinds ...detect.Match) seized.ColumnReport {
	return seized.ColumnReport{Name: name, Samples: samples, Matches: kinds}
}

// TestSuggestTypedAndJSON: --suggest proposes messenger handles from column
// names and values, and paths inside a gateway's JSON callback column.
func TestSuggestTypedAndJSON(t *testing.T) {
	users := seized.TableReport{Name: "clients", Columns: []seized.ColumnReport{
		col("id", []string{"1", "2"}, detect.Match{Kind: detect.Integer, Share: 1}),
		col("nick", []string{"zed", "amy"}),
		col("email", []string{"a@b.nl", "c@d.com"}, detect.Match{Kind: detect.Email, Share: 1}),
		col("tg", []string{"@zed_hacks", "@amy_1999"}),
		col("contact", []string{"zed@exploit.im", "amy@jabber.ru/laptop", "x"}),
		col("btc_wallet", []string{"1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}, detect.Match{Kind: detect.BTCAddress, Share: 1}),
		col("icq", []string{"123456789"}, detect.Match{Kind: detect.Integer, Share: 1}),
	}}
	pays := seized.TableReport{Name: "invoices", Columns: []seized.ColumnReport{
		col("id", []string{"1", "2"}, detect.Match{Kind: detect.Integer, Share: 1}),
		col("user_id", []string{"1", "2"}, detect.Match{Kind: detect.Integer, Share: 1}),
		col("gateway_response", []string{
			`{"tx":{"hash":"6f1f2b7a7c4d2d3e8f5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6","outputs":[{"address":"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}]},"amount":"0.0123"}`,
			`{"tx":{"hash":"7f1f2b7a7c4d2d3e8f5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6","outputs":[{"address":"1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}]},"amount":0.5}`,
			`{"status":"expired"}`,
		}),
		col("status", []string{"paid", "expired"}),
	}}
	m := Suggest("GB", &seized.Report{Tables: []seized.TableReport{users, pays}})
	got := map[string]Column{}
	for _, tb := range m.Tables {
		for f, c := range tb.Columns {
			got[tb.Target+"."+f] = c
		}
	}
	for k, want := range map[string]Column{
		"accounts.telegram":    {Column: "tg"},
		"accounts.jabber":      {Column: "contact"},
		"accounts.wallet":      {Column: "btc_wallet"},
		"accounts.icq":         {Column: "icq"},
		"accounts.username":    {Column: "nick"},
		"payments.txid":        {Column: "gateway_response", JSON: "$.tx.hash"},
		"payments.address":     {Column: "gateway_response", JSON: "$.tx.outputs[0].address"},
		"payments.amount":      {Column: "gateway_response", JSON: "$.amount", Unit: "btc"},
		"payments.status":      {Column: "status"},
		"payments.account_key": {Column: "user_id"},
	} {
		g := got[k]
		if g.Column != want.Column || g.JSON != want.JSON || g.Unit != want.Unit {
			t.Errorf("%s = %+v, want %+v", k, g, want)
		}
	}
	if _, err := Read(bytesOf(t, m)); err != nil {
		t.Errorf("Read(Suggest()): %v", err)
	}
}

func bytesOf(t *testing.T, m *Mapping) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	return &b
}
