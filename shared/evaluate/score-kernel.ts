/**
 * The per-chunk passes of the batched score bootstrap: for one chunk of a score layout and
 * four resamples (one int32 of slot-major counts: a quad of the LANES byte lanes), add the chunk's
 * rows to those resamples' running totals. Branch-free loops: the chunk's negatives (prefix sums of
 * their weight, loss terms), then its positives (ROC AUC and average precision from those prefix
 * sums, loss terms). Four resamples per loop iteration share one read of the per-row data, and
 * amortise V8's per-iteration typed-array checks (it does not hoist them out of loops).
 *
 * All arithmetic is in doubles and, for the rank sums, on integers (exact below 2^53, i.e. for
 * fewer than ~9·10^7 rows): int32 arithmetic here makes V8 speculate on integer results and
 * deoptimise when a product overflows or a quotient is fractional.
 */
import { validateLaneTotal } from './lane-row-counts.js';
import {
  ABOVE,
  AP,
  BRIER,
  type ChunkPass,
  firstWord,
  LOG_LOSS,
  NEG,
  POS,
  QUAD,
  ROW_WORDS,
  storeQuad,
} from './score-state.js';
import { sumTiedPositives } from './tied-score-kernel.js';

/** Adds chunk k of four resamples to their running totals. */
export function sumChunk(pass: ChunkPass): void {
  sumNegatives(pass);
  if (pass.layout.ties === null) sumPositives(pass);
  else sumTiedPositives(pass);
}

function sumNegatives(pass: ChunkPass): void {
  const { layout, k, words, state, offset: o, neg: nw } = pass;
  const terms = layout.terms;
  const from = layout.posEnds[k]!;
  // Module constants as locals: a bundler turns top-level consts into vars, which V8 reloads per iteration.
  const step = QUAD;
  const rowWords = ROW_WORDS;
  const end = step * (layout.starts[k + 1]! - from + 1);
  let s0 = state[o + NEG]!;
  let s1 = state[o + NEG + 1]!;
  let s2 = state[o + NEG + 2]!;
  let s3 = state[o + NEG + 3]!;
  let l0 = state[o + LOG_LOSS]!;
  let l1 = state[o + LOG_LOSS + 1]!;
  let l2 = state[o + LOG_LOSS + 2]!;
  let l3 = state[o + LOG_LOSS + 3]!;
  let b0 = state[o + BRIER]!;
  let b1 = state[o + BRIER + 1]!;
  let b2 = state[o + BRIER + 2]!;
  let b3 = state[o + BRIER + 3]!;
  nw[0] = s0;
  nw[1] = s1;
  nw[2] = s2;
  nw[3] = s3;
  // Induction variables instead of index arithmetic: V8 does not strength-reduce `ROW_WORDS * j + quad`.
  for (let t = step, c = firstWord(pass, from), u = 2 * from; t < end; t += step, c += rowWords, u += 2) {
    const v = words[c]!;
    const w0 = v & 255;
    const w1 = (v >>> 8) & 255;
    const w2 = (v >>> 16) & 255;
    const w3 = v >>> 24;
    const ll = terms[u]!;
    const br = terms[u + 1]!;
    s0 += w0;
    s1 += w1;
    s2 += w2;
    s3 += w3;
    nw[t] = s0;
    nw[t + 1] = s1;
    nw[t + 2] = s2;
    nw[t + 3] = s3;
    l0 += w0 * ll;
    l1 += w1 * ll;
    l2 += w2 * ll;
    l3 += w3 * ll;
    b0 += w0 * br;
    b1 += w1 * br;
    b2 += w2 * br;
    b3 += w3 * br;
  }
  storeQuad(state, o + NEG, s0, s1, s2, s3);
  storeQuad(state, o + LOG_LOSS, l0, l1, l2, l3);
  storeQuad(state, o + BRIER, b0, b1, b2, b3);
}

/** No positive ties another row: each positive is its own threshold. */
function sumPositives(pass: ChunkPass): void {
  const { layout, k, words, state, offset: o, neg: nw } = pass;
  const { terms, negAbove } = layout;
  const start = layout.starts[k]!;
  const end = layout.posEnds[k]!;
  let p0 = state[o + POS]!;
  let p1 = state[o + POS + 1]!;
  let p2 = state[o + POS + 2]!;
  let p3 = state[o + POS + 3]!;
  let a0 = state[o + ABOVE]!;
  let a1 = state[o + ABOVE + 1]!;
  let a2 = state[o + ABOVE + 2]!;
  let a3 = state[o + ABOVE + 3]!;
  let q0 = state[o + AP]!;
  let q1 = state[o + AP + 1]!;
  let q2 = state[o + AP + 2]!;
  let q3 = state[o + AP + 3]!;
  let l0 = state[o + LOG_LOSS]!;
  let l1 = state[o + LOG_LOSS + 1]!;
  let l2 = state[o + LOG_LOSS + 2]!;
  let l3 = state[o + LOG_LOSS + 3]!;
  let b0 = state[o + BRIER]!;
  let b1 = state[o + BRIER + 1]!;
  let b2 = state[o + BRIER + 2]!;
  let b3 = state[o + BRIER + 3]!;
  const step = QUAD;
  const rowWords = ROW_WORDS;
  for (let i = start, c = firstWord(pass, start), u = 2 * start; i < end; i++, c += rowWords, u += 2) {
    const v = words[c]!;
    const w0 = v & 255;
    const w1 = (v >>> 8) & 255;
    const w2 = (v >>> 16) & 255;
    const w3 = v >>> 24;
    const x = step * negAbove[i]!;
    const n0 = nw[x]!;
    const n1 = nw[x + 1]!;
    const n2 = nw[x + 2]!;
    const n3 = nw[x + 3]!;
    const ll = terms[u]!;
    const br = terms[u + 1]!;
    p0 += w0;
    p1 += w1;
    p2 += w2;
    p3 += w3;
    a0 += w0 * n0;
    a1 += w1 * n1;
    a2 += w2 * n2;
    a3 += w3 * n3;
    q0 += w0 * (p0 / Math.max(p0 + n0, 1));
    q1 += w1 * (p1 / Math.max(p1 + n1, 1));
    q2 += w2 * (p2 / Math.max(p2 + n2, 1));
    q3 += w3 * (p3 / Math.max(p3 + n3, 1));
    l0 += w0 * ll;
    l1 += w1 * ll;
    l2 += w2 * ll;
    l3 += w3 * ll;
    b0 += w0 * br;
    b1 += w1 * br;
    b2 += w2 * br;
    b3 += w3 * br;
  }
  storeQuad(state, o + POS, p0, p1, p2, p3);
  storeQuad(state, o + ABOVE, a0, a1, a2, a3);
  storeQuad(state, o + AP, q0, q1, q2, q3);
  storeQuad(state, o + LOG_LOSS, l0, l1, l2, l3);
  storeQuad(state, o + BRIER, b0, b1, b2, b3);
}

/**
 * [roc_auc, average_precision, log_loss, brier] of resample r of a quad's totals into out[at …]
 * (NaN where undefined: no positive or no negative weight for AUC, no positive weight for AP, no
 * rows for the losses).
 * @throws RangeError when the resample's counts do not sum to `rows` (a count wrapped past 255).
 */
export function writeScoreReplicate(input: {
  state: Float64Array;
  offset: number;
  r: number;
  rows: number;
  out: Float64Array;
  at: number;
}): void {
  const { state, offset: o, r, rows, out, at } = input;
  const neg = state[o + NEG + r]!;
  const pos = state[o + POS + r]!;
  validateLaneTotal(pos + neg, rows);
  // Integer sums, exact: P·N − Σ w·(negatives above) is the weight of correctly ordered pairs.
  const pairs = pos * neg;
  out[at] = pos > 0 && neg > 0 ? (pairs - state[o + ABOVE + r]!) / pairs : Number.NaN;
  out[at + 1] = pos > 0 ? state[o + AP + r]! / pos : Number.NaN;
  out[at + 2] = rows === 0 ? Number.NaN : state[o + LOG_LOSS + r]! / rows;
  out[at + 3] = rows === 0 ? Number.NaN : state[o + BRIER + r]! / rows;
}
