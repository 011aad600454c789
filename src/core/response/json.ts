// The JSON shape of a decoded response: what `alipay-toolkit decode --json`
// prints and the preview's "Copy as JSON" copies (one shape, documented in
// README "Decoding responses"). The raw text is left out: the caller has it.
import type { ResponseModel } from './model';

export type ResponseJson = Omit<ResponseModel, 'raw'> & { version: 1 };

export function responseToJson(model: ResponseModel): ResponseJson {
  const { raw: _raw, ...rest } = model;
  return { version: 1, ...rest };
}
