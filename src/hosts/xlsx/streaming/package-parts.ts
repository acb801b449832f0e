/**
 * The parts of a package the streaming reader (ExcelJS WorkbookReader) does not read, taken from the
 * zip with yauzl: small parts whole (workbook.xml, rels, tables, comments), and for each worksheet only
 * the XML around `<sheetData>` (column widths, panes, merges, validations, links, protection...) plus a
 * few flags about what is inside it. The cell data itself is never held here.
 */
import * as yauzl from "yauzl";
import { openZipBuffer } from "../zip-text-parts";

export interface SheetPartScan {
  /** XML before `<sheetData` and after `</sheetData>`. */
  head: string;
  tail: string;
  /** Markers seen inside sheetData that the streaming path does not carry (formulas, hidden rows, ...). */
  inside: Set<string>;
}

export interface PackageParts {
  names: string[];
  /** Small parts as text, by path (no leading slash). */
  text: Map<string, string>;
  sheets: Map<string, SheetPartScan>;
}

/** Markers looked for inside sheetData, with what they mean (for the fallback reason). */
export const INSIDE_MARKERS: Record<string, string> = {
  "<f": "formulas",
  'hidden="': "hidden rows",
  outlineLevel: "grouped rows",
  "<is>": "inline rich text",
};

const SMALL_PART =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/tables\/[^/]+\.xml|xl\/comments[^/]*\.xml|\[Content_Types\]\.xml)$/i;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error("no stream")) : resolve(s))),
  );
}

async function wholeText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

/** One pass over a worksheet part: keep what is around sheetData, note markers inside it. */
async function scanSheet(stream: NodeJS.ReadableStream): Promise<SheetPartScan> {
  const OPEN = "<sheetData";
  const CLOSE = "</sheetData>";
  let state: "head" | "data" | "tail" = "head";
  let head = "";
  let tail = "";
  let carry = "";
  const inside = new Set<string>();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // latin1 keeps one char per byte, so markers (all ASCII) are found without decoding the cell text.
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
      state = "data";
      text = text.slice(i);
      // A self-closing <sheetData/> holds nothing.
      const end = text.indexOf(">");
      if (end > 0 && text[end - 1] === "/") {
        state = "tail";
        tail += text.slice(end + 1);
        continue;
      }
    }
    if (state === "data") {
      const j = text.indexOf(CLOSE);
      const body = j < 0 ? text : text.slice(0, j);
      for (const m of Object.keys(INSIDE_MARKERS)) if (!inside.has(m) && body.includes(m)) inside.add(m);
      if (j < 0) {
        // Keep a little of the end: a marker or the closing tag may straddle two chunks.
        carry = text.slice(-16);
        continue;
      }
      state = "tail";
      tail += text.slice(j + CLOSE.length);
      continue;
    }
    tail += text;
  }
  if (state === "head") head += carry;
  // head and tail were read as latin1; their text (prompts, names) is UTF-8.
  return {
    head: Buffer.from(head, "latin1").toString("utf8"),
    tail: Buffer.from(tail, "latin1").toString("utf8"),
    inside,
  };
}

export async function readPackageParts(bytes: Buffer): Promise<PackageParts> {
  const zip = await openZipBuffer(bytes);
  const out: PackageParts = { names: [], text: new Map(), sheets: new Map() };
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName.replace(/^\//, "");
      out.names.push(name);
      const next = (): void => zip.readEntry();
      if (name.endsWith("/")) return next();
      const small = SMALL_PART.test(name);
      const sheet = SHEET_PART.test(name);
      if (!small && !sheet) return next();
      readStream(zip, entry)
        .then(async (s) => {
          if (sheet) out.sheets.set(name, await scanSheet(s));
          else out.text.set(name, await wholeText(s));
          next();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  zip.close();
  return out;
}
