#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one command, ending with one plain line
 * `N passed, N failed[, N skipped]` that CI reads.
 *   checks: lint, typecheck, Prettier, offline manifest validation, `npm audit --omit=dev` (high and critical),
 *           the production build (the e2e tests drive it);
 *   tests:  Jest unit/golden/property/component tests, then the end-to-end tests in headless Chromium.
 * Each check counts as one test; each Jest test counts as itself. Exit code 0 only when nothing failed.
 * Options: --no-e2e (skip the browser tests, reported as skipped), --no-audit (offline machines).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const args = new Set(process.argv.slice(2));
const artifacts = path.join(root, "test-artifacts");
fs.mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(cmd, cmdArgs, extraEnv = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return r.status === 0;
}

function check(name, cmd, cmdArgs) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${cmdArgs.join(" ")}\n`);
  const ok = run(cmd, cmdArgs);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? "ok  " : "FAIL"} ${name}`);
  return ok;
}

function jest(name, config) {
  const out = path.join(artifacts, `${name}.json`);
  fs.rmSync(out, { force: true });
  process.stdout.write(`\n=== ${name} tests\n`);
  const ok = run(process.execPath, [
    require.resolve("jest/bin/jest"),
    "--config",
    config,
    "--json",
    `--outputFile=${out}`,
    "--ci",
  ]);
  if (!fs.existsSync(out)) {
    failed++;
    lines.push(`FAIL ${name}: jest produced no result file`);
    return;
  }
  const res = JSON.parse(fs.readFileSync(out, "utf8"));
  passed += res.numPassedTests;
  failed += res.numFailedTests + (res.numRuntimeErrorTestSuites || 0);
  skipped += res.numPendingTests + (res.numTodoTests || 0);
  lines.push(
    `${ok && res.success ? "ok  " : "FAIL"} ${name}: ${res.numPassedTests} passed, ${res.numFailedTests} failed, ${res.numPendingTests} skipped` +
      (res.numRuntimeErrorTestSuites ? `, ${res.numRuntimeErrorTestSuites} suites failed to run` : ""),
  );
  if (res.numTotalTests === 0) {
    failed++;
    lines.push(`FAIL ${name}: no test ran`);
  }
}

/**
 * `npm audit --omit=dev`: fails on any high or critical advisory in what ships. When the registry has no
 * audit endpoint (this workplace's registry answers 405), there is nothing to judge: the check is counted
 * as skipped, with the registry's answer, never as passed.
 */
function audit() {
  process.stdout.write("\n=== audit (shipped dependencies): npm audit --omit=dev --json\n");
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8" });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = null;
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (!counts) {
    const why =
      (report && (report.message || (report.error && report.error.summary))) ||
      (r.stderr || "").trim().split("\n")[0] ||
      "no answer";
    process.stdout.write(`npm audit could not run: ${why}\n`);
    lines.push(`skip audit: the registry gave no advisories (${why})`);
    skipped++;
    return;
  }
  const bad = (counts.high || 0) + (counts.critical || 0);
  process.stdout.write(`advisories in shipped dependencies: ${JSON.stringify(counts)}\n`);
  if (bad === 0) passed++;
  else failed++;
  lines.push(
    `${bad === 0 ? "ok  " : "FAIL"} audit: ${counts.high || 0} high, ${counts.critical || 0} critical in shipped dependencies`,
  );
}

check("lint", "npx", ["eslint", "."]);
check("typecheck", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
check("format (Prettier)", "npx", ["prettier", "--check", "."]);
check("manifest", process.execPath, ["scripts/validate-manifest.js", "manifest.xml"]);
if (!args.has("--no-audit")) audit();
check("licences (shipped dependencies)", process.execPath, ["scripts/check-licences.js"]);
const built = check("build", "npm", ["run", "build"]);
jest("unit", "jest.config.js");
if (args.has("--no-e2e")) {
  lines.push("skip e2e (--no-e2e)");
  skipped++;
} else if (built) {
  jest("e2e", "jest.e2e.config.js");
} else {
  lines.push("FAIL e2e: not run, the build failed");
  failed++;
}

process.stdout.write(`\n${lines.join("\n")}\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(failed === 0 ? 0 : 1);
