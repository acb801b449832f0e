/**
 * Small regular-expression readers for the XML around a worksheet's cells, for workbook.xml, rels,
 * table parts and comments. They only read what ExcelJS itself writes and what a plan workbook holds;
 * anything else found around the cells is reported, so the file goes to the whole-workbook path.
 */
/** `_xHHHH_` escapes decoded as ExcelJS's whole-workbook reader does (text-xform.js: upper-case hex only), so both paths read the same text. */
export function decodeEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Element names the streaming path reads (or may drop without loss) around the cells of a sheet. */
const KNOWN_ELEMENTS = new Set([
  "worksheet",
  "sheetPr",
  "tabColor",
  "outlinePr",
  "pageSetUpPr",
  "dimension",
  "sheetViews",
  "sheetView",
  "pane",
  "selection",
  "sheetFormatPr",
  "cols",
  "col",
  "sheetProtection",
  "mergeCells",
  "mergeCell",
  "hyperlinks",
  "hyperlink",
  "dataValidations",
  "dataValidation",
  "formula1",
  "formula2",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
  "legacyDrawing",
  "tableParts",
  "tablePart",
]);

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Attributes of one start tag, decoded; prefixes kept ("r:id"). */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = decodeXml(m[2]!);
  return out;
}

/** Every start tag of `name` in `xml` with its attributes. */
export function tags(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => attrs(m[0]));
}

/**
 * Print options that are all off say nothing, and LibreOffice writes them on every sheet it saves: they
 * are dropped without loss. Print options that are on are kept out of the streaming path by
 * unknownElements (ExcelJS's streaming writer does not write them).
 */
const SILENT_PRINT_OPTIONS =
  /<printOptions(?:\s+(?:headings|gridLines|horizontalCentered|verticalCentered)="(?:false|0)"|\s+gridLinesSet="(?:true|false|1|0)")*\s*\/>/g;

/** Element names around the cells that the streaming path does not read. */
export function unknownElements(xml: string): string[] {
  const found = new Set<string>();
  const said = xml.replace(SILENT_PRINT_OPTIONS, "");
  for (const m of said.matchAll(/<([A-Za-z][\w:.-]*)/g)) {
    const name = m[1]!;
    if (!KNOWN_ELEMENTS.has(name)) found.add(name);
  }
  return [...found];
}

/** Relationship id -> { target, type } of a .rels part. */
export function relationships(
  xml: string | undefined,
): Map<string, { target: string; type: string; external: boolean }> {
  const out = new Map<string, { target: string; type: string; external: boolean }>();
  for (const a of tags(xml ?? "", "Relationship"))
    if (a.Id) out.set(a.Id, { target: a.Target ?? "", type: a.Type ?? "", external: a.TargetMode === "External" });
  return out;
}

/** Resolve a relationship target against the folder of the part that holds it. */
export function resolvePart(fromFolder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromFolder.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Data validations as ExcelJS models, one per sqref range (a sqref may list several). */
export function dataValidations(tail: string): { range: string; model: Record<string, unknown> }[] {
  const out: { range: string; model: Record<string, unknown> }[] = [];
  for (const m of tail.matchAll(/<dataValidation(?=[\s/>])([^>]*?)(\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const a = attrs(m[1]!);
    const body = m[3] ?? "";
    const formulae: string[] = [];
    for (const f of body.matchAll(/<formula([12])>([\s\S]*?)<\/formula\1>/g)) formulae.push(decodeXml(f[2]!));
    const bool = (v: string | undefined): boolean | undefined =>
      v === undefined ? undefined : v === "1" || v === "true";
    const model: Record<string, unknown> = { type: a.type ?? "any", formulae };
    if (a.operator) model.operator = a.operator;
    if (bool(a.allowBlank) !== undefined) model.allowBlank = bool(a.allowBlank);
    if (bool(a.showInputMessage) !== undefined) model.showInputMessage = bool(a.showInputMessage);
    if (bool(a.showErrorMessage) !== undefined) model.showErrorMessage = bool(a.showErrorMessage);
    if (a.errorStyle) model.errorStyle = a.errorStyle;
    for (const k of ["errorTitle", "error", "promptTitle", "prompt"]) if (a[k] !== undefined) model[k] = a[k];
    for (const range of (a.sqref ?? "").split(/\s+/).filter(Boolean)) out.push({ range, model });
  }
  return out;
}

/** Plain text of each comment ("E5" -> text), as Excel shows it. */
export function commentTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<comment(?=[\s>])([^>]*)>([\s\S]*?)<\/comment>/g)) {
    const ref = attrs(m[1]!).ref;
    if (!ref) continue;
    const text = [...m[2]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join("");
    out.set(ref, decodeEscapes(text));
  }
  return out;
}
