import { importRows } from "../../src/core/import";
import { TITLES_ONLY } from "../fixtures/import/titles-only";
import { issuesAt, recordAt, typed } from "./helpers";

describe("approaches named by their titles only, in a grid that starts at B2", () => {
  const result = importRows(TITLES_ONLY);

  it("finds the header at B2 and matches each title to its approach", () => {
    expect(result.headerRow).toBe(2);
    const pick = (row: number) => {
      const r = recordAt(result, row);
      return [r.approach, r.subOutcome, r.outcome, r.countries];
    };
    expect(pick(3)).toEqual(["3.2.1", "3.2", "3", ["BWA"]]);
    expect(pick(4)).toEqual(["3.2.4", "3.2", "3", ["ZAF"]]);
    expect(pick(5)).toEqual(["5.2.3", "5.2", "5", ["MOZ"]]);
  });

  it("leaves 'General support' empty and names the three nearest approaches", () => {
    const rec = recordAt(result, 6);
    expect(rec.id).toMatch(/^IMP-/);
    expect(rec).toEqual(
      typed({ id: rec.id, title: "Coordination meeting", leadAgencies: ["World Bank"], countries: ["ZMB"] }),
    );
    const [issue, ...rest] = issuesAt(result, "C6");
    expect(rest).toEqual([]);
    expect(issue?.code).toBe("approach-unmatched");
    const named = issue!.message.match(/\d\.\d\.\d/g) ?? [];
    expect(named).toHaveLength(3);
    expect(result.changes.find((c) => c.cell === "C6")).toMatchObject({ before: "General support", after: "" });
  });

  it("gives each generated ID once, and the same ones on a second run", () => {
    const again = importRows(TITLES_ONLY);
    expect(again.rows.map((r) => r.record.id)).toEqual(result.rows.map((r) => r.record.id));
    expect(new Set(result.rows.map((r) => r.record.id)).size).toBe(4);
  });
});
