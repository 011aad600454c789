@@name Alipay: sign a MAPI request (MD5 or RSA)
@@prefix alipay-sign
@@description Alipay MAPI (Go, standard library): build a signed gateway.do URL (MD5 key from the environment, or RSA with a PKCS#8 private key file); raw values signed, sign/sign_type/empty dropped, names in byte order, https only.
@@class AlipaySigner
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
$0
