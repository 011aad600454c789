
export interface AlipayResult {
  /** is_success=T: the gateway processed the request (not that the business succeeded). */
  isSuccess: boolean;
  /** The error code when is_success=F (e.g. TRADE_NOT_EXIST, ILLEGAL_SIGN). */
  error?: string;
  /** The signed business fields (children of <response><trade> or <response><tradeBase>). */
  fields: Record<string, string>;
}

function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]);
}

/** The gateway's flat <alipay> XML: top-level text elements and the business node's children. */
function parseAlipayXml(xml: string): { top: Record<string, string>; fields: Record<string, string> } {
  const text = (tag: string) => {
    const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml.replace(/<request>[\s\S]*?<\/request>|<response>[\s\S]*<\/response>/g, ''));
    return m ? xmlUnescape(m[1].trim()) : '';
  };
  const fields: Record<string, string> = {};
  const node = /<response>\s*<(\w+)>([\s\S]*?)<\/\1>\s*<\/response>/.exec(xml);
  for (const m of node ? node[2].matchAll(/<(\w+)>([^<]*)<\/\1>|<(\w+)\s*\/>/g) : []) {
    fields[m[1] ?? m[3]] = xmlUnescape(m[2] ?? '');
  }
  return { top: { is_success: text('is_success'), error: text('error'), sign: text('sign'), sign_type: text('sign_type') }, fields };
}

/** Calls the gateway and checks the answer's signature (rule inferred from Alipay's own SDK: business fields signed like a request). */
async function alipayCall(service: string, business: Record<string, string>): Promise<AlipayResult> {
  const res = await fetch(alipayRequestUrl(service, business), { signal: AbortSignal.timeout(15000) });
  if (!res.ok) throw new Error(`Alipay gateway answered HTTP ${res.status}`);
  const { top, fields } = parseAlipayXml(await res.text());
  if (top.is_success !== 'T') return { isSuccess: false, error: top.error || 'UNKNOWN', fields };
  if (!alipayVerify({ ...fields, sign_type: top.sign_type }, top.sign)) {
    throw new Error(`${service}: the response signature does not verify; do not trust it`);
  }
  return { isSuccess: true, fields };
}
