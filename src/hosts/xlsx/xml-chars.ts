/**
 * Character codes of XML markup, for the two readers that scan a part by code rather than by regular
 * expression: the guard's byte scanner (xml-part-scanner.ts) and the streaming cell reader
 * (streaming/sheet-cells.ts). A byte and a latin1 character have the same code.
 */
export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const EQ = 0x3d; // =
export const QUOT = 0x22; // "
export const APOS = 0x27; // '

/** XML white space: space, tab, line feed, carriage return. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
