/**
 * IDs for imported rows. A row keeps the ID its source gives it, unless that ID is already taken (in
 * Activities or earlier in the same import). A row without one, or with a taken one, gets
 * "IMP-" + 10 hex digits of a hash of the source sheet's name and the row's cells: importing the same
 * tracker twice gives the same IDs, so a second import recognises the rows it already brought in, and
 * an ID already in Activities is never given to a different row.
 */
import { foldText, shortHash } from "./text";

export const GENERATED_ID_PREFIX = "IMP-";

export function generatedId(sheet: string, rowTexts: readonly string[]): string {
  return `${GENERATED_ID_PREFIX}${shortHash(`${sheet}\u241e${rowTexts.join("\u241f")}`)}`;
}

export type IdDecision =
  | { kind: "keep"; id: string }
  | {
      kind: "generated";
      id: string;
      sourceId: string | null;
      reason: "none" | "taken-in-activities" | "taken-in-source";
    }
  | { kind: "already-imported"; id: string };

export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly inThisImport = new Set<string>();

  constructor(
    existingIds: Iterable<string>,
    /** ID -> activity title of the rows already in Activities, to recognise a row imported before. */
    private readonly existingTitles: ReadonlyMap<string, string>,
  ) {
    this.taken = new Set(existingIds);
    for (const id of existingTitles.keys()) this.taken.add(id);
  }

  decide(sheet: string, sourceId: string, title: string, rowTexts: readonly string[]): IdDecision {
    if (sourceId) {
      if (!this.taken.has(sourceId)) return this.claim({ kind: "keep", id: sourceId });
      if (!this.inThisImport.has(sourceId)) {
        // Same ID and same title as a row of Activities: the same activity, brought in before.
        const known = this.existingTitles.get(sourceId);
        if (known !== undefined && foldText(known) === foldText(title)) {
          this.inThisImport.add(sourceId);
          return { kind: "already-imported", id: sourceId };
        }
      }
    }
    const base = generatedId(sheet, rowTexts);
    // The same row twice in one source: a numbered suffix, stable because rows are read top to bottom.
    let id = base;
    for (let n = 2; this.inThisImport.has(id); n++) id = `${base}-${n}`;
    if (this.taken.has(id)) {
      // Marked as seen, so that the next identical row of this source is matched with its own "-2" ID.
      this.inThisImport.add(id);
      return { kind: "already-imported", id };
    }
    const reason = !sourceId ? "none" : this.inThisImport.has(sourceId) ? "taken-in-source" : "taken-in-activities";
    return this.claim({ kind: "generated", id, sourceId: sourceId || null, reason });
  }

  private claim<T extends IdDecision>(d: T): T {
    this.taken.add(d.id);
    this.inThisImport.add(d.id);
    return d;
  }
}
