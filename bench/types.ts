/** One benchmark's result: figures and ratios to print, never to assert. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
}
