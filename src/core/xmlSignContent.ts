// The content a synchronous XML response (`<alipay><response><trade>…`) is
// signed over. INFERRED, no published vector (protocol.md): the only public
// implementation flattens the children of the business node (e.g. <trade>,
// <tradeBase>), drops empty ones, sorts by name and joins name=value with `&`
// — i.e. the request pre-sign rule applied to those children. Kept here, once,
// so the emulator (signing) and the response verifier agree and can change together.
import type { Param } from './params';
import { presignString } from './sign';

/** Marks the rule as inferred wherever it is shown to a person. */
export const XML_SIGN_RULE_INFERRED = true;

/** `fields`: the business node's children, as name/value pairs in document order. */
export function xmlSignContent(fields: readonly Param[]): string {
  return presignString(fields);
}
