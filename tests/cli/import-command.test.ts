/**
 * `iccwc-plan import`: preview, append into a plan, and the options a person needs for a tracker the
 * import cannot read alone: --date-order, --map and --mapping-file.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { AMBIGUOUS_DATES_ROWS } from "../fixtures/import/ambiguous-dates";
import { buildTrackerXlsx } from "../fixtures/import/xlsx-tracker";
import { cli, tempDir } from "./run-cli";

async function writeRows(file: string, sheet: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

describe("iccwc-plan import", () => {
  it("previews a tracker as JSON and leaves the source file as it was", async () => {
    const dir = await tempDir();
    const src = path.join(dir, "tracker.xlsx");
    await fs.writeFile(src, await buildTrackerXlsx());
    const before = await fs.readFile(src);
    const r = await cli("import", src, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      activities: { id: string; title: string; approach: string; leadAgencies: string[] }[];
    };
    expect(json.activities.map((a) => a.id)).toEqual(["ZA-1", "ZA-2"]);
    expect(json.activities[0]!.title).toBe("=Wildlife forensics lab support");
    expect(json.activities[1]).toMatchObject({ approach: "3.1.1", leadAgencies: ["INTERPOL", "WCO"] });
    expect(Buffer.compare(before, await fs.readFile(src))).toBe(0);
  });

  it("reads ambiguous dates only when told the order, and says so otherwise", async () => {
    const dir = await tempDir();
    const src = path.join(dir, "dates.xlsx");
    await writeRows(src, "Dates", AMBIGUOUS_DATES_ROWS as (string | null)[][]);
    const guessless = JSON.parse((await cli("import", src, "--json")).out) as {
      activities: { startDate: string | null }[];
      issues: { code: string; cell: string }[];
    };
    expect(guessless.activities[0]!.startDate).toBeNull();
    expect(guessless.issues.some((i) => i.cell === "F2")).toBe(true);
    const dmy = JSON.parse((await cli("import", src, "--json", "--date-order", "dmy")).out) as {
      activities: { startDate: string | null }[];
    };
    expect(dmy.activities[0]!.startDate).toBe("2024-04-03");
    const mdy = JSON.parse((await cli("import", src, "--json", "--date-order", "mdy")).out) as {
      activities: { startDate: string | null }[];
    };
    expect(mdy.activities[0]!.startDate).toBe("2024-03-04");
    const bad = await cli("import", src, "--date-order", "ymd");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--date-order "ymd"/);
  });

  it("takes a mapping correction and remembers it for the next tracker with the same headers", async () => {
    const dir = await tempDir();
    const src = path.join(dir, "odd.xlsx");
    const rows = [
      ["Code", "Intitulé", "Ligne", "Chef de file"],
      ["OD-1", "Formation des douaniers", "3.1.1", "OMD"],
    ];
    await writeRows(src, "Suivi", rows);
    const memoryFile = path.join(dir, "mappings.json");
    const first = await cli(
      "import",
      src,
      "--json",
      "--map",
      "Ligne=approach",
      "Code=id",
      "--mapping-file",
      memoryFile,
    );
    expect(first.code).toBe(0);
    expect((JSON.parse(first.out) as { activities: { id: string; approach: string }[] }).activities[0]).toMatchObject({
      id: "OD-1",
      approach: "3.1.1",
    });
    // Same headers, no --map: the remembered mapping applies.
    const second = await cli("import", src, "--json", "--mapping-file", memoryFile);
    expect((JSON.parse(second.out) as { activities: { approach: string }[] }).activities[0]!.approach).toBe("3.1.1");
    expect((await cli("import", src, "--map", "Ligne")).code).toBe(2);
  });

  it("appends into a plan and writes the output, never the plan itself", async () => {
    const dir = await tempDir();
    const plan = path.join(dir, "plan.xlsx");
    const src = path.join(dir, "tracker.xlsx");
    const out = path.join(dir, "plan.imported.xlsx");
    expect((await cli("init", plan)).code).toBe(0);
    await fs.writeFile(src, await buildTrackerXlsx());
    const planBefore = await fs.readFile(plan);
    const r = await cli("import", src, "--into", plan, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Appended 2 activities/);
    expect(Buffer.compare(planBefore, await fs.readFile(plan))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ids = wb.getWorksheet("Activities")!.getColumn(1).values.slice(2);
    expect(ids).toEqual(["ZA-1", "ZA-2"]);
  });
});
