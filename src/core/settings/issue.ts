/** One constructor for every settings issue, so each names its sheet, cell and value the same way. */
import { cellAddress } from "../grid";
import { showValue, type Issue, type Severity } from "../issues";

export function settingsIssue(
  code: string,
  severity: Severity,
  sheet: string,
  at: { row: number; col: number; column: string } | null,
  value: unknown,
  message: string,
  suggestion?: string,
): Issue {
  return {
    code,
    severity,
    sheet,
    row: at ? at.row : null,
    column: at ? at.column : null,
    cell: at ? cellAddress(at.row, at.col) : null,
    value: showValue(value),
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}
