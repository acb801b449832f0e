/**
 * Which ExcelApi requirement set each thing the adapter does needs. The manifest asks for 1.8; the
 * adapter checks the newer ones at run time with Office.context.requirements.isSetSupported.
 */
export type IsSetSupported = (name: string, version?: string) => boolean;

export const API = {
  /** Worksheet.getRangeByIndexes, freeze panes, tab colour, hyperlinks. */
  base: "1.7",
  /** Data validation and PivotTables: the manifest minimum. */
  dataValidation: "1.8",
  pivot: "1.8",
  conditionalFormat: "1.6",
  suspendCalculation: "1.6",
  /** Table.resize; below it a table is converted to a range and added again. */
  tableResize: "1.13",
  /** Notes (the yellow cell notes). Below it notes are skipped and the Issues sheet carries the messages. */
  notes: "1.18",
} as const;

/** Office.context.requirements.isSetSupported when Office.js is loaded; "nothing" otherwise. */
export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return office?.context?.requirements?.isSetSupported(name, version) ?? false;
  };
}
