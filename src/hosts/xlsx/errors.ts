/**
 * The one error class a user can meet when the file host cannot use a workbook file. Each `kind` is a
 * distinct, documented failure (docs/file-host.md); the message is one sentence saying what was wrong
 * and what to do. The CLI turns any WorkbookFileError into exit code 2 and prints only the message.
 */
export type WorkbookFileErrorKind =
  | "missing-file"
  | "empty-file"
  | "not-a-workbook"
  | "csv-or-text"
  | "xls"
  | "xlsb"
  | "ods"
  | "password-protected"
  | "corrupt"
  | "too-large"
  | "zip-bomb"
  | "too-many-parts"
  | "xml-entities"
  | "too-many-cells"
  | "string-too-long"
  | "would-overwrite-input"
  | "write-failed";

export class WorkbookFileError extends Error {
  override readonly name = "WorkbookFileError";
  constructor(
    readonly kind: WorkbookFileErrorKind,
    /** The file as the user named it (or the buffer's name). */
    readonly file: string,
    message: string,
    /** Machine-readable detail for logs and tests (sizes, part names); never needed to act. */
    readonly detail: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export function isWorkbookFileError(e: unknown): e is WorkbookFileError {
  return e instanceof WorkbookFileError;
}
