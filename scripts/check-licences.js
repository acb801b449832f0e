#!/usr/bin/env node
/**
 * Licences of everything that ships (production dependencies and their dependencies, from
 * `npm ls --omit=dev --all --json`): each must be on the allow-list below, chosen to be compatible with
 * distributing the add-in under MIT. Prints the table with `--list`. Exit 1 names any package outside it.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const ALLOWED = new Set([
  "MIT",
  "MIT/X11",
  "Zlib",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "Unlicense",
  "CC0-1.0",
  "BlueOak-1.0.0",
  "Python-2.0",
  "CC-BY-4.0",
]);
/**
 * Reviewed one by one: world-countries' data is under the Open Database License (attribution; share-alike
 * applies to a derived database, which we do not publish); Office.js is Microsoft's library, licensed for
 * use in Office add-ins.
 */
const REVIEWED = new Map([
  ["world-countries", "ODbL-1.0"],
  ["@microsoft/office-js", "Microsoft Office JavaScript API library terms"],
  // Reached through exceljs > unzipper > binary. It declares no licence at all (package.json and README are
  // silent); its sibling packages by the same author are MIT/X11. Accepted and listed in the README.
  ["buffers", "none declared (reviewed: exceljs > unzipper > binary)"],
]);

const tree = JSON.parse(
  spawnSync("npm", ["ls", "--omit=dev", "--all", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 })
    .stdout,
);
const seen = new Map();
(function walk(deps) {
  for (const [name, info] of Object.entries(deps || {})) {
    // Optional dependencies that are not installed (node-fetch's "encoding") do not ship.
    if (seen.has(name) || !info || info.missing || !fs.existsSync(path.join(root, "node_modules", name))) continue;
    const dir = path.join(root, "node_modules", name);
    let licence = "UNKNOWN";
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      licence =
        typeof pkg.license === "string"
          ? pkg.license
          : (pkg.license && pkg.license.type) ||
            (Array.isArray(pkg.licenses) && pkg.licenses.map((l) => l.type || l).join(" OR ")) ||
            "UNKNOWN";
    } catch {
      /* a nested copy: its name is enough for the review */
    }
    seen.set(name, licence);
    walk(info.dependencies);
  }
})(tree.dependencies);

/** "(MIT AND Zlib)" needs every part allowed; "MIT OR GPL-3.0" needs one. */
const allowed = (licence) =>
  licence
    .replace(/[()]/g, "")
    .split(/\s+OR\s+/)
    .some((alt) => alt.split(/\s+AND\s+/).every((l) => ALLOWED.has(l.trim())));
const bad = [...seen].filter(([name, licence]) => !REVIEWED.has(name) && !allowed(licence));
if (process.argv.includes("--list"))
  for (const [n, l] of [...seen].sort()) process.stdout.write(`${n}\t${REVIEWED.get(n) || l}\n`);
if (bad.length) {
  process.stderr.write(
    `Licences outside the allow-list (review them, then add to REVIEWED with the reason):\n${bad.map(([n, l]) => `- ${n}: ${l}`).join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`${seen.size} shipped packages, all under allowed or reviewed licences\n`);
