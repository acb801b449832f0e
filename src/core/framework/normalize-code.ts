/**
 * normalizeCode: the shape of an outcome, sub-outcome or approach code, out of whatever an officer typed
 * ("Approach 1.1.1", "(1.1.1)", "1.1.1.", "1.1.1 Support improved governance ...", "Sub-outcome 2.3") or
 * Excel stored (the number 1.1 for a sub-outcome typed without a leading apostrophe). It does not decide
 * whether the code exists in a plan: that is the FrameworkIndex's job, so validation can say "2.4 does not
 * exist" instead of "no code".
 */

/**
 * A code is 1 to 4 dot-separated numbers 1..99 that no other digit or dotted digit touches: "2023" is a
 * year, not a code, and "1.1.1.1.1" is not cut down to a shorter code that the user did not write.
 */
const CODE_PATTERN = /(?<![\d.]\d*|\d)([1-9]\d?(?:\.[1-9]\d?){0,3})(?!\.?\d)/g;

/** Numbers as Excel stores them: 3 -> "3", 1.1 -> "1.1" (a sub-outcome 1.10 cannot exist, so no ambiguity). */
function codeFromNumber(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  // Excel hands 1.1 over as a double; toPrecision strips float noise such as 2.3000000000000003.
  const s = String(Number(n.toPrecision(12)));
  return /^[1-9]\d?(\.[1-9]\d?)?$/.test(s) ? s : null;
}

export function normalizeCode(text: unknown): string | null {
  if (typeof text === "number") return codeFromNumber(text);
  if (typeof text !== "string") return null;
  // Cap the scan: a code sits near the start of a cell, and a 1 MB cell must not slow the parser down.
  const s = text.length > 2000 ? text.slice(0, 2000) : text;
  let best: string | null = null;
  let bestDepth = 0;
  for (const m of s.matchAll(CODE_PATTERN)) {
    const code = m[1]!;
    const depth = code.split(".").length;
    // The deepest code wins ("Outcome 1, approach 1.2.1" means 1.2.1); ties go to the first one written.
    if (depth > bestDepth) {
      best = code;
      bestDepth = depth;
    }
  }
  return best;
}
