#!/usr/bin/env node
// Thin launcher: the command line is compiled by `npm run build:cli` into build/cli.
"use strict";
const entry = require("path").join(__dirname, "..", "build", "cli", "src", "cli", "main.js");
let main;
try {
  main = require(entry).main;
} catch (err) {
  // Only the entry point itself missing means "not built"; a module missing inside the build is a real error.
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(entry)) {
    process.stderr.write("iccwc-plan is not built yet: run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
