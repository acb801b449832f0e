/**
 * The whole number written by the ASCII digits s[from, to), or -1 when the range is empty or holds
 * anything else. Read by character codes, with no substring: the date reader runs it three times per
 * activity and the streaming file reader for most cells of a large sheet.
 */
export function asciiDigits(s: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
