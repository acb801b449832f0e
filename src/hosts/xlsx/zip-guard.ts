/**
 * Zip checks made before ExcelJS inflates anything. First the central directory (yauzl reads it without
 * inflating): entry count, declared sizes, compression ratios, and which kind of package it is. Then every
 * XML part is inflated as a stream (yauzl stops a part that inflates beyond its declared size) and fed
 * to XmlPartScanner, so entity declarations, absurd sheet dimensions and over-long strings are refused
 * with memory bounded by one inflate window and time bounded by the documented size limits.
 */
import * as yauzl from "yauzl";
import { WorkbookFileError } from "./errors";
import type { FileLimits } from "./limits";
import { ScanStop, XmlPartScanner, type ScanSummary } from "./xml-part-scanner";

export interface ZipReport {
  entries: number;
  uncompressedBytes: number;
  /** Per worksheet part: cells present and their extent. */
  sheets: Record<string, ScanSummary>;
}

interface EntryInfo {
  entry: yauzl.Entry;
  name: string;
}

const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Parts whose text nodes are cell text (or note text), held to Excel's 32,767-character limit. */
const TEXT_PART = /^xl\/(worksheets\/[^/]+|sharedStrings|comments\d*|comments\/[^/]+)\.xml$/i;

function corrupt(file: string, why: string): WorkbookFileError {
  return new WorkbookFileError(
    "corrupt",
    file,
    `"${file}" is damaged or incomplete (${why}): open it in Excel, which may repair it, and save it again, or ask the sender for a fresh copy.`,
    { why },
  );
}

function openZip(bytes: Buffer, file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => {
        if (err || !zip) reject(corrupt(file, err ? err.message : "no archive"));
        else resolve(zip);
      },
    );
  });
}

function listEntries(zip: yauzl.ZipFile, file: string, limits: FileLimits): Promise<EntryInfo[]> {
  return new Promise((resolve, reject) => {
    const out: EntryInfo[] = [];
    let total = 0;
    const fail = (e: WorkbookFileError): void => {
      zip.close();
      reject(e);
    };
    if (zip.entryCount > limits.maxEntries) {
      fail(
        new WorkbookFileError(
          "too-many-parts",
          file,
          `"${file}" holds ${zip.entryCount} parts, more than the ${limits.maxEntries} a workbook may have: it is not a normal workbook, so it was not opened.`,
          {
            entries: zip.entryCount,
          },
        ),
      );
      return;
    }
    zip.on("error", (err: Error) => fail(corrupt(file, err.message)));
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const size = entry.uncompressedSize;
      total += size;
      const ratio = entry.compressedSize > 0 ? size / entry.compressedSize : size > 0 ? Infinity : 0;
      const bomb = (what: string): void =>
        fail(
          new WorkbookFileError(
            "zip-bomb",
            file,
            `"${file}" would expand to ${what}, beyond the safe limit: it looks like a zip bomb, so it was not opened; if it is a genuine workbook, split it into smaller files.`,
            { part: name, uncompressed: size, compressed: entry.compressedSize, total },
          ),
        );
      if (size > limits.maxPartBytes) return bomb(`${Math.round(size / 1e6)} MB in one part (${name})`);
      if (total > limits.maxTotalUncompressedBytes)
        return bomb(`more than ${Math.round(limits.maxTotalUncompressedBytes / 1e6)} MB`);
      if (size > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio)
        return bomb(`${Math.round(ratio)} times its compressed size (${name})`);
      out.push({ entry, name });
      zip.readEntry();
    });
    zip.on("end", () => resolve(out));
    zip.readEntry();
  });
}

function classifyPackage(entries: EntryInfo[], file: string): void {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "")));
  if (names.has("xl/workbook.xml")) return;
  if (names.has("xl/workbook.bin")) {
    throw new WorkbookFileError(
      "xlsb",
      file,
      `"${file}" is an Excel Binary Workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx).`,
    );
  }
  if (names.has("content.xml") && (names.has("mimetype") || names.has("META-INF/manifest.xml"))) {
    throw new WorkbookFileError(
      "ods",
      file,
      `"${file}" is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as an Excel Workbook (.xlsx).`,
    );
  }
  if (entries.length === 0) throw corrupt(file, "the archive is empty");
  throw new WorkbookFileError(
    "not-a-workbook",
    file,
    `"${file}" is a zip archive but not an Excel workbook (.xlsx): check that you picked the right file.`,
  );
}

function scanEntry(zip: yauzl.ZipFile, info: EntryInfo, file: string, limits: FileLimits): Promise<ScanSummary> {
  const isSheet = WORKSHEET_PART.test(info.name);
  const scanner = new XmlPartScanner(limits, isSheet, TEXT_PART.test(info.name));
  return new Promise((resolve, reject) => {
    zip.openReadStream(info.entry, (err, stream) => {
      if (err || !stream) {
        reject(corrupt(file, err ? err.message : `cannot read ${info.name}`));
        return;
      }
      let done = false;
      const finish = (e: unknown, summary?: ScanSummary): void => {
        if (done) return;
        done = true;
        if (e) {
          stream.destroy();
          reject(e);
        } else resolve(summary!);
      };
      stream.on("data", (chunk: Buffer) => {
        try {
          scanner.push(chunk);
        } catch (e) {
          finish(e instanceof ScanStop ? problemError(e, info.name, file, limits) : e);
        }
      });
      stream.on("error", (e: Error) => finish(corrupt(file, `${info.name}: ${e.message}`)));
      stream.on("end", () => {
        try {
          finish(null, scanner.end());
        } catch (e) {
          finish(e instanceof ScanStop ? problemError(e, info.name, file, limits) : e);
        }
      });
    });
  });
}

function problemError(stop: ScanStop, part: string, file: string, limits: FileLimits): WorkbookFileError {
  const p = stop.problem;
  switch (p.kind) {
    case "xml-entities":
      return new WorkbookFileError(
        "xml-entities",
        file,
        `"${file}" contains an XML ${p.declaration.replace(/^!/, "")} declaration in ${part}, which no Excel workbook has and which can be used to attack a reader: it was not opened; ask the sender to save it again from Excel.`,
        { part, declaration: p.declaration },
      );
    case "too-many-cells":
      return new WorkbookFileError(
        "too-many-cells",
        file,
        `"${file}" has a sheet (${part}) that claims ${p.reason}, beyond the limit of ${limits.maxCells.toLocaleString("en")} cells, ${limits.maxRows.toLocaleString("en")} rows and ${limits.maxColumns.toLocaleString("en")} columns: delete unused rows and columns or split the sheet, then try again.`,
        { part, reason: p.reason, cells: p.cells },
      );
    case "string-too-long":
      return new WorkbookFileError(
        "string-too-long",
        file,
        `"${file}" holds a text of more than ${limits.maxStringLength.toLocaleString("en")} characters (in ${part}), longer than an Excel cell can hold: shorten it in the source and save again.`,
        { part, length: p.length },
      );
  }
}

/**
 * Check a zip's directory and XML parts against the limits. Resolves with what it saw, or rejects with a
 * WorkbookFileError. Parts are scanned one at a time, so memory stays at one inflate stream.
 */
export async function guardZip(bytes: Buffer, file: string, limits: FileLimits): Promise<ZipReport> {
  const zip = await openZip(bytes, file);
  try {
    const entries = await listEntries(zip, file, limits);
    classifyPackage(entries, file);
    const report: ZipReport = { entries: entries.length, uncompressedBytes: 0, sheets: {} };
    for (const info of entries) {
      report.uncompressedBytes += info.entry.uncompressedSize;
      if (!XML_PART.test(info.name) && info.name !== "[Content_Types].xml") continue;
      const summary = await scanEntry(zip, info, file, limits);
      if (WORKSHEET_PART.test(info.name)) report.sheets[info.name] = summary;
    }
    return report;
  } finally {
    zip.close();
  }
}
