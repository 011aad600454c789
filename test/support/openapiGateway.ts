// What the OpenAPI gateway answers when a signature fails, written here as the
// tests' oracle (not taken from src/): the text before the verify string in
// an isv.invalid-signature sub_msg, and how it builds that string.
import type { Param } from '../../src/core/params';

/** The sub_msg text that precedes the gateway's verify string. */
export const VERIFY_MARK = '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：';

/** The string the gateway verifies for the parameters it received: sorted, sign left out, empty values left out. */
export function gatewayVerifyString(ps: readonly Param[]): string {
  return ps
    .filter((p) => p.name !== 'sign' && p.value !== '')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((p) => `${p.name}=${p.value}`)
    .join('&');
}
