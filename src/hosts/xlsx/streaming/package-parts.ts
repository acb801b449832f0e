/**
 * The parts of a package the streaming path reads, taken from the zip with yauzl: the small parts whole
 * (workbook.xml, rels, styles, shared strings, tables, comments), and each worksheet in one pass as it
 * inflates: the XML around `<sheetData>` (column widths, panes, merges, validations, links,
 * protection...) kept as text, the rows inside it handed to a cell reader (sheet-cells.ts) chunk by
 * chunk, so a sheet's XML is never held whole. The archive is in memory, so parts are read in the
 * order the reader needs (strings and styles before the sheets that use them), whatever their order
 * in the zip.
 */
import * as yauzl from "yauzl";
import { inflateRawSync } from "node:zlib";
import { openZipBuffer } from "../zip-text-parts";

export interface SheetPartScan {
  /** XML before `<sheetData` and after `</sheetData>`. */
  head: string;
  tail: string;
}

/** Where the rows inside sheetData go, as latin1 text (see sheet-cells.ts). */
export interface SheetDataSink {
  push(latin1: string): void;
  end(): void;
}

/** Part texts by path; OPC part names are case-insensitive, so are the keys. */
export class PartTexts {
  private readonly byName = new Map<string, string>();
  get(name: string): string | undefined {
    return this.byName.get(name.toLowerCase());
  }
  set(name: string, text: string): void {
    this.byName.set(name.toLowerCase(), text);
  }
}

export interface PackageParts {
  names: string[];
  /** Small parts as text, by path (no leading slash). */
  text: PartTexts;
  /** One pass over a worksheet part; undefined when the package has no such part. */
  scanSheet(part: string, cells: SheetDataSink): Promise<SheetPartScan | undefined>;
  close(): void;
}

const SMALL_PART =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/tables\/[^/]+\.xml|xl\/comments[^/]*\.xml|\[Content_Types\]\.xml|xl\/styles\.xml|xl\/sharedStrings\.xml)$/i;

/** An entry's bytes as a stream: inflated, or as stored in the archive with `{ decompress: false }`. */
function readStream(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  options: yauzl.ZipFileOptions = {},
): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, options, (err, s) => (err || !s ? reject(err ?? new Error("no stream")) : resolve(s))),
  );
}

async function wholeBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

const OPEN = "<sheetData";
const CLOSE = "</sheetData>";

/** Bytes of inflated XML handed to the scan at a time. */
const SLICE_BYTES = 1 << 20;

/**
 * A worksheet part's XML, inflated in one call: the stream yauzl offers hands each 16 KB over through
 * the thread pool and an event, which cost more than the inflating at 10,000 rows. The sizes were
 * checked against the limits by the zip guard before this runs; a part whose inflated size is not the
 * one its entry declares is refused here as the stream would refuse it.
 */
async function* sheetBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  if (entry.compressionMethod !== 8 && entry.compressionMethod !== 0) {
    yield* (await readStream(zip, entry)) as AsyncIterable<Buffer>;
    return;
  }
  const packed = await wholeBytes(
    await readStream(zip, entry, entry.compressionMethod === 8 ? { decompress: false } : {}),
  );
  const xml =
    entry.compressionMethod === 8
      ? inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) })
      : packed;
  if (xml.length !== entry.uncompressedSize)
    throw new Error(`${entry.fileName}: ${xml.length} bytes where the archive says ${entry.uncompressedSize}`);
  for (let at = 0; at < xml.length; at += SLICE_BYTES) yield xml.subarray(at, at + SLICE_BYTES);
}

/** One pass over a worksheet part: keep what is around sheetData, hand what is inside to `cells`. */
async function scanSheetStream(stream: AsyncIterable<Buffer>, cells: SheetDataSink): Promise<SheetPartScan> {
  let state: "head" | "data" | "tail" = "head";
  let head = "";
  let tail = "";
  let carry = "";
  for await (const chunk of stream) {
    // latin1 keeps one char per byte: markup is found, and rows are read, without decoding the cell text.
    let text = carry + chunk.toString("latin1");
    carry = "";
    if (state === "head") {
      const i = text.indexOf(OPEN);
      if (i < 0) {
        // Keep the end back: the tag may straddle two chunks.
        head += text.slice(0, -OPEN.length);
        carry = text.slice(-OPEN.length);
        continue;
      }
      head += text.slice(0, i);
      const end = text.indexOf(">", i);
      if (end < 0) {
        carry = text.slice(i);
        continue;
      }
      // A self-closing <sheetData/> holds nothing.
      if (text.charCodeAt(end - 1) === 47) {
        state = "tail";
        tail += text.slice(end + 1);
        continue;
      }
      state = "data";
      text = text.slice(end + 1);
    }
    if (state === "data") {
      const j = text.indexOf(CLOSE);
      if (j < 0) {
        // Keep the end back: the closing tag may straddle two chunks (a row cut there waits in `cells`).
        const keep = Math.min(text.length, CLOSE.length - 1);
        cells.push(text.slice(0, text.length - keep));
        carry = text.slice(text.length - keep);
        continue;
      }
      cells.push(text.slice(0, j));
      cells.end();
      state = "tail";
      tail += text.slice(j + CLOSE.length);
      continue;
    }
    tail += text;
  }
  if (state === "head") head += carry;
  else if (state === "data") {
    cells.push(carry);
    cells.end();
  }
  // head and tail were read as latin1; their text (prompts, names) is UTF-8.
  return {
    head: Buffer.from(head, "latin1").toString("utf8"),
    tail: Buffer.from(tail, "latin1").toString("utf8"),
  };
}

export async function readPackageParts(bytes: Buffer): Promise<PackageParts> {
  const zip = await openZipBuffer(bytes);
  const names: string[] = [];
  const text = new PartTexts();
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName.replace(/^\//, "");
        names.push(name);
        const next = (): void => zip.readEntry();
        if (name.endsWith("/")) return next();
        entries.set(name.toLowerCase(), entry);
        if (!SMALL_PART.test(name)) return next();
        readStream(zip, entry)
          .then(wholeBytes)
          .then((bytes) => {
            text.set(name, bytes.toString("utf8"));
            next();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    names,
    text,
    scanSheet: async (part, cells) => {
      const entry = entries.get(part.toLowerCase());
      return entry ? scanSheetStream(sheetBytes(zip, entry), cells) : undefined;
    },
    close: () => zip.close(),
  };
}
