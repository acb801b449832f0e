/**
 * A sheet's notes as xl/commentsN.xml and xl/drawings/vmlDrawingN.vml entries, byte for byte as ExcelJS
 * 4.4's streaming comments writer makes them for a plain-text note (`new Note(text)`: its comment xform
 * and VML shape xform with the Note's default margins, protection and placement), written as bytes
 * (xml-bytes.ts). ExcelJS builds a deep-merged model, two xforms and two XmlStreams per note: at 8,449
 * notes (a 10,000-activity annotate) that was ~300 ms of the save. The parts' opening and closing XML,
 * their relationships and content types are still ExcelJS's (write.ts).
 */
import { writeTextElement } from "./row-xml";
import type { XmlBytes } from "./xml-bytes";

/** A note at its cell: 1-based row and column, its address ("J2") and its text. */
export interface NoteAt {
  row: number;
  col: number;
  ref: string;
  text: string;
}

/** `<comment>` of xl/commentsN.xml (comment-xform.js, rich-text-xform.js with one plain run). */
export function writeCommentXml(out: XmlBytes, note: NoteAt): void {
  out.ascii('<comment ref="');
  out.ascii(note.ref);
  out.ascii('" authorId="0"><text><r>');
  writeTextElement(out, note.text);
  out.ascii("</r></text></comment>");
}

// vml-shape-xform.js V_SHAPE_ATTRIBUTES, vml-textbox-xform.js (inset 0.13, 0.13, 0.25, 0.25 cm as mm),
// vml-client-data-xform.js with editAs "absolute" and locked text: the same for every note.
const SHAPE_STYLE =
  '" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">' +
  '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
  '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
  '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>';
const AFTER_ANCHOR =
  "</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>";

/**
 * `<v:shape>` of the VML drawing for the `index`-th note of the sheet (0-based), anchored where ExcelJS
 * puts a note without an anchor of its own (vml-anchor-xform.js getDefaultRect).
 */
export function writeVmlShape(out: XmlBytes, note: NoteAt, index: number): void {
  const top = Math.max(note.row - 2, 0);
  out.ascii('<v:shape id="_x0000_s');
  out.uint(1025 + index);
  out.ascii(SHAPE_STYLE);
  out.uint(note.col);
  out.ascii(", 6, ");
  out.uint(top);
  out.ascii(", 14, ");
  out.uint(note.col + 2);
  out.ascii(", 2, ");
  out.uint(top + 4);
  out.ascii(", 16");
  out.ascii(AFTER_ANCHOR);
  out.uint(note.row - 1);
  out.ascii("</x:Row><x:Column>");
  out.uint(note.col - 1);
  out.ascii("</x:Column></x:ClientData></v:shape>");
}
