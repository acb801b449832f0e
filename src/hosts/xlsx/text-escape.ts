/**
 * Control characters survive a save. XML 1.0 cannot hold most control characters, and ExcelJS 4.4
 * silently drops them when it writes text (utils.xmlEncode), which would change what the user typed.
 * OOXML's answer is the `_xHHHH_` escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which Excel,
 * LibreOffice and ExcelJS's own reader decode. So we wrap ExcelJS's XmlStream.writeText once, to write
 * control characters (and a carriage return, which XML readers would fold into a line feed) as
 * `_xHHHH_`, and to protect a literal `_xHHHH_` the user typed as `_x005F_xHHHH_`.
 *
 * Only text nodes are touched (cell text, shared strings, notes, formula text); attributes are not.
 */
// ExcelJS ships no typings for its internals; this is the one internal module we touch.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlStream = require("exceljs/lib/utils/xml-stream") as { prototype: { writeText(text: unknown): void } };

/** Characters XML cannot carry as they are (or would not carry back unchanged: CR), plus DEL, which ExcelJS drops. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE_ALL = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** "a\u0001b" -> "a_x0001_b"; "_x0041_" -> "_x005F_x0041_". Pure; exported for tests. */
export function escapeOoxmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPE_ALL, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}

/** Inverse of escapeOoxmlText (both upper- and lower-case hex, as Excel accepts). */
export function unescapeOoxmlText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

let installed = false;

/** Idempotent: wraps XmlStream.prototype.writeText once per process. */
export function installOoxmlTextEscaping(): void {
  if (installed) return;
  installed = true;
  const proto = XmlStream.prototype;
  const original = proto.writeText;
  proto.writeText = function writeText(this: unknown, text: unknown): void {
    original.call(this, typeof text === "string" ? escapeOoxmlText(text) : text);
  };
}
