// Asynchronous notification bodies (form POST to notify_url) and return URLs
// (GET redirect to return_url) → ResponseModel. Parsing is core/params'.
import type { Charset } from '../charset';
import { localize, Text } from '../i18n';
import { parseInput } from '../params';
import { isSignatureParam, VARIANTS } from '../protocol';
import { enumMeaning, errorView, labelField, ResponseModel, TEXTS } from './model';
import { verifyMessage, VerifyKeys } from './signature';

const DONE = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);
const FAILED = new Set(['TRADE_CLOSED', 'TRADE_CANCEL', 'TRADE_REFUSE']);

export function fromForm(text: string, keys: VerifyKeys, charsetOverride?: Charset, undeclared?: Charset): ResponseModel {
  // core/params decodes in the declared charset (_input_charset, else OpenAPI's charset), as the resolver reads it, else `undeclared`.
  const parsed = parseInput(text, { charset: charsetOverride, charsetFor: undeclared && (() => undeclared) });
  const returnUrl = parsed.kind === 'url';
  const params = parsed.params;
  const fields = params.filter((p) => !isSignatureParam(p.name)).map((p) => labelField(p.name, p.value));
  const signature = verifyMessage({ params, returnUrl, charset: parsed.charset, keys, variant: parsed.kind === 'order' ? 'securitypay.order' : undefined });

  const tradeStatus = params.find((p) => p.name === 'trade_status')?.value;
  const isSuccess = params.find((p) => p.name === 'is_success')?.value;
  let success: boolean | undefined;
  if (tradeStatus && DONE.has(tradeStatus)) success = true;
  else if (tradeStatus && FAILED.has(tradeStatus)) success = false;
  else if (isSuccess === 'T') success = true;
  else if (isSuccess === 'F') success = false;

  const statusText: Text | undefined = tradeStatus
    ? (() => {
        const m = enumMeaning('trade_status', tradeStatus)?.meaning;
        return { en: m ? `${tradeStatus} (${m.en})` : tradeStatus, zh: m ? `${tradeStatus}（${m.zh}）` : tradeStatus };
      })()
    : undefined;
  // The resolver's variant says who signed it: a merchant's request pasted here is named as one.
  const variant = VARIANTS[signature.variant];
  const requestLabel = variant.signer === 'merchant' ? variant.label : undefined;
  const titleT = returnUrl ? TEXTS.returnTitle : TEXTS.notifyTitle;
  const title: Text =
    requestLabel ??
    (statusText
      ? { en: localize(titleT, 'en', { status: statusText.en }), zh: localize(titleT, 'zh', { status: statusText.zh }) }
      : returnUrl
        ? TEXTS.returnNoStatus
        : TEXTS.notifyNoStatus);
  // Some return URLs and OpenAPI notifications carry an error code.
  const errCode = params.find((p) => p.name === 'error_code' || p.name === 'sub_code')?.value;

  return {
    kind: returnUrl ? 'returnUrl' : 'notification',
    ...(requestLabel ? { kindLabel: requestLabel } : {}),
    success,
    status: { success, title, detail: requestLabel ? TEXTS.requestDetail : returnUrl ? TEXTS.returnDetail : TEXTS.notifyDetail },
    error: errCode ? errorView(errCode) : undefined,
    service: params.find((p) => p.name === 'service' || p.name === 'method')?.value,
    charset: parsed.charset,
    request: [],
    fields,
    tables: [],
    signature,
    raw: text,
  };
}
