/** The 2023-2026 plan, checked word for word against the seed text. */
import { readFileSync } from "fs";
import { join } from "path";
import { PLAN_2023_2026 } from "../../src/core/framework";

// The seed sits beside the repository (../shared); ICCWC_SEED points elsewhere for a clone in another place.
const SEED =
  process.env.ICCWC_SEED ?? join(__dirname, "../../../shared/seeds/iccwc-strategic-action-plan-2023-2026.txt");

/** The seed as plain words: tags dropped, white space collapsed, PDF line-break hyphens joined. */
function normaliseSeed(text: string): string {
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replace(/(\w)- (\w)/g, "$1-$2");
}

const seed = normaliseSeed(readFileSync(SEED, "utf8"));

/**
 * Titles that cross a page break are printed in two pieces with other cells between. Such a title
 * counts as found when it splits at one word boundary into two pieces that each occur in the seed.
 */
function foundInPieces(title: string, minWords = 3): boolean {
  const words = title.split(" ");
  for (let i = 1; i < words.length; i++) {
    if (
      seed.includes(words.slice(0, i).join(" ")) &&
      seed.includes(words.slice(i).join(" ")) &&
      words.slice(i).length >= minWords &&
      i >= 3
    )
      return true;
  }
  return false;
}

describe("the 2023-2026 plan as data", () => {
  test("lists exactly the expected 40 approach codes in plan order", () => {
    expect(PLAN_2023_2026.approaches.map((a) => a.code)).toEqual([
      "1.1.1",
      "1.1.2",
      "1.1.3",
      "1.1.4",
      "1.2.1",
      "1.2.2",
      "1.3.1",
      "1.3.2",
      "1.3.3",
      "2.1.1",
      "2.1.2",
      "2.1.3",
      "2.2.1",
      "2.2.2",
      "2.2.3",
      "2.3.1",
      "2.3.2",
      "2.3.3",
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.2.1",
      "3.2.2",
      "3.2.3",
      "3.2.4",
      "4.1.1",
      "4.1.2",
      "4.1.3",
      "4.2.1",
      "5.1.1",
      "5.1.2",
      "5.1.3",
      "5.1.4",
      "5.2.1",
      "5.2.2",
      "5.2.3",
      "5.2.4",
      "5.3.1",
      "5.3.2",
      "5.3.3",
    ]);
  });

  test("has 5 outcomes and 13 sub-outcomes, with only 5.3 the management sub-outcome", () => {
    expect(PLAN_2023_2026.outcomes.map((o) => o.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(PLAN_2023_2026.subOutcomes.map((s) => s.code)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "3.2",
      "4.1",
      "4.2",
      "5.1",
      "5.2",
      "5.3",
    ]);
    expect(PLAN_2023_2026.subOutcomes.filter((s) => s.management).map((s) => s.code)).toEqual(["5.3"]);
  });

  test("every approach title occurs in the seed (page-break titles as two pieces)", () => {
    const inPieces: string[] = [];
    for (const a of PLAN_2023_2026.approaches) {
      if (seed.includes(`${a.code} ${a.title}`) || seed.includes(`${a.code}. ${a.title}`)) continue;
      if (seed.includes(a.title)) continue; // 1.3.3 sits mid-cell, after 1.3.2's second half
      expect({ code: a.code, found: foundInPieces(a.title) }).toEqual({ code: a.code, found: true });
      inPieces.push(a.code);
    }
    expect(inPieces).toEqual(["1.3.2", "5.2.3"]);
  });

  test("the page-break titles are whole", () => {
    expect(PLAN_2023_2026.title("1.3.2")).toBe(
      "Increase awareness across the criminal justice system on the need to enhance national and international collaboration across source, transit, and destination countries",
    );
    expect(PLAN_2023_2026.title("5.2.3")).toBe(
      "Enhance engagement of key stakeholders in ICCWC priority countries to facilitate collaboration and cooperation",
    );
    expect(PLAN_2023_2026.title("1.3.3")).toBe(
      "Increase awareness of the risks that wildlife crime poses to societies, economies and environment, including the risk of potential zoonotic disease spread",
    );
  });

  test("every sub-outcome title and statement occurs in the seed", () => {
    for (const s of PLAN_2023_2026.subOutcomes) {
      expect({ code: s.code, title: seed.includes(`${s.code} ${s.title}`) }).toEqual({ code: s.code, title: true });
      const statementFound = seed.includes(s.statement) || foundInPieces(s.statement, 1); // 2.3 ends with "criminals" on the next table row
      expect({ code: s.code, statement: statementFound }).toEqual({ code: s.code, statement: true });
    }
  });

  test("outcome titles from the opening list and statements from Figure 1", () => {
    for (const o of PLAN_2023_2026.outcomes) {
      expect({ code: o.code, title: seed.includes(`${o.code}. ${o.title}`) }).toEqual({ code: o.code, title: true });
      expect({ code: o.code, statement: seed.includes(o.statement) }).toEqual({ code: o.code, statement: true });
    }
    expect(PLAN_2023_2026.title("1")).toBe("Reduced opportunity for wildlife crime");
    expect(PLAN_2023_2026.title("5")).toBe("Evidence-based actions, knowledge exchange and collaboration drive impact");
  });

  test("no approach title keeps a PDF hyphen break or a leading code", () => {
    for (const a of PLAN_2023_2026.approaches) {
      expect(a.title).not.toMatch(/\w- \w/);
      expect(a.title).not.toMatch(/^\d/);
      expect(a.exampleActivities.length).toBeGreaterThan(40);
      expect(a.exampleActivities).not.toMatch(/\w- \w/);
    }
    expect(PLAN_2023_2026.title("3.1.2")).toContain("inter-regional");
    expect(PLAN_2023_2026.title("4.1.1")).toContain("sub-regional");
  });

  test("vision, period, theory of change, assumptions, stages, timeframe", () => {
    const fw = PLAN_2023_2026.framework;
    expect(fw.vision).toBe("A world free of wildlife crime");
    expect(PLAN_2023_2026.period).toEqual({ start: "2023-01-01", end: "2026-12-31" });
    expect(fw.theoryOfChangeLevels.map((l) => l.id)).toEqual([
      "institutional",
      "organizational",
      "operational-tactical",
    ]);
    expect(fw.assumptions.map((a) => a.items.length)).toEqual([3, 3, 2]);
    expect(fw.stages.map((s) => s.name)).toEqual(["Identification", "Planning", "Implementation", "Reporting"]);
    expect(fw.timeframe.map((t) => [t.phase, t.start, t.end])).toEqual([
      ["inception", "2023-01", "2023-06"],
      ["implementation", "2023-07", "2026-12"],
      ["evaluation", "2026-07", "2026-12"],
    ]);
    for (const l of fw.theoryOfChangeLevels) expect(seed).toContain(l.definition.slice(1));
  });
});
