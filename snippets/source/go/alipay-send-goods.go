@@name Alipay: send_goods_confirm_by_platform
@@prefix alipay-send-goods
@@description Alipay MAPI send_goods_confirm_by_platform (Go, standard library): confirms shipment of an escrow trade with a signed request; reads is_success/error and verifies the signed tradeBase result.
@@class AlipaySendGoods
---
import (
	"crypto"
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"
)
@@include config
@@include sign
@@include verify
@@include xml

// DefaultTransportType is what most shipments use (POST, EXPRESS or EMS).
const DefaultTransportType = "${7|EXPRESS,POST,EMS|}"

// SendGoods confirms shipment. A repeat for an already shipped trade comes back as is_success=F with an error code.
func (a *__CLASS__) SendGoods(tradeNo, logisticsName, invoiceNo, transportType string) (*__CLASS__Result, error) {
	return a.call("send_goods_confirm_by_platform", map[string]string{
		"trade_no":       tradeNo,
		"logistics_name": logisticsName,
		"invoice_no":     invoiceNo,
		"transport_type": transportType,
	})
}
$0
