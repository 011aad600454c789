// A minimal stand-in for the MAPI gateway, used by the snippet tests until the
// emulator (src/emulator) is in the tree: notify_verify, single_trade_query and
// send_goods_confirm_by_platform on 127.0.0.1, with request signatures checked
// and answers signed by the core (MD5 key, or "Alipay's" test RSA key).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Param, getParam, parseQuery, serializeQuery } from '../../src/core/params';
import { signContent, presignString, verifyParams } from '../../src/core/sign';
import type { Notification, SnippetSignType, TestGateway } from './gateway';

const KEYS = path.join(__dirname, '..', 'fixtures', 'keys');
const key = (f: string) => path.join(KEYS, f);

interface Trade {
  tradeNo: string;
  outTradeNo: string;
  status: string;
  totalFee: string;
  subject: string;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startFixtureGateway(): Promise<TestGateway> {
  const partner = '2088101122136241';
  const md5Key = crypto.randomBytes(16).toString('hex');
  const merchantPublic = fs.readFileSync(key('rsa1024-public.pem'), 'utf8');
  const alipayPrivate = fs.readFileSync(key('alipay-side-rsa2048-private.pem'), 'utf8');
  const trades = new Map<string, Trade>();
  const notifyIds = new Set<string>();
  let serial = 0;

  const signAnswer = (fields: Param[], signType: SnippetSignType) =>
    signContent(presignString(fields), signType, signType === 'MD5' ? { md5Key } : { privateKey: alipayPrivate }, 'utf-8');

  const xmlAnswer = (node: string, fields: Param[], signType: SnippetSignType) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<alipay>\n<is_success>T</is_success>\n<request>\n` +
    `<param name="_input_charset">utf-8</param>\n</request>\n<response>\n<${node}>\n` +
    fields.map((f) => `<${f.name}>${xmlEscape(f.value)}</${f.name}>\n`).join('') +
    `</${node}>\n</response>\n<sign>${signAnswer(fields, signType)}</sign>\n<sign_type>${signType}</sign_type>\n</alipay>`;
  const xmlError = (code: string) => `<?xml version="1.0" encoding="utf-8"?>\n<alipay>\n<is_success>F</is_success>\n<error>${code}</error>\n</alipay>`;

  const tradeFields = (t: Trade): Param[] => [
    { name: 'body', value: '' },
    { name: 'buyer_email', value: 'buyer@example.com' },
    { name: 'out_trade_no', value: t.outTradeNo },
    { name: 'seller_id', value: partner },
    { name: 'subject', value: t.subject },
    { name: 'total_fee', value: t.totalFee },
    { name: 'trade_no', value: t.tradeNo },
    { name: 'trade_status', value: t.status },
  ];

  const answer = (query: string): string => {
    const { params } = parseQuery(query);
    const service = getParam(params, 'service');
    if (service === 'notify_verify') return notifyIds.has(getParam(params, 'notify_id') ?? '') ? 'true' : 'false';
    const signType = getParam(params, 'sign_type') as SnippetSignType;
    if (signType !== 'MD5' && signType !== 'RSA') return xmlError('ILLEGAL_SIGN_TYPE');
    if (getParam(params, 'partner') !== partner) return xmlError('ILLEGAL_PARTNER');
    if (!verifyParams(params, signType, signType === 'MD5' ? { md5Key } : { publicKey: merchantPublic }, 'utf-8').valid) return xmlError('ILLEGAL_SIGN');
    const tradeNo = getParam(params, 'trade_no');
    const outTradeNo = getParam(params, 'out_trade_no');
    const trade = [...trades.values()].find((t) => (tradeNo ? t.tradeNo === tradeNo : t.outTradeNo === outTradeNo));
    if (service === 'single_trade_query') return trade ? xmlAnswer('trade', tradeFields(trade), signType) : xmlError('TRADE_NOT_EXIST');
    if (service === 'send_goods_confirm_by_platform') {
      if (!trade) return xmlError('TRADE_NOT_EXIST');
      if (trade.status !== 'WAIT_SELLER_SEND_GOODS') return xmlError('TRADE_STATUS_NOT_AVAILD');
      trade.status = 'WAIT_BUYER_CONFIRM_GOODS';
      return xmlAnswer('tradeBase', tradeFields(trade), signType);
    }
    return xmlError('ILLEGAL_SERVICE');
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: string;
    try {
      body = url.pathname === '/gateway.do' ? answer(url.search) : xmlError('ILLEGAL_SERVICE');
    } catch {
      body = xmlError('ILLEGAL_ARGUMENT');
    }
    res.writeHead(200, { 'content-type': `${body.startsWith('<') ? 'text/xml' : 'text/plain'}; charset=utf-8` });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway.do`;

  const newTrade = (status: string): Trade => {
    serial++;
    const t = { tradeNo: `2026112321${String(serial).padStart(10, '0')}`, outTradeNo: `ORDER-${serial}`, status, totalFee: '12.30', subject: '测试 & <订单>' };
    trades.set(t.tradeNo, t);
    return t;
  };

  return {
    kind: 'fixture',
    url,
    partner,
    env: (signType) =>
      signType === 'MD5'
        ? { ALIPAY_MD5_KEY: md5Key }
        : { ALIPAY_PRIVATE_KEY_FILE: key('rsa1024-pkcs8.base64.txt'), ALIPAY_PUBLIC_KEY_FILE: key('alipay-side-rsa2048-public.pem') },
    async paidTrade() {
      const t = newTrade('WAIT_SELLER_SEND_GOODS');
      return { tradeNo: t.tradeNo, outTradeNo: t.outTradeNo };
    },
    async notification(signType): Promise<Notification> {
      const t = newTrade('TRADE_SUCCESS');
      const notifyId = crypto.randomBytes(12).toString('hex');
      notifyIds.add(notifyId);
      const fields: Param[] = [
        { name: 'notify_time', value: '2026-11-23 21:30:00' },
        { name: 'notify_type', value: 'trade_status_sync' },
        { name: 'notify_id', value: notifyId },
        { name: 'out_trade_no', value: t.outTradeNo },
        { name: 'trade_no', value: t.tradeNo },
        { name: 'subject', value: t.subject },
        { name: 'trade_status', value: t.status },
        { name: 'total_fee', value: t.totalFee },
        { name: 'seller_id', value: partner },
        { name: 'gmt_payment', value: '2026-11-23 21:29:58' },
      ];
      const signed = [...fields, { name: 'sign_type', value: signType }, { name: 'sign', value: signAnswer(fields, signType) }];
      const tampered = signed.map((p) => (p.name === 'total_fee' ? { ...p, value: '0.01' } : p));
      return { body: serializeQuery(signed, 'utf-8'), tampered: serializeQuery(tampered, 'utf-8') };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
