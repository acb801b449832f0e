/**
 * Golden files: each summary table of the small plan as JSON in tests/summarize/golden/. Regenerate with
 * UPDATE_GOLDEN=1 npx jest tests/summarize/golden.test.ts, then read the diff before committing.
 */
import * as fs from "fs";
import * as path from "path";
import { buildSummaries, summariesToJson } from "../../src/core/summarize";
import { TABLES } from "../../src/core/layout/sheet-names";
import { smallPlanInput } from "./small-plan";

const GOLDEN_DIR = path.join(__dirname, "golden");
const update = process.env.UPDATE_GOLDEN === "1";

const json = summariesToJson(buildSummaries(smallPlanInput()));
const names = [
  TABLES.facts,
  TABLES.byOutcome,
  TABLES.bySubOutcome,
  TABLES.byApproach,
  TABLES.byAgency,
  TABLES.byCountry,
  TABLES.byYear,
  TABLES.coverage,
];

describe("summary tables of the small plan match their golden files", () => {
  test.each(names)("%s", (name) => {
    const actual = JSON.stringify(json.tables[name], null, 2) + "\n";
    const file = path.join(GOLDEN_DIR, `${name}.json`);
    if (update) fs.writeFileSync(file, actual);
    expect(fs.existsSync(file)).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, "utf8"));
  });
});
