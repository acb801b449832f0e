/**
 * Documented limits for files the host will open (docs/file-host.md). They are checked from the zip's
 * central directory and by streaming each XML part through a small scanner before ExcelJS inflates
 * anything, so a hostile file is refused in bounded time and memory.
 */
export interface FileLimits {
  /** Size of the .xlsx file on disk. @default 100 MB */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of all parts. @default 200 MB */
  maxTotalUncompressedBytes: number;
  /** Uncompressed size of any one part. @default 150 MB */
  maxPartBytes: number;
  /** Uncompressed/compressed ratio of one part, checked once the part is larger than ratioFloorBytes. @default 250 */
  maxCompressionRatio: number;
  /** Parts below this size are never judged by their ratio (tiny XML compresses very well). @default 1 MB */
  ratioFloorBytes: number;
  /** Number of parts in the archive. @default 10,000 */
  maxEntries: number;
  /** Cells a sheet may claim (dimension) or hold (bounding box of its cells). @default 2,000,000 */
  maxCells: number;
  /** Excel's own sheet limits. @default 1,048,576 */
  maxRows: number;
  /** @default 16,384 */
  maxColumns: number;
  /** Excel's limit for the text in one cell. @default 32,767 */
  maxStringLength: number;
  /**
   * A workbook with a sheet holding more cells than this is opened on the streaming path (about 6,000
   * activity rows of 25 columns, whose facts table alone passes 1,000,000 cells). 0 streams every file
   * the streaming path can carry; Infinity never streams. @default 150,000
   */
  streamAboveCells?: number;
}

export const DEFAULT_STREAM_ABOVE_CELLS = 150_000;

export const DEFAULT_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxPartBytes: 150 * 1024 * 1024,
  maxCompressionRatio: 250,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
  maxCells: 2_000_000,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxStringLength: 32_767,
});

export function resolveLimits(partial?: Partial<FileLimits>): FileLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
