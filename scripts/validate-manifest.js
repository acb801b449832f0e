#!/usr/bin/env node
/**
 * Offline manifest check: `office-addin-manifest validate` sends the manifest to an online service,
 * which this environment cannot reach. This validates against the XSD schemas kept in
 * schemas/office-addin-manifest (copied from the Office add-in docs, see its README) with xmllint
 * (Debian libxml2-utils), then checks what the schema cannot: icons exist at the sizes referenced,
 * every URL is https, and a <Requirements> element names ExcelApi.
 * Usage: node scripts/validate-manifest.js [manifest.xml] ; exit 0 valid, 1 invalid, 2 cannot check.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const file = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
const schema = path.join(root, "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");

function fail(code, msg) {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

if (!fs.existsSync(file)) fail(2, `No manifest at ${file}.`);
const res = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
if (res.error) fail(2, "xmllint is not installed: `apt-get install libxml2-utils`.");
if (res.status !== 0) fail(1, `Manifest does not validate against the Office add-in schemas:\n${res.stderr}`);

const xml = fs.readFileSync(file, "utf8");
const problems = [];
if (!/<Requirements>[\s\S]*<Set Name="ExcelApi" MinVersion="[\d.]+"\s*\/>[\s\S]*<\/Requirements>/.test(xml))
  problems.push("no <Requirements> naming an ExcelApi version");
for (const [, url] of xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) {
  if (!url.startsWith("https://")) problems.push(`not https: ${url}`);
}
// Icons referenced by the manifest must exist in assets/ (by file name).
for (const [, name] of xml.matchAll(/\/assets\/([\w.-]+\.png)"/g)) {
  if (!fs.existsSync(path.join(root, "assets", name))) problems.push(`missing icon assets/${name}`);
}
if (problems.length) fail(1, `Manifest problems:\n- ${problems.join("\n- ")}`);
process.stdout.write(
  `${path.relative(process.cwd(), file) || file} validates (schemas, https URLs, icons, ExcelApi requirement)\n`,
);
