/**
 * A second, independent .xlsx reader for tests: yauzl to unzip, regular expressions over the XML.
 * It shares no code with ExcelJS, so a value both readers agree on was really written to the file.
 * It understands shared strings, inline strings, numbers, booleans, errors, formulas and their cached
 * results: enough to check cell values and types, not a general reader.
 */
import * as yauzl from "yauzl";

export interface RawCell {
  /** The cell's t attribute: "s" shared string, "inlineStr", "str" formula text result, "b", "e", or "n". */
  type: string;
  /** Decoded value as text (numbers as written in <v>). */
  text: string | null;
  /** Formula text from <f>, or null. */
  formula: string | null;
}

export interface RawWorkbook {
  sheetNames: string[];
  parts: Map<string, string>;
  sheets: Map<string, Map<string, RawCell>>;
}

/** Every entry of a zip in order: its name, the CRC-32 its directory records, and its inflated bytes. */
export function unzipEntries(bytes: Buffer): Promise<{ name: string; crc32: number; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("no zip"));
      const out: { name: string; crc32: number; data: Buffer }[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error("no stream"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.push({ name: entry.fileName, crc32: entry.crc32, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          stream.on("error", reject);
        });
      });
      zip.on("end", () => resolve(out));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

export async function unzipText(bytes: Buffer): Promise<Map<string, string>> {
  return new Map((await unzipEntries(bytes)).map((e) => [e.name, e.data.toString("utf8")]));
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** OOXML ST_Xstring: `_xHHHH_` is one character. */
function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Plain text of an <si> or <is>: its <t> runs, leaving out phonetic runs (<rPh>). */
function itemText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += m[1] === undefined ? "" : decodeXstring(decodeXml(m[1]));
  return out;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : null;
}

export async function readRaw(bytes: Buffer): Promise<RawWorkbook> {
  const parts = await unzipText(bytes);
  const workbook = parts.get("xl/workbook.xml") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const shared: string[] = [];
  for (const m of (parts.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
    shared.push(itemText(m[1] ?? ""));
  const sheetNames: string[] = [];
  const sheets = new Map<string, Map<string, RawCell>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = attr(m[0], "name")!;
    const rid = attr(m[0], "r:id")!;
    sheetNames.push(name);
    const xml = parts.get(`xl/${targets.get(rid)}`) ?? "";
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = c[1] ?? "";
      const body = c[2] ?? "";
      const ref = attr(head, "r")!;
      const type = attr(head, "t") ?? "n";
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      let text: string | null = v ? decodeXml(v[1]!) : null;
      if (type === "s" && text !== null) text = shared[Number(text)] ?? null;
      else if (type === "inlineStr") text = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
      else if (type === "str" && text !== null) text = decodeXstring(text);
      cells.set(ref, { type, text, formula: f ? decodeXml(f[1] ?? "") : null });
    }
    sheets.set(name, cells);
  }
  return { sheetNames, parts, sheets };
}
