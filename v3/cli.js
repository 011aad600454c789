#!/usr/bin/env node
"use strict";function i(e){for(let n=0;n<e.length;n++){let r=e[n];if(r==="--lang")n++;else if(!r.startsWith("--lang="))return r}}var t=i(process.argv.slice(2))==="scan"?require("./cli-scan.js"):require("./cli-main.js");t.run();
