import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, tempDir } from "./run-cli";
import { describeBook } from "./fixtures";

it("init --sample twice gives the same workbook as once (the second run repairs, adds no rows)", async () => {
  const dir = await tempDir();
  const once = path.join(dir, "once.xlsx");
  const twice = path.join(dir, "twice.xlsx");
  expect((await cli("init", once, "--sample")).code).toBe(0);
  await fs.copyFile(once, twice);
  const again = await cli("init", twice, "--sample");
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/^Repaired/);
  expect(again.err).toMatch(/sample was not added/);
  expect(await describeBook(twice)).toEqual(await describeBook(once));
}, 180_000);
