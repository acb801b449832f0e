/**
 * xl/sharedStrings.xml read for the streaming path: each `<si>` as the text a cell shows, or marked as
 * rich text (several runs with their own fonts), which this path does not carry (the file then goes to
 * the whole-workbook path). The part is a few megabytes even for a large plan, so it is read whole.
 *
 * The text is what the whole-workbook reader gives: the `<t>` runs of the item joined, phonetic
 * guides (`<rPh>`) left out, line ends normalised as an XML parser does, entities and then `_xHHHH_`
 * escapes decoded. (ExcelJS's streaming reader, which this replaces, kept the phonetic text instead of
 * the item's and the white space between tags.)
 */
import { decodeEscapes, decodeXml } from "./sheet-xml";

export interface SharedStrings {
  texts: string[];
  /** Index -> 1 when the item is rich text. */
  rich: Uint8Array;
  /** Why the part cannot be read here (the whole-workbook path reads it), or null. */
  unsupported: string | null;
}

const SI = /<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g;
const T = /<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)/g;
const PHONETIC = /<rPh(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/rPh>)/g;
const RUN = /<r(?:\s[^>]*)?>/;
/** Prefixed element names (`<x:si>`) or CDATA: rare writers; the whole-workbook path reads them. */
const UNUSUAL = /<[A-Za-z_][\w.-]*:(?:sst|si|t|r)[\s/>]|<!\[CDATA\[/;

/** Text of one item's `<t>` runs, decoded. */
function itemText(body: string): string {
  let text = "";
  T.lastIndex = 0;
  for (let m = T.exec(body); m; m = T.exec(body)) text += m[1] ?? "";
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (text.includes("&")) text = decodeXml(text);
  return decodeEscapes(text);
}

export function readSharedStrings(xml: string | undefined): SharedStrings {
  const texts: string[] = [];
  if (!xml) return { texts, rich: new Uint8Array(0), unsupported: null };
  if (UNUSUAL.test(xml))
    return { texts, rich: new Uint8Array(0), unsupported: "shared strings written with prefixes or CDATA" };
  const richAt: number[] = [];
  SI.lastIndex = 0;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) {
    let body = m[1] ?? "";
    if (body.includes("<rPh")) body = body.replace(PHONETIC, "");
    if (RUN.test(body)) richAt.push(texts.length);
    texts.push(itemText(body));
  }
  const rich = new Uint8Array(texts.length);
  for (const i of richAt) rich[i] = 1;
  return { texts, rich, unsupported: null };
}
