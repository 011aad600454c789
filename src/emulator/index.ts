// Local MAPI gateway emulator: public API (no vscode import; used by the CLI,
// the VS Code front end, tests and the benchmark).
//
//   const gw = await startGateway({ port: 0 });            // keys created in ~/.alipay-toolkit/emulator/
//   gw.url            'http://127.0.0.1:PORT/gateway.do'  (the gateway URL for a "Local" profile)
//   gw.origin         'http://127.0.0.1:PORT'
//   gw.merchants[0]   { partner, sellerEmail, signTypes, keyFiles: { md5Key?, merchantPrivateKey?,
//                       merchantPublicKey?, alipayPublicKey? } }  — file paths only, never key contents
//   gw.keyDir         folder holding the generated keys and gateway.json (undefined with an inline config)
//   gw.trades() / gw.trade(tradeNo) / gw.notifications()   snapshots of the state
//   gw.pay(tradeNo)                 what the cashier's Pay button does; returns the signed return URL
//   gw.confirmReceipt(tradeNo)      the buyer's "confirm receipt" (escrow → TRADE_FINISHED)
//   gw.resendNotification(notifyId) one more delivery attempt now
//   gw.sendTamperedNotification(notifyId, 'amount' | 'sign')  a deliberately forged copy
//   gw.onDidChange(listener)        called after every change of trades/notifications; returns { dispose() }
//   gw.idle()                       resolves when deliveries in flight and state writes are done
//   await gw.close()                stops listening, cancels retries, flushes state
//
// Options (all optional): port (0 = any), host (127.0.0.1), config (file path or GatewayConfig
// object), keyDir (where to create/reuse keys when no config), stateFile (persist every change),
// logger (LogEntry callback: never carries keys; `sign` redacted), notifySchedule (retry delays in ms),
// notifyTimeoutMs, now (clock, ms), maxBodyBytes.
//
// HTTP: /gateway.do (GET, POST) and /__emulator/… (cashier, trade pages, admin API:
// GET /__emulator/api/state, POST /__emulator/api/notifications/<notify_id>/resend,
// POST /__emulator/api/notifications/<notify_id>/tamper?mode=amount|sign,
// POST /__emulator/api/trades/<trade_no>/pay | /confirm; for notify-test: POST /__emulator/api/notify-ids?partner=…
// issues a notify_id valid for a minute, GET /__emulator/api/notify-verify-calls lists the notify_verify calls).
//
// notify-test: runNotifyBattery(options) → Scorecard, scorecardLines(card, lang); FAMILIES holds what differs per family.
export { startGateway } from './server';
export type { GatewayOptions, RunningGateway, MerchantSummary } from './server';
export type { GatewayConfig, MerchantConfig } from './config';
export type { Trade, TradeStatus, NotificationRecord, NotifyAttempt } from './types';
export type { LogEntry } from './log';
export { formatLogEntry } from './log';
export { runNotifyBattery, scorecardLines, BatteryInputError, FAMILIES } from './notifyBattery';
export type { BatteryOptions, Scorecard, CaseResult, Verdict, FamilySpec } from './notifyBattery';
export { ensureKeyDir, defaultKeyDir } from './config';
