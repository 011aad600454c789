#!/usr/bin/env python3
"""Regenerates test/fixtures/responses/ from the seeds and a TEST MD5 key.

    python3 scripts/gen-response-fixtures.py [path/to/shared/seeds]

Written in Python (hashlib, xml-free string building) so the fixtures' signatures
come from an implementation independent of src/core/sign.ts. The MD5 key below is
a test constant (also in test/unit/response.test.ts), never a real account's.
hostile_values.xml and billion_laughs.xml are hand-written and not regenerated.
"""
import hashlib
import os
import re
import sys
import urllib.parse

SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'seeds')
OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'responses')
KEY = '0123456789abcdefghijklmnopqrstuv'  # TEST ONLY


def seed(prefix):
    name = next(f for f in os.listdir(SEEDS) if f.startswith(prefix))
    return open(os.path.join(SEEDS, name), encoding='utf-8').read()


def write(name, data):
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(os.path.join(OUT, name), mode) as f:
        f.write(data)


def presign(pairs):
    kept = sorted((k, v) for k, v in pairs if v != '' and k.lower() not in ('sign', 'sign_type'))
    return '&'.join(f'{k}={v}' for k, v in kept)


s2, s3 = seed('002'), seed('003')
ok2, err2 = re.findall(r'<\?xml.*?</alipay>', s2, re.S)[:2]
write('seed002_send_goods_confirm.xml', ok2.replace('> <', '>\n<') + '\n')
write('seed002_error_trade_not_exist.xml', err2.replace('> <', '>\n<') + '\n')
write('seed003_single_trade_query.xml', re.search(r'<alipay>.*?</alipay>', s3, re.S).group(0) + '\n')
err3 = re.findall(r'<\?xml version="1.0" encoding="utf-8"\?>\s*<alipay>.*?</alipay>', s3, re.S)[-1]
write('seed003_error_illegal_sign.xml', err3 + '\n')

# A GBK response, signed by the inferred XML rule over GBK bytes.
trade = [('body', '贝尔金数据线'), ('buyer_email', 'buyer@example.com'), ('buyer_id', '2088122921745555'),
         ('gmt_create', '2017-06-15 16:25:31'), ('out_trade_no', 'GBK20170615001'), ('payment_type', '1'),
         ('price', '12.50'), ('quantity', '2'), ('seller_id', '2088721091300630'), ('subject', '测试商品（GBK）'),
         ('total_fee', '25.00'), ('trade_no', '2017061521001003550204235678'), ('trade_status', 'TRADE_SUCCESS'),
         ('use_coupon', 'F'), ('discount', '')]
sign = hashlib.md5((presign(trade) + KEY).encode('gbk')).hexdigest()
xml = ('<?xml version="1.0" encoding="GBK"?>\n<alipay>\n<is_success>T</is_success>\n<request>\n'
       '<param name="_input_charset">gbk</param>\n<param name="service">single_trade_query</param>\n'
       '<param name="partner">2088721091300630</param>\n<param name="out_trade_no">GBK20170615001</param>\n'
       '</request>\n<response>\n<trade>\n' + ''.join(f'<{k}>{v}</{k}>\n' for k, v in trade) +
       f'</trade>\n</response>\n<sign>{sign}</sign>\n<sign_type>MD5</sign_type>\n</alipay>\n')
write('gbk_single_trade_query.xml', xml.encode('gbk'))

# An asynchronous notification body (form-encoded, UTF-8), MD5.
n = [('discount', '0.00'), ('payment_type', '1'), ('subject', '测试 商品&符号'), ('trade_no', '2017061521001003550204235679'),
     ('buyer_email', 'buyer@example.com'), ('gmt_create', '2017-06-15 16:25:31'), ('notify_type', 'trade_status_sync'),
     ('quantity', '1'), ('out_trade_no', 'N20170615001'), ('seller_id', '2088721091300630'),
     ('notify_time', '2017-06-15 16:25:59'), ('body', '订单描述'), ('trade_status', 'TRADE_SUCCESS'),
     ('is_total_fee_adjust', 'N'), ('total_fee', '0.01'), ('gmt_payment', '2017-06-15 16:25:58'),
     ('seller_email', 'seller@example.com'), ('price', '0.01'), ('buyer_id', '2088122921745555'),
     ('notify_id', 'ac05099524730693a8b330c5ecf72da9786'), ('use_coupon', 'N')]
nsign = hashlib.md5((presign(n) + KEY).encode('utf-8')).hexdigest()
write('notify_trade_status_sync.txt', urllib.parse.urlencode(n + [('sign', nsign), ('sign_type', 'MD5')]) + '\n')

write('deep_nesting.xml', '<?xml version="1.0" encoding="utf-8"?>\n<alipay><is_success>T</is_success><response>'
      + '<a>' * 10000 + 'deep' + '</a>' * 10000 + '</response></alipay>\n')
