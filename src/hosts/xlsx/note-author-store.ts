/**
 * Where a note's author is kept on ExcelJS's Note object: under a symbol, so `cell.note` stays what
 * ExcelJS gives (a string for a plain note), and a note the add-in replaces loses it with the object.
 * No ExcelJS internals here, so the browser preview can use it; note-authors.ts writes it on save.
 */
import type { Cell } from "exceljs";

export const NOTE_AUTHOR = Symbol("iccwc.noteAuthor");

export interface NoteWithAuthor {
  [NOTE_AUTHOR]?: string;
}

/** Give the cell's note (it must have one) its author, to be written on save. */
export function setNoteAuthor(cell: Cell, author: string): void {
  const note = (cell as unknown as { _comment?: NoteWithAuthor })._comment;
  if (note) note[NOTE_AUTHOR] = author;
}

/** The author a cell's note will be written with, when one was read. */
export function noteAuthor(cell: Cell): string | undefined {
  return (cell as unknown as { _comment?: NoteWithAuthor })._comment?.[NOTE_AUTHOR];
}
