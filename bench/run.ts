/**
 * `npm run bench`: runs every bench module in this folder (each exports `run(): Promise<BenchResult[]>`)
 * and prints its figures. Figures and ratios only: nothing here passes or fails.
 * `npm run bench -- parse validate` runs only the modules named.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BenchResult } from "./types";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const here = __dirname;
  const modules = fs
    .readdirSync(here)
    .filter((f) => f.endsWith(".js") && !["run.js", "types.js"].includes(f))
    .map((f) => f.replace(/\.js$/, ""))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  process.stdout.write(`Benchmarks on ${os.cpus().length} cores, Node ${process.version}\n`);
  for (const name of modules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(here, name)) as { run?: () => Promise<BenchResult[]> };
    if (typeof mod.run !== "function") continue;
    process.stdout.write(`\n## ${name}\n`);
    try {
      for (const r of await mod.run()) {
        const figures = Object.entries(r.figures)
          .map(([k, v]) => `${k}: ${typeof v === "number" ? format(v) : v}`)
          .join(" | ");
        process.stdout.write(`- ${r.name}: ${figures}\n`);
      }
    } catch (err) {
      process.stdout.write(`- failed: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}

function format(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

void main();
