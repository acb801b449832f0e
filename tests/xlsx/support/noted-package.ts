/**
 * Hand-made .xlsx packages with notes as Excel and other producers write them (not as ExcelJS does):
 * no `<c>` element for an empty cell that holds a note, an `<authors>` list, notes in runs or in one
 * plain `<t>` (openpyxl), across sheets.
 */
import { buildZip, sheetXml, sharedStringsXml, type RawEntry } from "../../hostile/support/raw-zip";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface NotedSheet {
  name: string;
  /** `<sheetData>` content. */
  sheetData: string;
  /** The comments part's XML (xl/comments{n}.xml), or none. */
  comments?: string;
}

/** A comments part: `authors` then each comment's `ref`, `authorId` and inner `<text>` XML. */
export function commentsXml(authors: string[], comments: { ref: string; authorId?: number; text: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>${authors.map((a) => `<author>${a}</author>`).join("")}</authors><commentList>${comments
    .map((c) => `<comment ref="${c.ref}" authorId="${c.authorId ?? 0}" shapeId="0"><text>${c.text}</text></comment>`)
    .join("")}</commentList></comments>`;
}

/** A run of note text, as Excel writes it (with a font). */
export function run(text: string, bold = false): string {
  return `<r><rPr>${bold ? "<b/>" : ""}<sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${text}</t></r>`;
}

/** A workbook of one or two sheets with shared strings `strings`, each sheet with its own notes. */
export function notedPackage(sheets: NotedSheet[], strings: string[] = ["ID"]): Buffer {
  const entries: RawEntry[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets
          .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map(
            (_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("")}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: "xl/sharedStrings.xml", data: Buffer.from(sharedStringsXml(strings)) },
  ];
  sheets.forEach((s, i) => {
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sheetXml(s.sheetData)) });
    if (s.comments === undefined) return;
    const target = `../comments${i + 1}.xml`;
    entries.push({
      name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="${target}"/></Relationships>`,
      ),
    });
    entries.push({ name: `xl/comments${i + 1}.xml`, data: Buffer.from(s.comments) });
  });
  return buildZip(entries);
}
