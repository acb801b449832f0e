/** The .xlsx file host: open, read, apply change sets, save safely. See docs/file-host.md. */
export { XlsxWorkbook, openWorkbookBuffer, openWorkbookFile, createWorkbook, type SaveOptions } from "./xlsx-workbook";
export { WorkbookFileError, isWorkbookFileError, type WorkbookFileErrorKind } from "./errors";
export { DEFAULT_LIMITS, resolveLimits, type FileLimits } from "./limits";
export { PIVOT_SKIP_REASON } from "./apply";
export { escapeOoxmlText } from "./text-escape";
