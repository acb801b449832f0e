/**
 * Open a large workbook on the streaming path: cells through ExcelJS's streaming WorkbookReader into
 * compact rows, everything else from the package parts (package-parts.ts, sheet-xml.ts). Whatever this
 * path cannot carry is named in `unsupported`; the caller then uses the whole-workbook path instead,
 * so nothing is ever dropped silently.
 */
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { INSIDE_MARKERS, readPackageParts, type PackageParts } from "./package-parts";
import {
  attrs,
  commentTexts,
  dataValidations,
  decodeEscapes,
  relationships,
  resolvePart,
  tags,
  unknownElements,
} from "./sheet-xml";
import { newSheet, rowOf, type BookStore, type SheetStore, type StyleModel } from "./store";

/** Parts the streaming path reads or rebuilds; any other part sends the file to the whole-workbook path. */
const KNOWN_PART =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[^/]+\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/theme\/[^/]+\.xml|xl\/worksheets\/[^/]+\.xml|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/comments[^/]*\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/tables\/[^/]+\.xml|xl\/calcChain\.xml)$/i;

export type StreamingOpen = { store: BookStore } | { unsupported: string[] };

interface SheetRef {
  name: string;
  part: string;
  state: SheetStore["state"];
}

function sheetRefs(parts: PackageParts): SheetRef[] {
  const wb = parts.text.get("xl/workbook.xml") ?? "";
  const rels = relationships(parts.text.get("xl/_rels/workbook.xml.rels"));
  return tags(wb, "sheet").map((a) => {
    const rel = rels.get(a["r:id"] ?? "");
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    return { name: a.name ?? "", part: rel ? resolvePart("xl", rel.target) : "", state };
  });
}

/** Fill a sheet's store from the XML around its cells; returns what could not be kept. */
function readSheetExtras(
  parts: PackageParts,
  ref: SheetRef,
  sheet: SheetStore,
  styleOf: (id: number) => StyleModel | undefined,
): string[] {
  const why: string[] = [];
  const scan = parts.sheets.get(ref.part);
  if (!scan) return [`the sheet "${ref.name}" has no worksheet part`];
  for (const m of scan.inside) why.push(`the sheet "${ref.name}" has ${INSIDE_MARKERS[m]}`);
  for (const e of unknownElements(scan.head + scan.tail)) why.push(`the sheet "${ref.name}" has <${e}>`);
  const folder = ref.part.slice(0, ref.part.lastIndexOf("/"));
  const relsPart = `${folder}/_rels/${ref.part.slice(ref.part.lastIndexOf("/") + 1)}.rels`;
  const rels = relationships(parts.text.get(relsPart));

  const tab = tags(scan.head, "tabColor")[0];
  if (tab?.rgb) sheet.tabColor = tab.rgb;
  else if (tab) why.push(`the sheet "${ref.name}" has a theme tab colour`);
  const pane = tags(scan.head, "pane")[0];
  if (pane && (pane.state === "frozen" || pane.state === "frozenSplit"))
    sheet.frozen = { rows: Number(pane.ySplit ?? 0), cols: Number(pane.xSplit ?? 0) };
  else if (pane) why.push(`the sheet "${ref.name}" has split panes`);
  for (const c of tags(scan.head, "col")) {
    const min = Number(c.min);
    const max = Math.min(Number(c.max), 16384);
    const style = c.style ? styleOf(Number(c.style)) : undefined;
    for (let i = min; i <= max && i - min < 1024; i++) {
      sheet.columns.set(i, {
        ...(c.width && c.customWidth !== "0" ? { width: Number(c.width), widthFromFile: true } : {}),
        ...(style ? { style } : {}),
        ...(c.hidden === "1" || c.hidden === "true" ? { hidden: true } : {}),
      });
    }
  }
  for (const m of tags(scan.tail, "mergeCell")) if (m.ref) sheet.merges.push(m.ref);
  for (const dv of dataValidations(scan.tail)) sheet.validations.set(dv.range, dv.model);
  for (const h of tags(scan.tail, "hyperlink")) {
    // ExcelJS writes an in-document link with both `location` and an r:id; the location is the link.
    if (!h.location || !h.ref) {
      why.push(`the sheet "${ref.name}" has links to outside the workbook`);
      break;
    }
    sheet.links.set(h.ref, h.location);
  }
  const page = tags(scan.tail, "pageSetup")[0];
  if (page) {
    const setup: Record<string, string | number | boolean> = {};
    for (const k of [
      "orientation",
      "paperSize",
      "scale",
      "fitToWidth",
      "fitToHeight",
      "horizontalDpi",
      "verticalDpi",
      "firstPageNumber",
    ]) {
      const v = page[k];
      if (v !== undefined) setup[k] = k === "orientation" ? v : Number(v);
    }
    const fit = tags(scan.head, "pageSetUpPr")[0]?.fitToPage;
    if (fit === "1" || fit === "true") setup.fitToPage = true;
    sheet.pageSetup = setup;
  }
  const prot = tags(scan.tail, "sheetProtection")[0];
  if (prot) {
    if (prot.password || prot.hashValue) why.push(`the sheet "${ref.name}" is protected with a password`);
    else sheet.protect = prot.sheet === "1" || prot.sheet === "true";
  }
  for (const rel of rels.values()) {
    const part = resolvePart(folder, rel.target);
    if (rel.type.endsWith("/comments")) {
      for (const [cell, text] of commentTexts(parts.text.get(part) ?? "")) sheet.notes.set(cell, text);
    } else if (rel.type.endsWith("/table")) {
      const xml = parts.text.get(part) ?? "";
      const t = tags(xml, "table")[0] ?? {};
      if (t.totalsRowCount && t.totalsRowCount !== "0") why.push(`the table ${t.name ?? ""} has a totals row`);
      if (/calculatedColumnFormula|totalsRowFunction="(?!none")|<sortState/.test(xml))
        why.push(`the table ${t.name ?? ""} has calculated columns or a sort`);
      if (t.headerRowCount === "0") why.push(`the table ${t.name ?? ""} has no header row`);
      const info = tags(xml, "tableStyleInfo")[0] ?? {};
      sheet.tables.push({
        name: t.displayName ?? t.name ?? "",
        ref: t.ref ?? "",
        style: info.name ?? "TableStyleMedium2",
        showRowStripes: info.showRowStripes !== "0",
      });
    } else if (rel.type.endsWith("/hyperlink") || rel.type.endsWith("/vmlDrawing")) {
      // External links are refused above; the VML only draws the notes' boxes, rebuilt on save.
    } else {
      why.push(`the sheet "${ref.name}" has a ${rel.type.slice(rel.type.lastIndexOf("/") + 1)} part`);
    }
  }
  return why;
}

/** Whether an object has an own key, without the array Object.keys makes (once per cell here). */
function hasOwnKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** A cell value as the store keeps it, or the reason the streaming path cannot keep it. */
function storeValue(v: unknown): { value: unknown } | { why: string } {
  if (v === null || v === undefined) return { value: undefined };
  if (typeof v === "string") return { value: decodeEscapes(v) };
  if (typeof v === "number" || typeof v === "boolean" || v instanceof Date) return { value: v };
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { value: { error: o.error } };
  if ("richText" in o) return { why: "rich text (text with several fonts in one cell)" };
  if ("formula" in o || "sharedFormula" in o) return { why: "formulas" };
  return { why: "a kind of cell value it does not carry" };
}

/**
 * The streaming reader caches an empty shared string (`<si><t/></si>`) as null, so a cell holding ""
 * would vanish; the whole-workbook reader keeps it as "". Patch this reader instance to keep "".
 */
function keepEmptySharedStrings(reader: unknown): void {
  const r = reader as {
    _parseSharedStrings: (this: { sharedStrings?: unknown[] }, entry: unknown) => AsyncGenerator<unknown>;
  };
  const original = r._parseSharedStrings;
  r._parseSharedStrings = async function* parseSharedStrings(this: { sharedStrings?: unknown[] }, entry: unknown) {
    yield* original.call(this, entry);
    if (this.sharedStrings) this.sharedStrings = this.sharedStrings.map((s) => s ?? "");
  };
}

export async function readStreaming(bytes: Buffer): Promise<StreamingOpen> {
  const parts = await readPackageParts(bytes);
  const unsupported: string[] = [];
  for (const name of parts.names)
    if (!name.endsWith("/") && !KNOWN_PART.test(name)) unsupported.push(`the part ${name}`);
  const wbXml = parts.text.get("xl/workbook.xml") ?? "";
  for (const n of tags(wbXml, "definedName"))
    if (n.localSheetId !== undefined || n.hidden === "1")
      unsupported.push(`the name ${n.name ?? ""} (sheet-scoped or hidden)`);
  if (/date1904="(1|true)"/.test(wbXml)) unsupported.push("dates counted from 1904");
  if (unsupported.length > 0) return { unsupported };

  const refs = sheetRefs(parts);
  const store: BookStore = {
    sheets: refs.map((r) => ({ ...newSheet(r.name), state: r.state })),
    names: [],
    date1904: /date1904="(1|true)"/.test(wbXml),
  };
  for (const m of wbXml.matchAll(/<definedName(?=[\s>])([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attrs(m[1]!);
    if (a.name)
      store.names.push({
        name: a.name,
        range: m[2]!
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">"),
      });
  }
  const byName = new Map(store.sheets.map((s) => [s.name, s]));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  keepEmptySharedStrings(reader);
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
    const sheet = byName.get(ws.name);
    for await (const row of ws) {
      if (!sheet) continue;
      const r = row.number;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const raw = cell.value;
        let value: unknown;
        // Plain numbers and texts (nearly every cell) skip storeValue's result object: 1.8 million at 100,000 rows.
        if (typeof raw === "number") value = raw;
        else if (typeof raw === "string") value = decodeEscapes(raw);
        else {
          const got = storeValue(raw);
          if ("why" in got) {
            if (!unsupported.includes(`cells with ${got.why}`)) unsupported.push(`cells with ${got.why}`);
            return;
          }
          value = got.value;
        }
        const style = cell.style as StyleModel | undefined;
        const hasStyle = style !== undefined && hasOwnKeys(style);
        if (value === undefined && !hasStyle) return;
        const rs = rowOf(sheet, r);
        rs.values[c] = value;
        if (hasStyle) rs.styles[c] = style;
      });
      if (row.height && sheet.rows[r]) sheet.rows[r]!.height = row.height;
    }
    if (unsupported.length > 0) return { unsupported };
  }
  const styles = (reader as unknown as { styles?: { getStyleModel(id: number): StyleModel | null } }).styles;
  const styleOf = (id: number): StyleModel | undefined => styles?.getStyleModel(id) ?? undefined;
  for (const ref of refs) unsupported.push(...readSheetExtras(parts, ref, byName.get(ref.name)!, styleOf));
  return unsupported.length > 0 ? { unsupported: [...new Set(unsupported)] } : { store };
}
