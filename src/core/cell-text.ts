/**
 * Text the add-in makes for a cell (a roll-up's detail, a score's breakdown) can quote a user's text
 * (a region, a country name) that is itself up to Excel's limit, so the whole can run past it. Such a
 * file is refused by Excel and by our own guard on the next open, so the add-in's own texts are cut to
 * the limit, with an ellipsis to show it. User values are never passed through here: they are written as
 * they are (and a file cannot bring one longer than the limit: the hosts refuse it).
 */
/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_MAX = 32_767;

export function fitCellText(text: string): string {
  return text.length > CELL_TEXT_MAX ? `${text.slice(0, CELL_TEXT_MAX - 1)}…` : text;
}
