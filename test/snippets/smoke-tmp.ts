import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LANGUAGES, prepareLanguage } from '/work/main/test/snippets/languages';
async function main() {
  const only = process.argv[2];
  for (const lang of LANGUAGES) {
    if (only && lang !== only) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `snip-${lang}-`));
    const t0 = Date.now();
    try {
      const p = prepareLanguage(lang, dir, [{ id: 'vec', values: { 1: '1000000000000000' } }, { id: 'rsa', values: { 2: 'RSA' } }]);
      const t1 = Date.now();
      const out = await p.task('vec', 'sign', ['service=test&partner=123', 'notify_id=1234&sign_type=MD5'], { ALIPAY_MD5_KEY: '10000000000000000000000000000000' });
      const out2 = await p.task('rsa', 'sign', ['service=test&partner=123'], { ALIPAY_PRIVATE_KEY_FILE: '/work/shared/vectors/keys/ruby-gem-test-rsa1024-pkcs8.pem' });
      const out3 = await p.task('vec', 'url', ['service=refund_fastpay_by_platform_pwd&seller_user_id=1000000000000000&refund_date=2015-01-01 00:00:00&batch_num=1&detail_data=1^0.01^test&batch_no=123456789&notify_url=/some_url'], { ALIPAY_MD5_KEY: '10000000000000000000000000000000' });
      console.log(lang, 'compile', t1 - t0, 'ms', out, out2, out3);
    } catch (e) { console.log(lang, 'FAILED', (e as Error).message); }
  }
}
void main();
