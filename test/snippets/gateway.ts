// What the notification, query and send-goods snippet tests run against: the
// local gateway emulator (src/emulator) when it is in the tree, else the small
// fixture gateway in ./fixture-gateway.ts. Both sign their answers with the
// core's signing functions, so a snippet that checks them checks the real rule.

export type SnippetSignType = 'MD5' | 'RSA';

export interface Notification {
  /** The form body exactly as POSTed to notify_url. */
  body: string;
  /** The same notification with total_fee changed and the old signature kept. */
  tampered: string;
}

export interface TestGateway {
  readonly kind: 'emulator' | 'fixture';
  /** http://127.0.0.1:PORT/gateway.do */
  readonly url: string;
  readonly partner: string;
  /** Environment for a snippet: the MD5 key / key file paths, under the snippets' default variable names. */
  env(signType: SnippetSignType): Record<string, string>;
  /** A paid escrow trade (WAIT_SELLER_SEND_GOODS) created with `signType`. */
  paidTrade(signType: SnippetSignType): Promise<{ tradeNo: string; outTradeNo: string }>;
  /** A fresh notification about a paid trade, signed like the gateway signs them. */
  notification(signType: SnippetSignType): Promise<Notification>;
  close(): Promise<void>;
}
