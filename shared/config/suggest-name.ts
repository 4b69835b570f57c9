/**
 * "Did you mean" for configuration keys and values: normalised matches (case, `-`, camelCase),
 * an alias table, scikit-learn's `_score` suffix, then edit distance.
 */

/**
 * Lower snake_case form of a name: `minGroupSize`, `Min-Group Size` and `MIN_GROUP_SIZE` all give
 * `min_group_size`. An all-capitals word stays one word (`AUC` → `auc`).
 */
export function normaliseName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), so `thresohld`
 * is one edit from `threshold`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The candidate a mistyped `input` most likely meant, or null when none is close.
 * Order: normalised equality, equality ignoring `_`, the alias table (keys in normalised form),
 * the name without a trailing `_score`, then the smallest edit distance within a third of the
 * length (at least 1). Ties go to the earlier candidate.
 */
export function suggestName(
  input: string,
  candidates: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const norm = normaliseName(input);
  const compact = norm.replaceAll('_', '');
  const direct =
    candidates.find((c) => normaliseName(c) === norm) ??
    candidates.find((c) => normaliseName(c).replaceAll('_', '') === compact);
  if (direct !== undefined) return direct;
  const alias = aliasFor(norm, aliases);
  if (alias !== undefined && candidates.includes(alias)) return alias;
  if (norm.endsWith('_score') && norm.length > '_score'.length) {
    return suggestName(norm.slice(0, -'_score'.length), candidates, aliases);
  }
  return closest(norm, candidates);
}

function aliasFor(norm: string, aliases: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(aliases, norm)) return aliases[norm];
  const compact = norm.replaceAll('_', '');
  const key = Object.keys(aliases).find((k) => k.replaceAll('_', '') === compact);
  return key === undefined ? undefined : aliases[key];
}

function closest(norm: string, candidates: readonly string[]): string | null {
  const limit = Math.max(1, Math.floor(norm.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(norm, normaliseName(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(suggestion: string | null): string {
  return suggestion === null ? '' : `; did you mean "${suggestion}"?`;
}

/**
 * `<problem>; did you mean "x"? Expected <expected>` or, with no suggestion,
 * `<problem>; expected <expected>`.
 */
export function explainUnknown(problem: string, suggestion: string | null, expected: string): string {
  return suggestion === null
    ? `${problem}; expected ${expected}`
    : `${problem}; did you mean "${suggestion}"? Expected ${expected}`;
}
