/**
 * A failure part way leaves the input untouched. On the file host: the apply throws after N changes, a
 * cancel lands in the middle of the write, the output folder disappears before the save, the disk fails
 * during the temporary file's write or at the rename (also for --in-place): the input file keeps every
 * byte and no temporary file is left. On the Excel simulation: a cancel between write blocks says how
 * many changes were written and which were not, the user's cells are intact, and running again
 * finishes the job with the same workbook as an uninterrupted run.
 */
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { annotateWorkbook } from "../../src/app/annotate";
import type { ChangeSet } from "../../src/core/changeset";
import { createExcelPort } from "../../src/hosts/excel/excel-workbook-port";
import { ExcelApplyError } from "../../src/hosts/excel/errors";
import { SimWorkbook, simulatedRun } from "../../src/hosts/excel/simulation";
import { openWorkbookFile, WorkbookFileError } from "../../src/hosts/xlsx";
import type { WorkbookPort } from "../../src/ports/workbook-port";
import { loadSimExtras, stateDiff, stateOfSim, xlsxOfBook } from "../fixtures/trust/book-state";
import { AS_OF, GENERATED_ON } from "../fixtures/trust/commands";
import { planBook, type GeneratedBook } from "../fixtures/trust/plan-workbook";
import { userNotesAndFillsKept, userValuesKept } from "../fixtures/trust/trust-checks";

/** One fixed generated plan (seeded), so each failure below is reproducible. */
const BOOK: GeneratedBook = fc.sample(planBook({ maxRows: 8, dropColumns: false }), { numRuns: 1, seed: 9 })[0]!;

async function folderWithInput(): Promise<{ dir: string; input: string; bytes: Buffer }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "iccwc-trust-fail-"));
  const input = path.join(dir, "plan.xlsx");
  const bytes = await xlsxOfBook(BOOK);
  await fsp.writeFile(input, bytes);
  return { dir, input, bytes };
}

/** The input file, byte for byte, and nothing else in its folder (no temporary file, no output). */
async function expectUntouched(dir: string, input: string, bytes: Buffer, alsoAllowed: string[] = []): Promise<void> {
  expect((await fsp.readFile(input)).equals(bytes)).toBe(true);
  expect((await fsp.readdir(dir)).sort()).toEqual([path.basename(input), ...alsoAllowed].sort());
}

/** A port whose apply writes the first `n` changes, then fails as a host would (a full disk, a crash). */
function failingAfter(port: WorkbookPort, n: number): WorkbookPort {
  return {
    listSheets: () => port.listSheets(),
    readSheet: (name, o) => port.readSheet(name, o),
    apply: async (changes: ChangeSet, options) => {
      await port.apply({ ops: changes.ops.slice(0, n) }, options);
      throw new Error(`simulated failure after ${n} of ${changes.ops.length} changes`);
    },
  };
}

describe("the file host: a failure part way leaves the input file as it was", () => {
  it.each([[1], [50], [400]])("annotate whose apply fails after %i changes: nothing saved, input intact", async (n) => {
    const { dir, input, bytes } = await folderWithInput();
    const wb = await openWorkbookFile(input);
    await expect(
      annotateWorkbook(failingAfter(wb.port, n), { asOf: AS_OF, generatedOn: GENERATED_ON }),
    ).rejects.toThrow(/simulated failure/);
    await expectUntouched(dir, input, bytes);
  });

  it("annotate cancelled in the middle of the write (AbortSignal): nothing saved, input intact", async () => {
    const { dir, input, bytes } = await folderWithInput();
    const wb = await openWorkbookFile(input);
    const cancel = new AbortController();
    let writing = false;
    const run = annotateWorkbook(wb.port, {
      asOf: AS_OF,
      generatedOn: GENERATED_ON,
      signal: cancel.signal,
      // The file host reports progress every 200 changes; cancel at the first report inside the write.
      onProgress: (p) => {
        if (p.message.startsWith("Applied") && p.fraction > 0.7) {
          writing = true;
          cancel.abort();
        }
      },
    });
    await expect(run).rejects.toThrow();
    expect(writing).toBe(true);
    await expectUntouched(dir, input, bytes);
  });

  it("the output folder removed before the save: a clear error, input intact, no temporary file", async () => {
    const { dir, input, bytes } = await folderWithInput();
    const outDir = path.join(dir, "out");
    await fsp.mkdir(outDir);
    const wb = await openWorkbookFile(input);
    await annotateWorkbook(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON });
    await fsp.rm(outDir, { recursive: true });
    const save = wb.saveTo(path.join(outDir, "annotated.xlsx"));
    await expect(save).rejects.toBeInstanceOf(WorkbookFileError);
    await expect(save).rejects.toThrow(/Could not write .*folder exists/);
    await expectUntouched(dir, input, bytes);
  });

  describe("the disk fails during an in-place save", () => {
    afterEach(() => jest.restoreAllMocks());

    it("at the rename (the temporary file is complete): the input keeps every byte, the temporary file is removed", async () => {
      const { dir, input, bytes } = await folderWithInput();
      const wb = await openWorkbookFile(input);
      await annotateWorkbook(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON });
      const rename = jest
        .spyOn(fsp, "rename")
        .mockRejectedValueOnce(Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" }));
      await expect(wb.saveTo(input, { overwriteInput: true })).rejects.toBeInstanceOf(WorkbookFileError);
      expect(rename).toHaveBeenCalledTimes(1);
      await expectUntouched(dir, input, bytes);
    });

    it("half way through writing the temporary file (disk full): the input keeps every byte, the half file is removed", async () => {
      const { dir, input, bytes } = await folderWithInput();
      const wb = await openWorkbookFile(input);
      await annotateWorkbook(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON });
      const realOpen = fsp.open.bind(fsp);
      let halfWritten = "";
      jest.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
        const handle = await realOpen(...args);
        return new Proxy(handle, {
          get(target, prop, receiver) {
            if (prop !== "writeFile") return Reflect.get(target, prop, receiver) as unknown;
            return async (data: Uint8Array) => {
              await target.write(data, 0, Math.floor(data.length / 2));
              halfWritten = String(args[0]);
              throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
            };
          },
        });
      });
      await expect(wb.saveTo(input, { overwriteInput: true })).rejects.toBeInstanceOf(WorkbookFileError);
      expect(halfWritten).not.toBe("");
      await expectUntouched(dir, input, bytes);
    });
  });
});

describe("the Excel simulation: a cancel between write blocks", () => {
  function simOf(book: GeneratedBook): { sim: SimWorkbook; port: WorkbookPort } {
    const sim = SimWorkbook.fromGrids(book.sheets);
    loadSimExtras(sim, book);
    // Small write blocks, so the annotate write takes many syncs and a cancel can land between two.
    return {
      sim,
      port: createExcelPort(simulatedRun(sim), { isSetSupported: sim.isSetSupported, blockBytes: 20_000 }),
    };
  }

  it("reports how many changes were written and that the rest were not; user cells intact; a re-run finishes the job", async () => {
    const { sim, port } = simOf(BOOK);
    const before = stateOfSim(sim);
    const cancel = new AbortController();
    const run = annotateWorkbook(port, {
      asOf: AS_OF,
      generatedOn: GENERATED_ON,
      signal: cancel.signal,
      onProgress: (p) => {
        if (/^Wrote block 2 of /.test(p.message)) cancel.abort();
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelApplyError);
    const e = error as ExcelApplyError;
    expect(e.cancelled).toBe(true);
    expect(e.failedBlock).toBe(2);
    expect(e.blocks).toBeGreaterThan(2);
    expect(e.appliedOps).toBeGreaterThan(0);
    expect(e.appliedOps).toBeLessThan(e.totalOps);
    expect(e.message).toContain(`${e.appliedOps} of ${e.totalOps} changes were written, the rest were not`);

    // Whatever was written, the user's values, notes and fills are as they were.
    const mid = stateOfSim(sim);
    expect([...userValuesKept(BOOK, before, mid), ...userNotesAndFillsKept(before, mid)]).toEqual([]);

    // Running again completes: the same workbook as one uninterrupted run.
    await annotateWorkbook(port, { asOf: AS_OF, generatedOn: GENERATED_ON });
    const clean = simOf(BOOK);
    await annotateWorkbook(clean.port, { asOf: AS_OF, generatedOn: GENERATED_ON });
    expect(stateDiff(stateOfSim(clean.sim), stateOfSim(sim))).toEqual([]);
  });

  it("the comparison catches a changed user cell (so the checks above can fail)", () => {
    const { sim } = simOf(BOOK);
    const s = sim.sheet("Activities");
    s.set(2, 2, "changed by a bug");
    expect(userValuesKept(BOOK, stateOfSim(simOf(BOOK).sim), stateOfSim(sim))).toEqual([
      expect.stringContaining("Activities!B2"),
    ]);
  });
});
