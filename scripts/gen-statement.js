// Generates an account.page.query (account statement) response with N rows
// (default 2,500 ≈ 1.5 MB), deterministic, for tests and bench/decode.js.
//
//   node scripts/gen-statement.js [rows] [outfile]   (stdout when no outfile)
'use strict';

const fs = require('fs');

const TITLES = ['在线支付', '转账', '提现', '充值', '退款'];
const TYPES = ['PRIVATE_ACCOUNT', 'CORPORATE_ACCOUNT'];

/** The statement XML text. Row i: income/outcome alternate, balances run up, dates step by a minute. */
function statementXml(rows = 2500) {
  const parts = [];
  let balance = 100000;
  const start = Date.UTC(2024, 0, 1, 8, 0, 0);
  for (let i = 0; i < rows; i++) {
    const income = i % 3 === 2 ? 0 : ((i * 37) % 10000) / 100 + 0.01;
    const outcome = i % 3 === 2 ? ((i * 53) % 5000) / 100 + 0.01 : 0;
    balance = balance + income - outcome;
    const d = new Date(start + i * 60000).toISOString().replace('T', ' ').slice(0, 19);
    parts.push(
      '<AccountQueryAccountLogVO>' +
        `<balance>${balance.toFixed(2)}</balance>` +
        `<buyer_account>2088${String(100000000000 + i).padStart(12, '0')}0156</buyer_account>` +
        '<currency>156</currency>' +
        `<goods_title>商品 ${i + 1}</goods_title>` +
        `<income>${income.toFixed(2)}</income>` +
        `<iw_account_log_id>${String(300000000000 + i)}</iw_account_log_id>` +
        `<merchant_out_order_no>ORDER${String(i + 1).padStart(8, '0')}</merchant_out_order_no>` +
        `<outcome>${outcome.toFixed(2)}</outcome>` +
        '<partner_id>2088721091300630</partner_id>' +
        `<seller_account>20887210913006300156</seller_account>` +
        `<seller_type>${TYPES[i % 2]}</seller_type>` +
        '<service_fee>0.00</service_fee>' +
        `<trade_no>2024010122001${String(4000000000000 + i)}</trade_no>` +
        `<trans_code_msg>${TITLES[i % TITLES.length]}</trans_code_msg>` +
        `<trans_date>${d}</trans_date>` +
        '</AccountQueryAccountLogVO>\n',
    );
  }
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<alipay>\n<is_success>T</is_success>\n<request>\n' +
    '<param name="_input_charset">utf-8</param>\n<param name="service">account.page.query</param>\n' +
    '<param name="partner">2088721091300630</param>\n<param name="page_no">1</param>\n' +
    '<param name="gmt_start_time">2024-01-01 00:00:00</param>\n<param name="gmt_end_time">2024-01-03 00:00:00</param>\n' +
    '</request>\n<response>\n<account_page_query_result>\n<account_log_list>\n' +
    parts.join('') +
    '</account_log_list>\n<has_next_page>F</has_next_page>\n<page_no>1</page_no>\n' +
    `<page_size>${rows}</page_size>\n</account_page_query_result>\n</response>\n` +
    '<sign>00000000000000000000000000000000</sign>\n<sign_type>MD5</sign_type>\n</alipay>\n'
  );
}

module.exports = { statementXml };

if (require.main === module) {
  const rows = Number(process.argv[2] || 2500);
  const xml = statementXml(rows);
  if (process.argv[3]) fs.writeFileSync(process.argv[3], xml);
  else process.stdout.write(xml);
}
