@@name Alipay: handle the async notification (notify_url)
@@prefix alipay-notify
@@description Alipay MAPI notify_url handler: verifies the signature (MD5 key, or Alipay's RSA public key), confirms with notify_verify, processes each trade_no + trade_status once, answers plain text "success".
---
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

@@include config
@@include verify

/** Records handled notifications. Production: a table with UNIQUE(trade_no, trade_status), claim = INSERT that fails on a duplicate. */
export interface AlipayNotifyStore {
  /** True the first time `key` is claimed; false if it was already handled (or is being handled). */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back when processing failed, so Alipay's next delivery retries it. */
  release(key: string): Promise<void>;
}

/** Single-process store for development and tests only. */
export function memoryNotifyStore(): AlipayNotifyStore {
  const handled = new Set<string>();
  return {
    async claim(key) {
      if (handled.has(key)) return false;
      handled.add(key);
      return true;
    },
    async release(key) {
      handled.delete(key);
    },
  };
}

/**
 * Handles one POSTed notification (`form`: the decoded form fields) and returns the plain text to answer:
 * 'success' stops Alipay's re-sends (up to 24 h); 'fail' makes it deliver again later. If `fulfil`
 * throws, the claim is released and the error propagates (answer HTTP 500: Alipay re-sends).
 * Express: `res.type('text/plain').send(await handleAlipayNotify(req.body, store, fulfilOrder))`.
 */
export async function handleAlipayNotify(
  form: Record<string, string>,
  store: AlipayNotifyStore,
  fulfil: (notification: Record<string, string>) => Promise<void>,
): Promise<'success' | 'fail'> {
  if (!alipayVerify(form)) return 'fail';
  // notify_verify: Alipay confirms it really sent this notify_id (answers "true" for about a minute).
  const check = new URLSearchParams({ service: 'notify_verify', partner: ALIPAY_PARTNER, notify_id: form.notify_id ?? '' });
  const answer = await fetch(`${alipayGateway()}?${check}`, { signal: AbortSignal.timeout(15000) });
  if ((await answer.text()).trim() !== 'true') return 'fail';
  // Alipay re-sends until it reads "success": handle each trade state once.
  const key = `${form.trade_no}:${form.trade_status}`;
  if (!(await store.claim(key))) return 'success';
  try {
    // ${7:Check out_trade_no, total_fee and seller_id against your order before fulfilling it.}
    await fulfil(form);
  } catch (e) {
    await store.release(key);
    throw e;
  }
  return 'success';
}
$0
