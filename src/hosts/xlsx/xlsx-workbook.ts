/**
 * The file host: an .xlsx workbook behind WorkbookPort, on ExcelJS 4.4. A file is checked (sniff, zip
 * directory, XML parts) before ExcelJS sees a byte of it; saving writes a temporary file and renames it,
 * and refuses to overwrite the file it was opened from unless asked.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { ChangeSet } from "../../core/changeset";
import type { ApplyOptions, ApplyReport, ReadOptions, SheetInfo, WorkbookPort } from "../../ports/workbook-port";
import { SheetNotFoundError } from "../../ports/workbook-port";
import { applyChangeSet } from "./apply";
import { samePath, writeFileAtomic, writeStreamAtomic } from "./atomic-write";
import { compactValidations } from "./compact-validations";
import { WorkbookFileError } from "./errors";
import { DEFAULT_STREAM_ABOVE_CELLS, resolveLimits, type FileLimits } from "./limits";
import { applyToStore } from "./streaming/apply";
import { readStreaming } from "./streaming/read";
import type { BookStore } from "./streaming/store";
import { storeGrid, storeSheetInfo } from "./streaming/store-grid";
import { writeStore } from "./streaming/write";
import { PassThrough } from "node:stream";
import { readGrid, sheetInfo } from "./read-grid";
import { sniffWorkbook } from "./sniff";
import { installOoxmlTextEscaping } from "./text-escape";
import { guardZip, type ZipReport } from "./zip-guard";
import { installNoteAuthors } from "./note-authors";
import { installColumnWidthNine } from "./column-width-nine";
import { installPrototypeFreeDefinedNames } from "./defined-names-store";
import { readPackageNotes, restoreNotes } from "./package-notes";
import { openZipTextParts } from "./zip-text-parts";

installOoxmlTextEscaping();
installNoteAuthors();
installColumnWidthNine();
installPrototypeFreeDefinedNames();

/** JSZip options for the whole-workbook save (see toBuffer). */
export const SAVE_ZIP_OPTIONS = { compression: "DEFLATE", compressionOptions: { level: 1 } } as const;

export interface SaveOptions {
  /** Allow saving over the file the workbook was opened from (the CLI's --in-place). */
  overwriteInput?: boolean;
}

export class XlsxWorkbook {
  readonly port: WorkbookPort;
  /**
   * "whole": the ExcelJS whole-workbook model (`workbook`). "streaming": a large file held as compact
   * rows and written with ExcelJS's streaming writer; `workbook` is then an empty placeholder and the
   * port is the only way in (docs/file-host.md, "Two paths").
   */
  readonly mode: "whole" | "streaming";

  constructor(
    /** The ExcelJS workbook, for hosts-level code and tests; use cases go through `port`. */
    readonly workbook: ExcelJS.Workbook,
    /** The path the workbook was opened from, or null for a new or in-memory one. */
    readonly inputPath: string | null,
    /** What the zip checks saw (null for a new workbook). */
    readonly zipReport: ZipReport | null = null,
    /** The streaming path's store, when the file was opened on it. */
    private readonly store: BookStore | null = null,
    /** Why a large file could not go on the streaming path (it was opened whole instead). */
    readonly streamingRefused: readonly string[] = [],
  ) {
    this.mode = store ? "streaming" : "whole";
    if (store) {
      this.port = {
        listSheets: async (): Promise<SheetInfo[]> => store.sheets.map(storeSheetInfo),
        readSheet: async (name: string, options?: ReadOptions) => {
          const sheet = store.sheets.find((s) => s.name === name);
          if (!sheet) throw new SheetNotFoundError(name);
          return storeGrid(sheet, options);
        },
        apply: (changes: ChangeSet, options?: ApplyOptions): Promise<ApplyReport> =>
          applyToStore(store, changes, options),
      };
      return;
    }
    const wb = workbook;
    this.port = {
      listSheets: async (): Promise<SheetInfo[]> => wb.worksheets.map(sheetInfo),
      readSheet: async (name: string, options?: ReadOptions) => {
        const sheet = wb.getWorksheet(name);
        if (!sheet) throw new SheetNotFoundError(name);
        return readGrid(sheet, options);
      },
      apply: (changes: ChangeSet, options?: ApplyOptions): Promise<ApplyReport> => applyChangeSet(wb, changes, options),
    };
  }

  async toBuffer(): Promise<Buffer> {
    if (this.store) {
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on("data", (c: Buffer) => chunks.push(c));
      await writeStore(this.store, sink);
      return Buffer.concat(chunks);
    }
    for (const sheet of this.workbook.worksheets) compactValidations(sheet);
    // Deflate level 1: on a plan's XML it is several times faster than the default (6) for a file
    // about a fifth larger; ExcelJS hands `zip` to JSZip's generateAsync.
    const out = await this.workbook.xlsx.writeBuffer({ zip: SAVE_ZIP_OPTIONS } as unknown as ExcelJS.XlsxWriteOptions);
    return Buffer.from(out as ArrayBuffer);
  }

  async saveTo(target: string, options: SaveOptions = {}): Promise<void> {
    if (this.inputPath && !options.overwriteInput && (await samePath(this.inputPath, target))) {
      throw new WorkbookFileError(
        "would-overwrite-input",
        target,
        `"${target}" is the workbook being read; name a different output file (-o), or pass --in-place to replace it.`,
      );
    }
    try {
      const store = this.store;
      // A save is the streamed workbook's last use: its rows are let go of as they are written.
      if (store) await writeStreamAtomic(target, (out) => writeStore(store, out, { release: true }));
      else await writeFileAtomic(target, await this.toBuffer());
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new WorkbookFileError(
        "write-failed",
        target,
        `Could not write "${target}" (${why}): check that the folder exists, that you may write to it, and that the file is not open in another program.`,
      );
    }
  }
}

/** Open bytes already in memory (the preview's upload, a test). `name` is used in messages. */
export async function openWorkbookBuffer(
  bytes: Uint8Array,
  name: string,
  limits?: Partial<FileLimits>,
  inputPath: string | null = null,
): Promise<XlsxWorkbook> {
  const lim = resolveLimits(limits);
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length > lim.maxFileBytes) {
    throw new WorkbookFileError(
      "too-large",
      name,
      `"${name}" is ${Math.round(buf.length / 1e6)} MB, more than the ${Math.round(lim.maxFileBytes / 1e6)} MB limit: split it into smaller workbooks.`,
    );
  }
  sniffWorkbook(buf, name);
  const report = await guardZip(buf, name, lim);
  let refused: string[] = [];
  if (largestSheetCells(report) > (lim.streamAboveCells ?? DEFAULT_STREAM_ABOVE_CELLS)) {
    const opened = await openStreaming(buf, name);
    if ("store" in opened) return new XlsxWorkbook(new ExcelJS.Workbook(), inputPath, report, opened.store);
    refused = opened.unsupported;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(name, e);
  }
  await restorePackageNotes(wb, buf, name, lim);
  return new XlsxWorkbook(wb, inputPath, report, null, refused);
}

/**
 * ExcelJS drops a note on an empty cell (it attaches notes only to cells the sheet XML lists), a note
 * written as a plain `<t>`, and every author: read the notes from the comments parts and put them back
 * before any change set is applied (package-notes.ts).
 */
async function restorePackageNotes(wb: ExcelJS.Workbook, buf: Buffer, name: string, lim: FileLimits): Promise<void> {
  const parts = await openZipTextParts(buf);
  try {
    restoreNotes(wb, await readPackageNotes(parts.read), name, lim);
  } finally {
    parts.close();
  }
}

function largestSheetCells(report: ZipReport): number {
  let max = 0;
  for (const s of Object.values(report.sheets)) if (s.cells > max) max = s.cells;
  return max;
}

/** A file the reader (either path's) cannot read as a workbook: "corrupt", with the reader's first line. */
function unreadable(name: string, e: unknown): WorkbookFileError {
  const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return new WorkbookFileError(
    "corrupt",
    name,
    `"${name}" could not be read as a workbook (${why}): open it in Excel, which may repair it, and save it again.`,
    { why: why ?? "" },
  );
}

/** The streaming path's open; a file it cannot read as a workbook is "corrupt", as on the whole path. */
async function openStreaming(buf: Buffer, name: string): ReturnType<typeof readStreaming> {
  try {
    return await readStreaming(buf);
  } catch (e) {
    throw unreadable(name, e);
  }
}

export async function openWorkbookFile(file: string, limits?: Partial<FileLimits>): Promise<XlsxWorkbook> {
  const lim = resolveLimits(limits);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new WorkbookFileError("missing-file", file, `"${file}" does not exist: check the path and the file name.`);
  }
  if (stat.isDirectory())
    throw new WorkbookFileError(
      "missing-file",
      file,
      `"${file}" is a folder, not a workbook file: name the .xlsx file inside it.`,
    );
  if (stat.size > lim.maxFileBytes) {
    throw new WorkbookFileError(
      "too-large",
      file,
      `"${file}" is ${Math.round(stat.size / 1e6)} MB, more than the ${Math.round(lim.maxFileBytes / 1e6)} MB limit: split it into smaller workbooks.`,
    );
  }
  const bytes = await fs.readFile(file);
  return openWorkbookBuffer(bytes, file, lim, path.resolve(file));
}

/** A new, empty workbook (the CLI's init adds the sheets through change sets). */
export function createWorkbook(): XlsxWorkbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ICCWC Action Plan Workbench";
  return new XlsxWorkbook(wb, null);
}
