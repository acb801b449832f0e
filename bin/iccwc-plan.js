#!/usr/bin/env node
// Thin launcher: the command line is compiled by `npm run build:cli` into build/cli.
"use strict";
let main;
try {
  main = require("../build/cli/src/cli/main.js").main;
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("iccwc-plan is not built yet: run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
