// What a signature was checked as, in one line with where each decision came
// from (core/resolve's evidence): "RSA2 (from sign_type) · UTF-8 (from charset) ·
// OpenAPI return URL". The hover's sign check and the doctor (CLI verify, the
// editor's Verify Signature) show it, so a wrong default is visible where the
// verdict is. Written once here; front ends only escape and place it.
import type { Text } from './i18n';
import { VARIANTS } from './protocol';
import type { ProtocolContext } from './resolve';

/** The resolver's decisions the summary needs (a ProtocolContext has them all). */
export type ContextEvidence = Pick<ProtocolContext, 'variant' | 'signType' | 'charset'> & Partial<Pick<ProtocolContext, 'gatewayCharset' | 'signer'>>;

export interface SummaryOptions {
  /**
   * Also say what the gateway reads when it differs from the bytes signed
   * (a merchant's request without `_input_charset`: signed as UTF-8, read as GBK).
   * The doctor shows it; the hover stays compact.
   */
  full?: boolean;
}

/** Sign type, charset (each with its evidence) and the variant, in English and Chinese. */
export function contextSummary(ctx: ContextEvidence, options: SummaryOptions = {}): Text {
  const cs = ctx.charset.value.toUpperCase();
  const label = VARIANTS[ctx.variant.value].label;
  const parts = {
    en: [`${ctx.signType.value} (${ctx.signType.from.en})`, `${cs} (${ctx.charset.from.en})`, label.en],
    zh: [`${ctx.signType.value}（${ctx.signType.from.zh}）`, `${cs}（${ctx.charset.from.zh}）`, label.zh],
  };
  const gw = ctx.gatewayCharset;
  if (options.full && gw && ctx.signer?.value === 'merchant' && gw.value !== ctx.charset.value) {
    const read = gw.value.toUpperCase();
    // "gateway default GBK (…)" says it already; a bare "declared" needs the charset named.
    const says = gw.from.en.includes(read);
    parts.en.push(says ? gw.from.en : `the gateway reads ${read} (${gw.from.en})`);
    parts.zh.push(says ? gw.from.zh : `网关按 ${read} 读取（${gw.from.zh}）`);
  }
  return { en: parts.en.join(' · '), zh: parts.zh.join(' · ') };
}
