/** Loading a framework data file: schema check, then an index. One error class names the bad JSON path. */
import { frameworkSchema } from "./schema";
import { FrameworkIndex } from "./framework-index";

/** A framework file that does not match the schema. `path` is the JSON path, e.g. "approaches[3].subOutcome". */
export class FrameworkDataError extends Error {
  constructor(
    readonly path: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `Framework data file is invalid at ${path}: ${problems[0]?.message ?? "unknown problem"}. Fix that entry in the JSON file.`,
    );
    this.name = "FrameworkDataError";
  }
}

function jsonPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(root)";
}

export function loadFramework(json: unknown): FrameworkIndex {
  const parsed = frameworkSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
    throw new FrameworkDataError(problems[0]?.path ?? "(root)", problems);
  }
  return new FrameworkIndex(parsed.data);
}
