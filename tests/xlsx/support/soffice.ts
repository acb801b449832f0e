/**
 * LibreOffice headless, as the proof by a real spreadsheet program. Each call gets a fresh user
 * profile (-env:UserInstallation) so parallel runs do not collide, and its own output folder.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export async function convertWithSoffice(
  input: string,
  filter: string,
): Promise<{ outDir: string; files: string[]; log: string }> {
  const id = randomBytes(6).toString("hex");
  const profile = path.join(os.tmpdir(), `lo-${id}`);
  const outDir = path.join(os.tmpdir(), `lo-out-${id}`);
  await fs.mkdir(outDir, { recursive: true });
  const log = await new Promise<string>((resolve, reject) => {
    execFile(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        input,
      ],
      { timeout: 90_000 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve(`${stdout}${stderr}`),
    );
  });
  await fs.rm(profile, { recursive: true, force: true });
  const files = (await fs.readdir(outDir)).map((f) => path.join(outDir, f));
  return { outDir, files, log };
}

/** Minimal RFC 4180 parse of LibreOffice's CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CSV LibreOffice wrote for one sheet of `base`.xlsx. */
export async function sheetCsv(files: string[], base: string, sheet: string): Promise<string[][]> {
  const file =
    files.find((f) => path.basename(f) === `${base}-${sheet}.csv`) ??
    files.find((f) => path.basename(f) === `${base}.csv`);
  if (!file) throw new Error(`LibreOffice wrote no CSV for sheet ${sheet}: ${files.join(", ")}`);
  return parseCsv(await fs.readFile(file, "utf8"));
}
