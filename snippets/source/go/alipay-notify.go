@@name Alipay: handle the async notification (notify_url)
@@prefix alipay-notify
@@description Alipay MAPI notify_url handler (Go, net/http): verifies the signature (MD5 key, or Alipay's RSA public key), confirms with notify_verify, processes each trade_no + trade_status once, answers plain text "success".
@@class AlipayNotify
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
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)
@@include config
@@include verify

// AlipayNotifyStore records handled notifications.
// Production: a table with UNIQUE(trade_no, trade_status), Claim = INSERT that fails on a duplicate.
type AlipayNotifyStore interface {
	Claim(key string) (bool, error) // true the first time; false if already handled (or being handled)
	Release(key string) error       // gives a claim back when processing failed, so Alipay's next delivery retries
}

type memoryNotifyStore struct {
	mu      sync.Mutex
	handled map[string]bool
}

// NewMemoryNotifyStore is a single-process store for development and tests only.
func NewMemoryNotifyStore() AlipayNotifyStore { return &memoryNotifyStore{handled: map[string]bool{}} }

func (s *memoryNotifyStore) Claim(key string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handled[key] {
		return false, nil
	}
	s.handled[key] = true
	return true, nil
}

func (s *memoryNotifyStore) Release(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.handled, key)
	return nil
}

// Handle handles one notification (the decoded form fields) and returns the plain text to answer:
// "success" stops Alipay's re-sends (up to 24 h); "fail" makes it deliver again later.
// If fulfil fails, the claim is released and the error returned (answer HTTP 500: Alipay re-sends).
func (a *__CLASS__) Handle(form map[string]string, store AlipayNotifyStore, fulfil func(map[string]string) error) (string, error) {
	ok, err := a.Verify(form, form["sign"])
	if err != nil || !ok {
		return "fail", err
	}
	// notify_verify: Alipay confirms it really sent this notify_id (answers "true" for about a minute).
	gateway, err := a.gateway()
	if err != nil {
		return "fail", err
	}
	check := url.Values{"service": {"notify_verify"}, "partner": {a.Partner}, "notify_id": {form["notify_id"]}}
	client := &http.Client{Timeout: 15 * time.Second}
	response, err := client.Get(gateway + "?" + check.Encode())
	if err != nil {
		return "fail", err
	}
	defer response.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(response.Body, 64))
	if err != nil || strings.TrimSpace(string(answer)) != "true" {
		return "fail", err
	}
	// Alipay re-sends until it reads "success": handle each trade state once.
	key := form["trade_no"] + ":" + form["trade_status"]
	if claimed, err := store.Claim(key); err != nil || !claimed {
		if err != nil {
			return "fail", err
		}
		return "success", nil
	}
	// ${7:Check out_trade_no, total_fee and seller_id against your order before fulfilling it.}
	if err := fulfil(form); err != nil {
		if releaseErr := store.Release(key); releaseErr != nil {
			log.Printf("alipay notify: releasing %s: %v", key, releaseErr)
		}
		return "", err
	}
	return "success", nil
}

// Handler is the notify_url endpoint: mux.Handle("/alipay/notify", a.Handler(store, fulfil)).
func (a *__CLASS__) Handler(store AlipayNotifyStore, fulfil func(map[string]string) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "fail", http.StatusBadRequest)
			return
		}
		form := map[string]string{}
		for name, values := range r.PostForm {
			form[name] = values[0]
		}
		answer, err := a.Handle(form, store, fulfil)
		if err != nil {
			log.Printf("alipay notify %s: %v", form["notify_id"], err)
		}
		if answer == "" {
			http.Error(w, "fail", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, answer)
	}
}
$0
