/** The workbook plan as change sets: what set up, repair and annotate write, and where. */
export { SHEETS, TABLES, SCORE_HEADERS } from "./sheet-names";
export { LIST_NAMES, type ListName } from "./list-names";
export { ACTIVITY_COLUMN_SPECS, FORMATS, LAYOUT_ROWS, type ColumnSpec } from "./column-specs";
export {
  activitiesLayout,
  activitiesTableOp,
  findHeaderRow,
  usedExtent,
  type ActivitiesLayout,
} from "./activities-sheet";
export { listsSheetChanges, type ListsData } from "./lists-sheet";
export { frameworkSheetChanges, FRAMEWORK_HEADERS, type FrameworkSheetData } from "./framework-sheet";
export { coverSheetChanges, SHEET_GUIDE, type CoverData } from "./cover-sheet";
export { planSetup, setupChanges, type ExistingWorkbook, type SetupData, type SetupPlan } from "./setup-changes";
export { defaultSetupData, frameworkSheetData, listsData } from "./plan-data";
export {
  sampleActivityChanges,
  samplePlanSchema,
  sampleRowSchema,
  sampleSettings,
  type SamplePlan,
  type SampleRow,
} from "./sample";
