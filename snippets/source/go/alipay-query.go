@@name Alipay: single_trade_query
@@prefix alipay-query
@@description Alipay MAPI single_trade_query (Go, standard library): signed request, reads the XML (is_success, error, trade_status) and verifies the response signature before trusting it.
@@class AlipayTradeQuery
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

// Query looks a trade up by Alipay's trade_no (preferred) or your out_trade_no.
// is_success=F with TRADE_NOT_EXIST is an answer, not a failure; a bad response signature is an error.
func (a *__CLASS__) Query(tradeNo, outTradeNo string) (*__CLASS__Result, error) {
	return a.call("single_trade_query", map[string]string{"trade_no": tradeNo, "out_trade_no": outTradeNo})
}
$0
