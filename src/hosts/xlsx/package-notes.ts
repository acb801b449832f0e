/**
 * Users' notes as the package holds them, read from the comments parts directly. ExcelJS 4.4 attaches a
 * comment only to a cell that has a `<c>` element, and Excel writes none for an empty cell, so a note on
 * an empty cell was dropped on load and lost on save. ExcelJS also reads only `<r>` runs, so a note
 * written as one plain `<t>` (openpyxl, pandas and other tools do) came back empty, and it never reads
 * the authors. This module finds every note of every sheet through the relationships (workbook ->
 * sheet -> comments part), and `restoreNotes` puts back whatever ExcelJS did not attach.
 *
 * Pure: no Node API, no zip; the caller hands in the parts' text (zip-text-parts.ts on Node), so the
 * browser preview can use it too.
 */
import type { Workbook } from "exceljs";
import { WorkbookFileError } from "./errors";
import type { FileLimits } from "./limits";
import { noteText } from "./apply-cell-ops";
import { setNoteAuthor } from "./note-author-store";

export interface PackageNote {
  /** The cell, "S2", upper case without "$". */
  ref: string;
  row: number;
  col: number;
  /** The note's text as Excel shows it (runs joined, phonetic guides left out). */
  text: string;
  /** The note's author from the part's `<authors>` list, when it names one. */
  author?: string;
}

const REF = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** XML 1.0 end-of-line handling, then the five named entities and character references. */
function decodeXmlText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** `_xHHHH_` as ExcelJS's own reader decodes it (text-xform.js: upper-case hex), so both read the same. */
function decodeEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^[\w.-]+:/, (p) => (p === "r:" ? p : ""));
    out.set(name, decodeXmlText(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** Start tags of an element (any namespace prefix), with their attributes. */
function startTags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => attributes(m[0]));
}

/** The plain text of a `<text>` element: every `<t>`, in runs or alone, except phonetic guides. */
function plainText(body: string): string {
  const withoutPhonetic = body.replace(/<(?:[\w.-]+:)?rPh(?=[\s>])[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) text += m[1]!;
  return decodeEscapes(decodeXmlText(text));
}

/** Every note of one comments part (`xl/comments1.xml`), in the part's order. */
export function parseCommentsPart(xml: string): PackageNote[] {
  const authors: string[] = [];
  const list = /<(?:[\w.-]+:)?authors(?=[\s>])[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?authors>/.exec(xml);
  if (list) {
    for (const m of list[1]!.matchAll(/<(?:[\w.-]+:)?author(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g))
      authors.push(decodeEscapes(decodeXmlText(m[1]!)));
  }
  const out: PackageNote[] = [];
  const re = /<(?:[\w.-]+:)?comment(?=[\s>/])([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?comment>)/g;
  for (const m of xml.matchAll(re)) {
    const a = attributes(m[1]!);
    const ref = REF.exec((a.get("ref") ?? "").toUpperCase());
    if (!ref) continue;
    const note: PackageNote = {
      ref: `${ref[1]}${ref[2]}`,
      row: Number(ref[2]),
      col: columnNumber(ref[1]!),
      text: plainText(m[3] ?? ""),
    };
    const author = authors[Number(a.get("authorId") ?? "-1")];
    if (author) note.author = author;
    out.push(note);
  }
  return out;
}

/** Relationship targets of one .rels part whose type ends with `/type`. */
function targets(rels: string | undefined, type: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of startTags(rels ?? "", "Relationship")) {
    if (a.get("TargetMode") === "External") continue;
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target && (a.get("Type") ?? "").endsWith(`/${type}`)) out.set(id, target);
  }
  return out;
}

/** Resolve a relationship target against the folder of the part that holds the relationship. */
export function resolvePartPath(fromFolder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromFolder.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part of a part: "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Reads one part of the package as text; undefined when the package has no such part. */
export type PartReader = (path: string) => Promise<string | undefined>;

/**
 * Sheet name -> its notes, found through the relationships from xl/workbook.xml. A Map, since sheet
 * names are the user's text (`__proto__` is a fine sheet name).
 */
export async function readPackageNotes(read: PartReader): Promise<Map<string, PackageNote[]>> {
  const out = new Map<string, PackageNote[]>();
  const workbook = await read("xl/workbook.xml");
  if (workbook === undefined) return out;
  const sheetParts = targets(await read(relsPathOf("xl/workbook.xml")), "worksheet");
  for (const sheet of startTags(workbook, "sheet")) {
    const name = sheet.get("name");
    const target = sheetParts.get(sheet.get("r:id") ?? "");
    if (name === undefined || target === undefined) continue;
    const part = resolvePartPath("xl", target);
    const folder = part.slice(0, part.lastIndexOf("/"));
    const notes: PackageNote[] = [];
    for (const t of targets(await read(relsPathOf(part)), "comments").values()) {
      const xml = await read(resolvePartPath(folder, t));
      if (xml !== undefined) notes.push(...parseCommentsPart(xml));
    }
    if (notes.length > 0) out.set(name, notes);
  }
  return out;
}

/**
 * Put back into the ExcelJS model every note of the package that ExcelJS did not attach (a note on an
 * empty cell), or attached without its text (a plain `<t>`), and give every note its author. A note
 * ExcelJS did read with its text is left as it is (it keeps its fonts). Returns how many were restored.
 * A sheet whose notes would make it hold more cells than the limits allow is refused, as the scanner
 * refuses a sheet claiming too many cells.
 */
export function restoreNotes(
  wb: Workbook,
  notes: ReadonlyMap<string, readonly PackageNote[]>,
  file: string,
  limits: Pick<FileLimits, "maxCells" | "maxRows" | "maxColumns">,
): number {
  let restored = 0;
  for (const ws of wb.worksheets) {
    const list = notes.get(ws.name);
    if (!list) continue;
    let created = 0;
    for (const n of list) {
      if (n.row > limits.maxRows || n.col > limits.maxColumns || ++created > limits.maxCells) {
        throw new WorkbookFileError(
          "too-many-cells",
          file,
          `"${file}" has a sheet ("${ws.name}") with notes beyond the limit of ${limits.maxCells.toLocaleString("en")} cells, ${limits.maxRows.toLocaleString("en")} rows and ${limits.maxColumns.toLocaleString("en")} columns: delete unused notes or split the sheet, then try again.`,
          { sheet: ws.name, ref: n.ref },
        );
      }
      // findCell never creates a cell: a note ExcelJS attached is looked at without touching the sheet.
      const existing = ws.findRow(n.row)?.findCell(n.col);
      const had = existing ? noteText(existing) : null;
      if (had !== null && (had !== "" || n.text === "")) {
        if (n.author && existing) setNoteAuthor(existing, n.author);
        continue;
      }
      // One plain run, as ExcelJS itself gives a note without fonts: a string.
      const cell = ws.getCell(n.row, n.col);
      cell.note = n.text;
      if (n.author) setNoteAuthor(cell, n.author);
      restored++;
    }
  }
  return restored;
}
