import { setUpPlan } from "../../src/app/setup";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { isoToExcelSerial } from "../../src/core/activity/dates";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import { LIST_NAMES } from "../../src/core/layout/list-names";
import samplePlanJson from "../../samples/sample-plan.json";
import { MemoryWorkbook } from "../support/memory-workbook";
import { contentSnapshot } from "./stable-snapshot";

const sample = samplePlanSchema.parse(samplePlanJson);

describe("setUpPlan on an empty workbook", () => {
  it("creates the plan's sheets in one apply", async () => {
    const wb = new MemoryWorkbook();
    const result = await setUpPlan(wb.port);
    expect(wb.applyCount).toBe(1);
    expect([...wb.sheets.keys()]).toEqual(
      expect.arrayContaining(["Activities", "Framework", "Lists", "Settings", "Countries"]),
    );
    expect(result.created).toEqual(
      expect.arrayContaining(["Activities", "Framework", "Lists", "Settings", "Countries"]),
    );
    expect(ACTIVITY_HEADERS.map((_, i) => wb.grid("Activities").rows[0]?.[i])).toEqual([...ACTIVITY_HEADERS]);
    expect(wb.tables.get("tblActivities")).toEqual({ sheet: "Activities", range: "A1:S2" });
    for (const n of Object.values(LIST_NAMES)) expect(wb.names.get(n)?.sheet).toBe("Lists");
    expect(wb.tables.has("tblSettings")).toBe(true);
    expect(wb.tables.has("tblCountries")).toBe(true);
  });

  it("with the sample, writes every activity as typed, dates as Excel dates", async () => {
    const wb = new MemoryWorkbook();
    const result = await setUpPlan(wb.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
    expect(result.sampleRows).toBe(sample.activities.length);
    const last = sample.activities.length + 1;
    expect(wb.tables.get("tblActivities")?.range).toBe(`A1:S${last}`);
    expect(wb.value("Activities", "A2")).toBe(sample.activities[0]!.id);
    expect(wb.value("Activities", "F5")).toBe("CITES Secretariat; WCO");
    expect(wb.value("Activities", "K2")).toBe(isoToExcelSerial(sample.activities[0]!.startDate!));
    expect(wb.numberFormat("Activities", "K2")).toBe("yyyy-mm-dd");
    expect(wb.value("Activities", `A${last}`)).toBe(sample.activities[sample.activities.length - 1]!.id);
    // The sample's priority countries reach the Countries table.
    const countries = wb.grid("Countries").rows;
    const ken = countries.find((r) => r[0] === "KEN");
    expect(ken?.[3]).toBe("Y");
    expect(ken?.[4]).toBe(4);
  });
});

describe("setUpPlan repairing a workbook", () => {
  const userRows = [
    ["ID", "Activity", "Approach", "Status", "Start date"],
    ["K-1", '=HYPERLINK("x")', "3.1.2", "ongoing", "15/09/2024"],
    ["K-2", "+44 hotline", "", "Done", 45000],
    [null, null, null, null, null],
    ["K-3", "@mention", "1.1.1", "Planned", null],
  ];

  it("keeps every value the user entered, and adds only the missing headers", async () => {
    const wb = new MemoryWorkbook({
      Activities: userRows,
      Settings: [
        ["Setting", "Value"],
        ["Weight: need", 0.9],
      ],
    });
    const result = await setUpPlan(wb.port);
    userRows.forEach((r, i) => r.forEach((v, j) => expect(wb.grid("Activities").rows[i]?.[j] ?? null).toBe(v)));
    expect(result.addedHeaders).toHaveLength(14);
    expect(wb.value("Activities", "F1")).toBe(result.addedHeaders[0]);
    expect(wb.tables.get("tblActivities")?.range).toBe("A1:S5");
    // The officer's tuned weight stays.
    expect(wb.grid("Settings").rows[1]?.[1]).toBe(0.9);
  });

  it("running it twice gives the same workbook as once", async () => {
    const once = new MemoryWorkbook({ Activities: userRows });
    await setUpPlan(once.port);
    const twice = new MemoryWorkbook({ Activities: userRows });
    await setUpPlan(twice.port);
    await setUpPlan(twice.port);
    expect(contentSnapshot(twice)).toEqual(contentSnapshot(once));
  });

  it("a cancelled set up writes nothing", async () => {
    const wb = new MemoryWorkbook({ Activities: userRows });
    const ac = new AbortController();
    ac.abort();
    await expect(setUpPlan(wb.port, { signal: ac.signal })).rejects.toThrow();
    expect(wb.applyCount).toBe(0);
  });
});
