// The emulator's pages (cashier, trade detail, SNS actions, error page).
// Every value from a request is HTML-escaped; the pages carry no script.
import { Charset, encode } from '../core/charset';
import type { Text } from '../core/i18n';
import type { Trade } from './types';

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Both languages on one line: the emulator's pages are for developers of either. */
export function bi(t: Text): string {
  return `${htmlEscape(t.zh)} <span class="en">${htmlEscape(t.en)}</span>`;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}' +
  '.en{color:#666;font-size:.9em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}' +
  '.banner{background:#fff4ce;border:1px solid #e0c060;padding:.4em .8em}.err{color:#b00020}button{font-size:1em;padding:.4em 1.2em;margin-right:.6em}';

export function page(title: Text, bodyHtml: string, charset: Charset): Buffer {
  const decl = charset === 'utf-8' ? 'utf-8' : charset.toUpperCase();
  const html =
    `<!DOCTYPE html><html><head><meta charset="${decl}"><title>${htmlEscape(title.zh)} / ${htmlEscape(title.en)}</title><style>${STYLE}</style></head><body>` +
    `<p class="banner">${bi({ zh: '本地模拟网关（alipay-toolkit）——不会发生真实支付', en: 'Local gateway emulator (alipay-toolkit) — no real money moves' })}</p>` +
    `<h1>${bi(title)}</h1>${bodyHtml}</body></html>`;
  return encode(html, charset);
}

export function errorPage(code: string, meaning: Text | undefined, charset: Charset): Buffer {
  return page(
    { zh: '请求出错', en: 'Request error' },
    `<p class="err">${bi({ zh: '错误代码', en: 'Error code' })}: <code id="error-code">${htmlEscape(code)}</code></p>` + (meaning ? `<p>${bi(meaning)}</p>` : ''),
    charset,
  );
}

export function tradeTable(t: Trade): string {
  const rows: Array<[Text, string]> = [
    [{ zh: '商品名称', en: 'Subject' }, t.subject],
    [{ zh: '商品描述', en: 'Body' }, t.body],
    [{ zh: '金额（元）', en: 'Amount (CNY)' }, t.totalFee],
    [{ zh: '商户订单号', en: 'out_trade_no' }, t.outTradeNo],
    [{ zh: '支付宝交易号', en: 'trade_no' }, t.tradeNo],
    [{ zh: '卖家', en: 'Seller' }, `${t.sellerEmail} (${t.sellerId})`],
    [{ zh: '交易状态', en: 'Status' }, t.status],
  ];
  return `<table>${rows.map(([k, v]) => `<tr><th>${bi(k)}</th><td>${htmlEscape(v)}</td></tr>`).join('')}</table>`;
}

/** A form that POSTs hidden fields to an emulator route, with one button. */
export function actionForm(action: string, fields: Record<string, string>, label: Text, name = ''): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${htmlEscape(k)}" value="${htmlEscape(v)}">`)
    .join('');
  return `<form method="post" action="${htmlEscape(action)}" style="display:inline">${hidden}<button type="submit"${name ? ` name="${htmlEscape(name)}"` : ''}>${bi(label)}</button></form>`;
}
