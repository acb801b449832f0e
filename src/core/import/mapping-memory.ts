/**
 * The mapping memory: once a user has checked (or corrected) how a tracker's columns map, the next
 * tracker with the same header row maps the same way. Pure data, keyed by a fingerprint of the folded
 * header row, serialisable to JSON: the task pane keeps it in Office settings or localStorage, the
 * command line in a file next to the workbook (--mapping-file).
 *
 * Entries are an array, not an object keyed by fingerprint, so that no header text or hostile JSON
 * ("__proto__") can ever become an object key.
 */
import { z } from "zod";
import { ACTIVITY_COLUMNS } from "../activity/columns";
import { foldText, shortHash } from "./text";
import type { MappingChoice } from "./types";

const CHOICES = ["unmapped", "ignore", "period", ...ACTIVITY_COLUMNS.map((c) => c.key)] as [
  MappingChoice,
  ...MappingChoice[],
];

const entrySchema = z.object({
  fingerprint: z.string().min(1).max(64),
  /** Header texts as written, for people reading the file. */
  headers: z.array(z.string().max(500)).max(500),
  /** One choice per header cell, left to right. */
  choices: z.array(z.enum(CHOICES)).max(500),
});

export const mappingMemorySchema = z.object({
  version: z.literal(1),
  entries: z.array(entrySchema).max(1000),
});

export type MappingMemory = z.infer<typeof mappingMemorySchema>;
export type MappingMemoryEntry = z.infer<typeof entrySchema>;

export function emptyMappingMemory(): MappingMemory {
  return { version: 1, entries: [] };
}

/** The fingerprint of a header row: folded texts, blanks included (position matters), trailing blanks dropped. */
export function headerFingerprint(headers: readonly string[]): string {
  const folded = headers.map((h) => foldText(h));
  while (folded.length > 0 && folded[folded.length - 1] === "") folded.pop();
  return `h-${shortHash(folded.join("\u241f"))}`;
}

export function recallMapping(memory: MappingMemory | undefined, fingerprint: string): MappingMemoryEntry | undefined {
  return memory?.entries.find((e) => e.fingerprint === fingerprint);
}

/** A new memory with this header row's choices (replacing an older entry for the same headers). */
export function rememberMapping(
  memory: MappingMemory | undefined,
  headers: readonly string[],
  choices: readonly MappingChoice[],
): MappingMemory {
  const fingerprint = headerFingerprint(headers);
  const others = (memory?.entries ?? []).filter((e) => e.fingerprint !== fingerprint);
  return { version: 1, entries: [...others, { fingerprint, headers: [...headers], choices: [...choices] }] };
}

/**
 * Read a memory from JSON text (a file or a setting). Anything malformed gives an empty memory and a
 * message, never an exception: a broken memory file must not stop an import.
 */
export function parseMappingMemory(json: string): { memory: MappingMemory; error: string | null } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      memory: emptyMappingMemory(),
      error: "The mapping file is not valid JSON; it was ignored and will be rewritten.",
    };
  }
  const parsed = mappingMemorySchema.safeParse(data);
  if (!parsed.success)
    return {
      memory: emptyMappingMemory(),
      error: "The mapping file does not have the expected shape; it was ignored and will be rewritten.",
    };
  return { memory: parsed.data, error: null };
}

export function serializeMappingMemory(memory: MappingMemory): string {
  return `${JSON.stringify(memory, null, 2)}\n`;
}

/** Remember the mapping an import used (after the user's corrections), for the next source with these headers. */
export function rememberImport(
  memory: MappingMemory | undefined,
  result: { columns: readonly { header: string; choice: MappingChoice }[] },
): MappingMemory {
  return rememberMapping(
    memory,
    result.columns.map((c) => c.header),
    result.columns.map((c) => c.choice),
  );
}
