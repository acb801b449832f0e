/**
 * Jest's time limit for a property test, grown with its runs: at TRUST_RUNS=100 a file-host property
 * makes 20 runs, each writing and reading real workbooks, and on a loaded machine (load average 14 on
 * two cores) a run took up to 15 s, so a fixed 300 s cut good runs short. Not a timed assertion: it
 * only keeps a hung property from running forever.
 */
export function propertyTimeout(runs: number, perRunMs = 90_000): number {
  return Math.max(300_000, runs * perRunMs);
}
