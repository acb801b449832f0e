import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli } from "./run-cli";

const SEED = path.resolve(__dirname, "../../../shared/seeds/iccwc-strategic-action-plan-2023-2026.txt");

interface Node {
  code: string;
  title: string;
}

/** Lower case, markup and line-break hyphens gone, runs of space as one: how a title is compared with the seed. */
const flat = (s: string) =>
  s
    .replace(/<[^>]+>/g, " ")
    .replace(/(\w)- (\w)/g, "$1-$2")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim();

describe("framework --json against the seed", () => {
  let seed: string;
  let json: {
    vision: string;
    impact: string;
    outcomes: Node[];
    subOutcomes: Node[];
    approaches: (Node & { exampleActivities: string })[];
  };
  beforeAll(async () => {
    seed = await fs.readFile(SEED, "utf8");
    const r = await cli("framework", "--json");
    expect(r.code).toBe(0);
    json = JSON.parse(r.out);
  });

  it("has 5 outcomes, 13 sub-outcomes and 40 approaches, and the same approach codes as the seed", () => {
    expect(json.outcomes).toHaveLength(5);
    expect(json.subOutcomes).toHaveLength(13);
    expect(json.approaches).toHaveLength(40);
    const seedCodes = new Set([...seed.matchAll(/(?:^|\t|\s)(\d\.\d\.\d)\.?\s+[A-Z]/g)].map((m) => m[1]!));
    expect(new Set(json.approaches.map((a) => a.code))).toEqual(seedCodes);
  });

  it("has every outcome title word for word", () => {
    for (const o of json.outcomes) expect(flat(seed)).toContain(flat(`${o.code}. ${o.title}`));
  });

  it("has every sub-outcome title word for word", () => {
    // The seed's Theory of Change figure lists each sub-outcome as "1.1 TITLE".
    for (const s of json.subOutcomes) expect(flat(seed)).toContain(flat(`${s.code} ${s.title}`));
  });

  it("has every approach title word for word, page breaks included", () => {
    const text = flat(seed);
    for (const a of json.approaches) {
      const title = flat(a.title);
      if (text.includes(title)) continue;
      // 1.3.2 and 5.2.3 run across a page break: the longest opening that the seed has, then the rest.
      const words = title.split(" ");
      let k = words.length - 1;
      while (k > 0 && !text.includes(`${a.code} ${words.slice(0, k).join(" ")}`)) k--;
      const rest = words.slice(k).join(" ");
      expect([a.code, k > 2, text.includes(rest)]).toEqual([a.code, true, true]);
      expect(["1.3.2", "5.2.3"]).toContain(a.code);
    }
  });

  it("carries the vision, the impact and each approach's example activities", () => {
    expect(json.vision).toMatch(/world free of wildlife crime/i);
    expect(json.impact).toMatch(/fit for purpose/i);
    expect(json.approaches.find((a) => a.code === "3.1.2")?.exampleActivities).toMatch(/Thunder/);
  });

  it("without --json prints the hierarchy as a tree", async () => {
    const r = await cli("framework");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^3 {2}Increased detection of wildlife crime$/m);
    expect(r.out).toMatch(
      /^ {4}3\.2\.4 {2}Strengthen capacity to detect and investigate wildlife crime linked to the Internet$/m,
    );
  });
});
