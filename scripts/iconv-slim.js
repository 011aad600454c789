// esbuild plugin: bundle only the iconv-lite tables the gateway's charsets need.
// `_input_charset` is utf-8, gbk or gb2312 (shared/protocol.md); GBK/GB2312 use
// cp936 + gbk-added (gb18030-ranges kept for GB18030). The Japanese, Korean and
// Big5 tables and the generated single-byte data (~450 KB of the bundle) become
// empty: asking iconv-lite for those encodings yields nothing useful, and
// core/charset.ts never does.
'use strict';

const DROP_TABLES = /[\\/]iconv-lite[\\/]encodings[\\/]tables[\\/](shiftjis|eucjp|cp949|cp950|big5-added)\.json$/;
const DROP_SBCS = /[\\/]iconv-lite[\\/]encodings[\\/]sbcs-data-generated\.js$/;

module.exports = {
  name: 'iconv-slim',
  setup(build) {
    build.onLoad({ filter: DROP_TABLES }, () => ({ contents: '[]', loader: 'json' }));
    build.onLoad({ filter: DROP_SBCS }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
