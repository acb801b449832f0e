/**
 * A note's author survives a save. ExcelJS 4.4 reads no author and writes every note as by "Author"
 * (comments-xform.js: "TODO: support authors properly"), so opening and saving a workbook renamed the
 * author of every note a colleague wrote. The author read from the package (package-notes.ts) is kept
 * on ExcelJS's Note object (note-author-store.ts); the writer is wrapped once to write the authors list
 * and each note's authorId. A note without an author is written as
 * ExcelJS always did, by "Author".
 */
import { NOTE_AUTHOR, type NoteWithAuthor } from "./note-author-store";

interface NoteModel {
  author?: string;
  note?: { texts?: unknown[] };
  ref?: string;
}
interface XmlStreamLike {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes: Record<string, unknown> | null, text?: string): void;
  closeNode(): void;
  openXml(attributes: unknown): void;
}
interface RichTextXformLike {
  render(xmlStream: XmlStreamLike, run: unknown): void;
}
/** comment-xform.js: the writer of one note, reused for its rich-text runs. */
interface CommentXformLike {
  richTextXform: RichTextXformLike;
}

// ExcelJS ships no typings for its internals; these are the modules the note writer is made of.
/* eslint-disable @typescript-eslint/no-require-imports */
const Note = require("exceljs/lib/doc/note") as { prototype: object };
const CommentsXform = require("exceljs/lib/xlsx/xform/comment/comments-xform") as {
  prototype: { render(xmlStream: XmlStreamLike, model?: { comments: NoteModel[] }): void };
  COMMENTS_ATTRIBUTES: Record<string, string>;
};
const XmlStream = require("exceljs/lib/utils/xml-stream") as { StdDocAttributes: unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The author ExcelJS writes for every note; kept for notes that name none. */
export const EXCELJS_DEFAULT_AUTHOR = "Author";

let installed = false;

/** Idempotent: wraps ExcelJS's note model and comments writer once per process. */
export function installNoteAuthors(): void {
  if (installed) return;
  installed = true;

  // The model a Note gives the writer carries its author.
  const modelGetter = Object.getOwnPropertyDescriptor(Note.prototype, "model");
  if (!modelGetter?.get) throw new Error("ExcelJS Note.model changed: note-authors.ts needs a look");
  const getModel = modelGetter.get;
  Object.defineProperty(Note.prototype, "model", {
    ...modelGetter,
    get(this: NoteWithAuthor): NoteModel {
      const model = getModel.call(this) as NoteModel;
      const author = this[NOTE_AUTHOR];
      return author === undefined ? model : { ...model, author };
    },
  });

  // As comments-xform.js renders, with the real authors list (in order of first use).
  CommentsXform.prototype.render = function render(this: { map: { comment: CommentXformLike } }, xmlStream, model) {
    const comments = model?.comments ?? [];
    const authors: string[] = [];
    const ids = comments.map((c) => {
      const name = c.author ?? EXCELJS_DEFAULT_AUTHOR;
      let id = authors.indexOf(name);
      if (id < 0) id = authors.push(name) - 1;
      return id;
    });
    xmlStream.openXml(XmlStream.StdDocAttributes);
    xmlStream.openNode("comments", CommentsXform.COMMENTS_ATTRIBUTES);
    xmlStream.openNode("authors");
    for (const a of authors.length > 0 ? authors : [EXCELJS_DEFAULT_AUTHOR]) xmlStream.leafNode("author", null, a);
    xmlStream.closeNode();
    xmlStream.openNode("commentList");
    comments.forEach((c, i) => renderComment(this.map.comment, xmlStream, c, ids[i] ?? 0));
    xmlStream.closeNode();
    xmlStream.closeNode();
  };
}

/** comment-xform.js's render, with the note's authorId instead of 0. */
function renderComment(xform: CommentXformLike, xmlStream: XmlStreamLike, model: NoteModel, authorId: number): void {
  xmlStream.openNode("comment", { ref: model.ref, authorId });
  xmlStream.openNode("text");
  for (const run of model.note?.texts ?? []) xform.richTextXform.render(xmlStream, run);
  xmlStream.closeNode();
  xmlStream.closeNode();
}
