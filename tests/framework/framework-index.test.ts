import { readFileSync } from "fs";
import { join } from "path";
import { FrameworkDataError, PLAN_2023_2026, loadFramework } from "../../src/core/framework";

const plan = PLAN_2023_2026;

describe("FrameworkIndex lookups", () => {
  test("get, level, parent, children, path, title", () => {
    expect(plan.get("3.2.4")?.title).toBe(
      "Strengthen capacity to detect and investigate wildlife crime linked to the Internet",
    );
    expect(plan.level("3")).toBe("outcome");
    expect(plan.level("3.2")).toBe("subOutcome");
    expect(plan.level("3.2.4")).toBe("approach");
    expect(plan.level("3.3")).toBeUndefined();
    expect(plan.level("Approach 3.2.4")).toBeUndefined(); // get/level take clean codes; normalise first
    expect(plan.parent("3.2.4")?.code).toBe("3.2");
    expect(plan.parent("3.2")?.code).toBe("3");
    expect(plan.parent("3")).toBeUndefined();
    expect(plan.parent("9.9.9")).toBeUndefined();
    expect(plan.children("3.2").map((n) => n.code)).toEqual(["3.2.1", "3.2.2", "3.2.3", "3.2.4"]);
    expect(plan.children("").map((n) => n.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(plan.children("3.2.4")).toEqual([]);
    expect(plan.path("3.2.4").map((n) => n.code)).toEqual(["3", "3.2", "3.2.4"]);
    expect(plan.path("7.1")).toEqual([]);
    expect(plan.title("5.3")).toBe("EFFICIENT ICCWC IMPLEMENTATION");
  });

  test.each([
    ["1.1", 4],
    ["1.2", 2],
    ["1.3", 3],
    ["2.1", 3],
    ["2.2", 3],
    ["2.3", 3],
    ["3.1", 3],
    ["3.2", 4],
    ["4.1", 3],
    ["4.2", 1],
    ["5.1", 4],
    ["5.2", 4],
    ["5.3", 3],
  ])("sub-outcome %s has %d approaches", (code, n) => {
    expect(plan.children(code)).toHaveLength(n);
  });
});

describe("suggest", () => {
  test("a code that does not exist gets near codes of the same depth", () => {
    const s = plan.suggest("1.1.5");
    expect(s).toHaveLength(3);
    expect(s.every((x) => x.code.startsWith("1.1."))).toBe(true);
    expect(plan.suggest("2.4", 2).map((x) => x.code)).toEqual(["2.1", "2.2"]);
  });

  test("a title with a typo finds its code first", () => {
    expect(plan.suggest("Strengthen capacity in crime scene managment")[0]?.code).toBe("3.2.1");
    expect(plan.suggest("swift judicial process", 1)[0]?.code).toBe("2.3");
  });

  test("k is respected and scores fall", () => {
    const s = plan.suggest("strengthen capacity", 5);
    expect(s).toHaveLength(5);
    for (let i = 1; i < s.length; i++) expect(s[i]!.score).toBeLessThanOrEqual(s[i - 1]!.score);
    expect(plan.suggest("strengthen capacity", 0)).toEqual([]);
  });
});

describe("matchApproach", () => {
  test.each([
    ["Approach 1.1.1", "1.1.1"],
    ["(5.2.3)", "5.2.3"],
    ["1.3.2 Increase awareness across the criminal justice system", "1.3.2"],
  ])("by code: %j -> %s", (text, code) => {
    expect(plan.matchApproach(text)).toEqual({ code, confidence: 1, via: "code" });
  });

  test.each([
    ["Strengthen capacity in crime scene management", "3.2.1"],
    ["strengthen capacity in crime scene managment", "3.2.1"],
    ["Monitor and evaluate ICCWCs impact", "5.3.3"],
    ["Enhance engagement of key stakeholders in ICCWC priority countries", "5.2.3"],
    ["Support improved governance by strengthening institutions", "1.1.1"],
    ["Promote and support the use of DNA and digital forensic technology", "3.2.2"],
  ])("by title: %j -> %s", (text, code) => {
    const m = plan.matchApproach(text);
    expect(m?.code).toBe(code);
    expect(m?.via).toBe("title");
    expect(m!.confidence).toBeGreaterThan(0.6);
    expect(m!.confidence).toBeLessThanOrEqual(1);
  });

  test("no approach for unrelated text, a wrong approach code, or an empty cell", () => {
    expect(plan.matchApproach("buy a new office printer")).toBeNull();
    expect(plan.matchApproach("1.4.1")).toBeNull();
    expect(plan.matchApproach("")).toBeNull();
  });

  test("an ambiguous one-word title gets a low confidence", () => {
    const m = plan.matchApproach("training");
    expect(m === null || m.confidence <= 0.4).toBe(true);
  });
});

describe("loadFramework", () => {
  const good = JSON.parse(readFileSync(join(__dirname, "fixtures/mini-plan-2027-2030.json"), "utf8")) as Record<
    string,
    unknown
  >;

  test("a second plan is a data file, not code", () => {
    const next = loadFramework(good);
    expect(next.period).toEqual({ start: "2027-01-01", end: "2030-12-31" });
    expect(next.approaches.map((a) => a.code)).toEqual(["1.1.1", "1.1.2", "2.1.1"]);
    expect(next.matchApproach("map illegal timber routes")?.code).toBe("1.1.2");
    expect(next.path("2.1.1").map((n) => n.code)).toEqual(["2", "2.1", "2.1.1"]);
  });

  test("an approach whose sub-outcome does not exist is rejected, naming the JSON path", () => {
    const bad = structuredClone(good) as { approaches: { subOutcome: string; code: string }[] };
    bad.approaches[1]!.subOutcome = "1.9";
    expect(() => loadFramework(bad)).toThrow(FrameworkDataError);
    try {
      loadFramework(bad);
    } catch (e) {
      expect((e as FrameworkDataError).path).toBe("approaches[1].subOutcome");
      expect((e as Error).message).toContain("1.9");
    }
  });

  test("undotted codes, duplicate codes and wrong counts are rejected", () => {
    const undotted = structuredClone(good) as { approaches: { code: string }[] };
    undotted.approaches[0]!.code = "111";
    expect(() => loadFramework(undotted)).toThrow(/approaches\[0\]\.code/);

    const dup = structuredClone(good) as { approaches: { code: string }[] };
    dup.approaches[1]!.code = "1.1.1";
    expect(() => loadFramework(dup)).toThrow(/appears twice/);

    const counts = structuredClone(good) as { counts: { approaches: number } };
    counts.counts.approaches = 40;
    expect(() => loadFramework(counts)).toThrow(/counts.approaches declares 40/);
  });

  test("not an object at all", () => {
    expect(() => loadFramework(null)).toThrow(FrameworkDataError);
    expect(() => loadFramework("plan")).toThrow(FrameworkDataError);
  });
});
