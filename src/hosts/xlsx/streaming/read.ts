/**
 * Open a large workbook on the streaming path: each sheet's cells read from its XML as it inflates
 * (sheet-cells.ts) into compact rows, with the shared strings (shared-strings.ts) and ExcelJS's own
 * styles reader; everything else from the package parts (package-parts.ts, sheet-xml.ts). Whatever
 * this path cannot carry is named in `unsupported`; the caller then uses the whole-workbook path
 * instead, so nothing is ever dropped silently.
 */
import { Readable } from "node:stream";
import { readPackageParts, type PackageParts, type SheetPartScan } from "./package-parts";
import { SheetCellsReader, type CellStyles } from "./sheet-cells";
import { readSharedStrings } from "./shared-strings";
import {
  attrs,
  commentTexts,
  dataValidations,
  decodeXml,
  relationships,
  resolvePart,
  tags,
  unknownElements,
} from "./sheet-xml";
import { newSheet, type BookStore, type SheetStore, type StyleModel } from "./store";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS internals without typings, pinned to 4.4 */
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as new () => {
  parseStream(stream: Readable): Promise<unknown>;
  getStyleModel(id: number): StyleModel | null;
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
  scan: SheetPartScan,
  sheet: SheetStore,
  styleOf: (id: number) => StyleModel | undefined,
): string[] {
  const why: string[] = [];
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
  const margins = tags(scan.tail, "pageMargins")[0];
  if (page || margins) {
    const setup: NonNullable<SheetStore["pageSetup"]> = {};
    if (margins) {
      // The six margins, in inches; ExcelJS writes them back from pageSetup.margins.
      const m: Record<string, number> = {};
      for (const k of ["left", "right", "top", "bottom", "header", "footer"]) {
        const v = Number(margins[k]);
        if (margins[k] !== undefined && Number.isFinite(v)) m[k] = v;
      }
      setup.margins = m;
    }
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
      const v = page?.[k];
      if (v !== undefined) setup[k] = k === "orientation" ? v : Number(v);
    }
    const fit = tags(scan.head, "pageSetUpPr")[0]?.fitToPage;
    if (fit === "1" || fit === "true") setup.fitToPage = true;
    sheet.pageSetup = setup;
  }
  const hf = /<headerFooter(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/headerFooter>)/.exec(scan.tail);
  if (hf) {
    // Read as ExcelJS's header-footer xform reads it (the whole path): the two flags and six texts.
    const a = attrs(hf[1] ?? "");
    const model: NonNullable<SheetStore["headerFooter"]> = {
      differentFirst: a.differentFirst === "1",
      differentOddEven: a.differentOddEven === "1",
    };
    for (const m of (hf[2] ?? "").matchAll(
      /<(oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1>)/g,
    ))
      if (m[2]) model[m[1]!] = decodeXml(m[2]);
    sheet.headerFooter = model;
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

/** ExcelJS's styles reader over xl/styles.xml (the same one both of its readers use). */
async function cellStyles(xml: string | undefined, date1904: boolean): Promise<CellStyles> {
  if (!xml) return { styleOf: () => undefined, date1904 };
  const styles = new StylesXform();
  await styles.parseStream(Readable.from([Buffer.from(xml, "utf8")]));
  return { styleOf: (id) => styles.getStyleModel(id) ?? undefined, date1904 };
}

export async function readStreaming(bytes: Buffer): Promise<StreamingOpen> {
  const parts = await readPackageParts(bytes);
  try {
    return await readParts(parts);
  } finally {
    parts.close();
  }
}

async function readParts(parts: PackageParts): Promise<StreamingOpen> {
  const unsupported: string[] = [];
  for (const name of parts.names)
    if (!name.endsWith("/") && !KNOWN_PART.test(name)) unsupported.push(`the part ${name}`);
  const wbXml = parts.text.get("xl/workbook.xml") ?? "";
  for (const n of tags(wbXml, "definedName"))
    if (n.localSheetId !== undefined || n.hidden === "1")
      unsupported.push(`the name ${n.name ?? ""} (sheet-scoped or hidden)`);
  if (/date1904="(1|true)"/.test(wbXml)) unsupported.push("dates counted from 1904");
  const strings = readSharedStrings(parts.text.get("xl/sharedStrings.xml"));
  if (strings.unsupported) unsupported.push(strings.unsupported);
  if (unsupported.length > 0) return { unsupported };

  const refs = sheetRefs(parts);
  const store: BookStore = {
    sheets: refs.map((r) => ({ ...newSheet(r.name), state: r.state })),
    names: [],
    date1904: false,
  };
  for (const m of wbXml.matchAll(/<definedName(?=[\s>])([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attrs(m[1]!);
    if (a.name) store.names.push({ name: a.name, range: decodeXml(m[2]!) });
  }
  const styles = await cellStyles(parts.text.get("xl/styles.xml"), store.date1904);
  for (const [k, ref] of refs.entries()) {
    const sheet = store.sheets[k]!;
    const cells = new SheetCellsReader(sheet, strings, styles);
    const scan = await parts.scanSheet(ref.part, cells);
    if (!scan) {
      unsupported.push(`the sheet "${ref.name}" has no worksheet part`);
      continue;
    }
    for (const w of cells.why) unsupported.push(`the sheet "${ref.name}" has ${w}`);
    if (unsupported.length > 0) return { unsupported };
    unsupported.push(...readSheetExtras(parts, ref, scan, sheet, styles.styleOf));
  }
  return unsupported.length > 0 ? { unsupported: [...new Set(unsupported)] } : { store };
}
