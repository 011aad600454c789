@@name Alipay: sns.trade.operate.by.action link
@@prefix alipay-sns-link
@@description Alipay MAPI sns.trade.operate.by.action (Go, standard library): a signed https link that opens a trade on Alipay to pay, view, re-price or close it (the SNS user key is a signed business parameter).
@@class AlipaySnsLink
---
import (
	"crypto"
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
)
@@include config
@@include sign

// DefaultSnsAction — buyer: payAction, detailAction; seller: modifyAction, closeAction, detailAction.
const DefaultSnsAction = "${7|payAction,detailAction,modifyAction,closeAction|}"

// Link opens the trade on Alipay. snsUserKey is the SNS user's key from Alipay (stored per user), not the merchant's MD5 key; it is signed.
func (a *__CLASS__) Link(snsUserID, snsUserKey, orderNo, tradeAction string) (string, error) {
	return a.RequestURL("sns.trade.operate.by.action", map[string]string{
		"sns_user_id":  snsUserID,
		"key":          snsUserKey,
		"order_no":     orderNo,
		"trade_action": tradeAction,
	})
}
$0
