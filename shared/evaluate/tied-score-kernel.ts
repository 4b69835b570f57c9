/**
 * The positives' pass of a chunk when some positive ties another row (see score-kernel.ts): half
 * credit for tied negatives in ROC AUC, and average precision read at the end of each run of equal
 * scores (scikit-learn's thresholds), for four resamples at a time. Scores that went through
 * float32 (ONNX models) tie often at scale, so this is a common path.
 */
import {
  ABOVE,
  AP,
  BRIER,
  type ChunkPass,
  firstWord,
  LOG_LOSS,
  POS,
  QUAD,
  ROW_WORDS,
  storeQuad,
} from './score-state.js';

/** Prefix sums of the chunk's positives (`pos`, four interleaved), then the pass over them. */
export function sumTiedPositives(pass: ChunkPass): void {
  const { layout, k, words, state, offset: o, pos: pw } = pass;
  const start = layout.starts[k]!;
  // Module constants as locals: a bundler turns top-level consts into vars, which V8 reloads per iteration.
  const step = QUAD;
  const rowWords = ROW_WORDS;
  const end = step * (layout.posEnds[k]! - start + 1);
  let p0 = state[o + POS]!;
  let p1 = state[o + POS + 1]!;
  let p2 = state[o + POS + 2]!;
  let p3 = state[o + POS + 3]!;
  storeQuad(pw, 0, p0, p1, p2, p3);
  for (let t = step, c = firstWord(pass, start); t < end; t += step, c += rowWords) {
    const v = words[c]!;
    p0 += v & 255;
    p1 += (v >>> 8) & 255;
    p2 += (v >>> 16) & 255;
    p3 += v >>> 24;
    pw[t] = p0;
    pw[t + 1] = p1;
    pw[t + 2] = p2;
    pw[t + 3] = p3;
  }
  storeQuad(state, o + POS, p0, p1, p2, p3);
  sumTiedRuns(pass);
}

/** ROC AUC, average precision and loss terms of the chunk's positives, from both prefix sums. */
function sumTiedRuns(pass: ChunkPass): void {
  const { layout, k, words, state, offset: o, neg: nw, pos: pw } = pass;
  const { terms, negAbove } = layout;
  const ties = layout.ties!;
  const start = layout.starts[k]!;
  const end = layout.posEnds[k]!;
  const step = QUAD;
  const rowWords = ROW_WORDS;
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
  for (let i = start, c = firstWord(pass, start), u = 2 * start; i < end; i++, c += rowWords, u += 2) {
    const v = words[c]!;
    const w0 = v & 255;
    const w1 = (v >>> 8) & 255;
    const w2 = (v >>> 16) & 255;
    const w3 = v >>> 24;
    const x = step * negAbove[i]!;
    const y = step * ties[u]!;
    const z = step * (ties[u + 1]! + 1);
    const d0 = nw[y]!;
    const d1 = nw[y + 1]!;
    const d2 = nw[y + 2]!;
    const d3 = nw[y + 3]!;
    const e0 = pw[z]!;
    const e1 = pw[z + 1]!;
    const e2 = pw[z + 2]!;
    const e3 = pw[z + 3]!;
    a0 += w0 * (0.5 * (nw[x]! + d0));
    a1 += w1 * (0.5 * (nw[x + 1]! + d1));
    a2 += w2 * (0.5 * (nw[x + 2]! + d2));
    a3 += w3 * (0.5 * (nw[x + 3]! + d3));
    q0 += w0 * (e0 / Math.max(e0 + d0, 1));
    q1 += w1 * (e1 / Math.max(e1 + d1, 1));
    q2 += w2 * (e2 / Math.max(e2 + d2, 1));
    q3 += w3 * (e3 / Math.max(e3 + d3, 1));
    const ll = terms[u]!;
    const br = terms[u + 1]!;
    l0 += w0 * ll;
    l1 += w1 * ll;
    l2 += w2 * ll;
    l3 += w3 * ll;
    b0 += w0 * br;
    b1 += w1 * br;
    b2 += w2 * br;
    b3 += w3 * br;
  }
  storeQuad(state, o + ABOVE, a0, a1, a2, a3);
  storeQuad(state, o + AP, q0, q1, q2, q3);
  storeQuad(state, o + LOG_LOSS, l0, l1, l2, l3);
  storeQuad(state, o + BRIER, b0, b1, b2, b3);
}
