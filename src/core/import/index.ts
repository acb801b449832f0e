/**
 * Import from the spreadsheets country teams already keep: find the table, map its columns, normalise
 * its values (reporting every change), and append canonical records to Activities.
 */
export { importRows, emptyRecord, displayValue, joinNotes, NOTES_SEPARATOR, type ImportOptions } from "./import-rows";
export { importAppendChanges, importAppendPlan, cellValueOf, type AppendPlan } from "./append-changes";
export { importResultToJson, type ImportJson } from "./to-json";
export { mapColumns, fieldHeader, type MappingOverride, type ColumnPlan } from "./map-columns";
export { matchHeader, HEADER_THRESHOLD, type HeaderMatch } from "./match-header";
export { findHeaderRow, classifyRow, type RowKind } from "./detect-layout";
export {
  emptyMappingMemory,
  headerFingerprint,
  mappingMemorySchema,
  parseMappingMemory,
  recallMapping,
  rememberMapping,
  rememberImport,
  serializeMappingMemory,
  type MappingMemory,
  type MappingMemoryEntry,
} from "./mapping-memory";
export {
  parseImportDate,
  parseImportPeriod,
  isDateFormat,
  type DateParse,
  type DateRole,
  type PeriodParse,
} from "./parse-date";
export { parseMoney, type MoneyParse } from "./parse-money";
export { parseProgress, type ProgressParse } from "./parse-progress";
export { parseScore, type ScoreParse } from "./parse-score";
export { existingActivities } from "./existing";
export { GENERATED_ID_PREFIX, generatedId } from "./ids";
export { APPROACH_THRESHOLD } from "./normalise-fields";
export type * from "./types";
