/**
 * Label equality across sources: model outputs (int64, string), files (text) and configuration.
 * The same text, or the same number written differently ("1" and "1.0").
 */
export function isSameLabel(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.trim() === '' || b.trim() === '') return false;
  const x = Number(a);
  return Number.isFinite(x) && x === Number(b);
}
