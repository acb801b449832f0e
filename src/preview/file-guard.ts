/**
 * The preview's gate for an .xlsx chosen in the browser, run before ExcelJS sees a byte (issue 9):
 * what the file is (sniffed from its first bytes), then the zip's central directory (entry count,
 * declared sizes and compression ratios), then every XML part inflated as a stream with a hard cap,
 * scanned for DTDs and entity declarations and for sheets claiming or holding too many cells.
 * Memory is bounded by one part's cap and time by the documented limits; no part is kept.
 * The limits are the file host's own (src/hosts/xlsx/limits.ts, a module with no Node API), so the
 * preview and the command line refuse the same files.
 */
import { DEFAULT_LIMITS } from "../hosts/xlsx/limits";

export type PreviewFileErrorKind =
  | "empty-file"
  | "not-a-workbook"
  | "csv-or-text"
  | "xls"
  | "ods"
  | "password-protected"
  | "corrupt"
  | "too-large"
  | "zip-bomb"
  | "too-many-parts"
  | "xml-entities"
  | "too-many-cells";

export class PreviewFileError extends Error {
  override readonly name = "PreviewFileError";
  constructor(
    readonly kind: PreviewFileErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface GuardLimits {
  maxFileBytes: number;
  maxTotalUncompressedBytes: number;
  maxPartBytes: number;
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
  maxCells: number;
}

/** The file host's DEFAULT_LIMITS (docs/file-host.md), those the preview's gate checks. */
export const PREVIEW_LIMITS: Readonly<GuardLimits> = Object.freeze({
  maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
  maxTotalUncompressedBytes: DEFAULT_LIMITS.maxTotalUncompressedBytes,
  maxPartBytes: DEFAULT_LIMITS.maxPartBytes,
  maxCompressionRatio: DEFAULT_LIMITS.maxCompressionRatio,
  ratioFloorBytes: DEFAULT_LIMITS.ratioFloorBytes,
  maxEntries: DEFAULT_LIMITS.maxEntries,
  maxCells: DEFAULT_LIMITS.maxCells,
});

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function includesUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

/** Throws for anything that is not a zip, with the sentence that says what to do instead. */
export function sniff(bytes: Uint8Array, file: string, limits: GuardLimits = PREVIEW_LIMITS): void {
  if (bytes.length === 0)
    throw new PreviewFileError("empty-file", `"${file}" is empty (0 bytes): get the workbook again.`);
  if (bytes.length > limits.maxFileBytes)
    throw new PreviewFileError(
      "too-large",
      `"${file}" is ${MB(bytes.length)}, more than the ${MB(limits.maxFileBytes)} the preview opens: use the command line (iccwc-plan) for it.`,
    );
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
  if (startsWith(bytes, OLE)) {
    if (includesUtf16(bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)), "EncryptedPackage"))
      throw new PreviewFileError(
        "password-protected",
        `"${file}" is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.`,
      );
    throw new PreviewFileError(
      "xls",
      `"${file}" is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx.`,
    );
  }
  if (looksLikeText(bytes.subarray(0, 4096)))
    throw new PreviewFileError(
      "csv-or-text",
      `"${file}" is a text file (CSV or similar), not an .xlsx workbook: open it in Excel and save it as .xlsx.`,
    );
  throw new PreviewFileError("not-a-workbook", `"${file}" is not an Excel workbook: choose an .xlsx file.`);
}

function corrupt(file: string, why: string): PreviewFileError {
  return new PreviewFileError(
    "corrupt",
    `"${file}" is damaged or incomplete (${why}): open it in Excel, which may repair it, and save it again, or ask the sender for a fresh copy.`,
  );
}

/** The zip's central directory, read without inflating anything. */
export function readCentralDirectory(bytes: Uint8Array, file: string, limits: GuardLimits = PREVIEW_LIMITS): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, "no end of archive: the file was cut short");
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new PreviewFileError(
      "too-large",
      `"${file}" is a ZIP64 archive, larger than any workbook the preview opens: use the command line (iccwc-plan).`,
    );
  if (count > limits.maxEntries)
    throw new PreviewFileError(
      "too-many-parts",
      `"${file}" holds ${count} parts, more than the ${limits.maxEntries} a workbook may have: it was not opened.`,
    );
  const entries: Entry[] = [];
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw corrupt(file, "its table of contents is broken");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new PreviewFileError(
        "too-large",
        `"${file}" has a part too large for a workbook (${name}): it was not opened.`,
      );
    if (
      size > limits.maxPartBytes ||
      (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxCompressionRatio)
    )
      throw new PreviewFileError(
        "zip-bomb",
        `"${file}" has a part (${name}) that would expand to ${MB(size)}: it looks like a zip bomb, so it was not opened.`,
      );
    total += size;
    if (total > limits.maxTotalUncompressedBytes)
      throw new PreviewFileError(
        "zip-bomb",
        `"${file}" would expand to more than ${MB(limits.maxTotalUncompressedBytes)}: it looks like a zip bomb, so it was not opened.`,
      );
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, size, localOffset });
  }
  return entries;
}

/** Inflate one part as a stream, never beyond its declared size, handing text chunks to `scan`. */
async function streamPart(bytes: Uint8Array, entry: Entry, file: string, scan: (text: string) => void): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || view.getUint32(lo, true) !== 0x04034b50)
    throw corrupt(file, `part ${entry.name} is missing`);
  const start = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(file, `part ${entry.name} is cut short`);
  const raw = bytes.subarray(start, end);
  const decoder = new TextDecoder();
  if (entry.method === 0) {
    scan(decoder.decode(raw));
    return;
  }
  if (entry.method !== 8) throw corrupt(file, `part ${entry.name} uses an unknown compression`);
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (seen > entry.size)
        throw new PreviewFileError(
          "zip-bomb",
          `"${file}" has a part (${entry.name}) that expands beyond the size it declares: it was not opened.`,
        );
      scan(decoder.decode(value, { stream: true }));
    }
  } catch (e) {
    if (e instanceof PreviewFileError) throw e;
    throw corrupt(file, `part ${entry.name} cannot be read`);
  } finally {
    reader.releaseLock();
    void stream.cancel().catch(() => undefined);
  }
  scan(decoder.decode());
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Scans one worksheet's XML: DTDs, the claimed dimension, and the cells it really holds. */
function sheetScanner(file: string, part: string, limits: GuardLimits): (text: string) => void {
  let carry = "";
  let cells = 0;
  let dimensionChecked = false;
  return (chunk) => {
    const text = carry + chunk;
    if (/<!DOCTYPE|<!ENTITY/i.test(text))
      throw new PreviewFileError(
        "xml-entities",
        `"${file}" declares XML entities in ${part}, which a workbook never needs (an "entity expansion" attack): it was not opened.`,
      );
    if (!dimensionChecked) {
      const m = /<dimension\s+ref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/.exec(text);
      if (m) {
        dimensionChecked = true;
        const rows = m[4] ? Number(m[4]) - Number(m[2]) + 1 : 1;
        const cols = m[3] ? colNumber(m[3]) - colNumber(m[1]!) + 1 : 1;
        if (rows * cols > limits.maxCells)
          throw new PreviewFileError(
            "too-many-cells",
            `"${file}" has a sheet (${part}) claiming ${rows.toLocaleString("en-US")} rows by ${cols.toLocaleString("en-US")} columns, more than the ${limits.maxCells.toLocaleString("en-US")} cells the preview opens.`,
          );
      } else if (/<sheetData/.test(text)) dimensionChecked = true;
    }
    cells += (text.match(/<c[\s>/]/g) ?? []).length;
    if (cells > limits.maxCells)
      throw new PreviewFileError(
        "too-many-cells",
        `"${file}" has a sheet (${part}) with more than ${limits.maxCells.toLocaleString("en-US")} cells: use the command line (iccwc-plan) for it.`,
      );
    carry = text.slice(-8);
  };
}

function dtdScanner(file: string, part: string): (text: string) => void {
  let carry = "";
  return (chunk) => {
    const text = carry + chunk;
    if (/<!DOCTYPE|<!ENTITY/i.test(text))
      throw new PreviewFileError(
        "xml-entities",
        `"${file}" declares XML entities in ${part}, which a workbook never needs (an "entity expansion" attack): it was not opened.`,
      );
    carry = text.slice(-8);
  };
}

/** Every check, in order; resolves when ExcelJS may open the bytes. */
export async function guardWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: GuardLimits = PREVIEW_LIMITS,
): Promise<void> {
  sniff(bytes, file, limits);
  const entries = readCentralDirectory(bytes, file, limits);
  const names = new Set(entries.map((e) => e.name));
  if (names.has("mimetype") && !names.has("xl/workbook.xml"))
    throw new PreviewFileError(
      "ods",
      `"${file}" is an OpenDocument spreadsheet: open it in LibreOffice or Excel and save it as .xlsx.`,
    );
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
    throw new PreviewFileError(
      "not-a-workbook",
      `"${file}" is a zip archive but not an Excel workbook: choose an .xlsx file.`,
    );
  if (entries.some((e) => e.encrypted))
    throw new PreviewFileError(
      "password-protected",
      `"${file}" has encrypted parts: remove the password in Excel and save it again.`,
    );
  for (const e of entries) {
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const scan = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)
      ? sheetScanner(file, e.name, limits)
      : dtdScanner(file, e.name);
    await streamPart(bytes, e, file, scan);
  }
}

/**
 * Reads the archive's text parts by name, once guardWorkbook has accepted it: one part inflated per
 * call, never beyond its declared size (for the notes ExcelJS does not attach, package-notes.ts).
 */
export function zipTextReader(
  bytes: Uint8Array,
  file: string,
  limits: GuardLimits = PREVIEW_LIMITS,
): (path: string) => Promise<string | undefined> {
  const entries = new Map(readCentralDirectory(bytes, file, limits).map((e) => [e.name, e]));
  return async (path) => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    let text = "";
    await streamPart(bytes, entry, file, (chunk) => void (text += chunk));
    return text;
  };
}
