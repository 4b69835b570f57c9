import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ModelGateError
} from "./chunk-MIO7ENFF.js";
import {
  createRng
} from "./chunk-4ZI2KDSH.js";

// shared/stats/multinomial.ts
var STIRLING_TAIL = [
  0.08106146679532733,
  0.04134069595540946,
  0.027677925684997717,
  0.02079067210376584,
  0.01664469118982126,
  0.013876128823072875,
  0.011896709945893313,
  0.010411265261973668,
  0.00925546218270945,
  0.008330563433359472
];
function stirlingTail(k) {
  if (k <= 9) return STIRLING_TAIL[k];
  const m = k + 1;
  const m2 = m * m;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * m2)) / m2) / m2) / m;
}
function binomialInversion(rng, n, p) {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  for (; ; ) {
    let r = r0;
    let u = rng.nextFloat();
    let k = 0;
    while (u > r) {
      u -= r;
      k++;
      if (k > n) break;
      r *= a / k - s;
    }
    if (k <= n) return k;
  }
}
function binomialBtrs(rng, n, p) {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const logHead = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (; ; ) {
    const u = rng.nextFloat() - 0.5;
    let v = rng.nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log(v * alpha / (a / (us * us) + b));
    const bound = logHead + (n + 1) * Math.log((n - m + 1) / (n - k + 1)) + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= bound) return k;
  }
}
function sampleBinomial(rng, n, p) {
  if (!(n >= 0) || !Number.isInteger(n))
    throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (Number.isNaN(p)) throw new RangeError("binomial p is NaN");
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}
function sampleMultinomial(rng, n, weights, out) {
  const k = weights.length;
  if (out.length !== k) throw new RangeError(`multinomial output has ${out.length} cells, weights ${k}`);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`multinomial weight ${i} is ${w}`);
    total += w;
  }
  if (n > 0 && total <= 0) throw new RangeError("multinomial weights sum to zero");
  let last = k - 1;
  while (last > 0 && weights[last] === 0) last--;
  let left = n;
  for (let i = 0; i < k; i++) {
    const w = weights[i];
    const draw = left === 0 || w === 0 ? 0 : i === last ? left : sampleBinomial(rng, left, Math.min(1, w / total));
    out[i] = draw;
    left -= draw;
    total -= w;
  }
}
var BLOCK = 256;
var RowCountSampler = class {
  n;
  totals;
  words;
  constructor(n) {
    if (!(n >= 0) || !Number.isInteger(n))
      throw new RangeError(`row count must be a non-negative integer, got ${n}`);
    this.n = n;
    this.totals = new Int32Array(Math.ceil(n / BLOCK));
    this.words = new Uint32Array((n >>> 2) + this.totals.length + 1);
  }
  /**
   * Writes one resample's counts into `counts` (length n). A slot count above 255 has probability
   * below 1e-500 per slot; it throws rather than wrap.
   * @throws RangeError if `counts` has the wrong length or a count would overflow its 8 bits.
   */
  sample(rng, counts) {
    const { n, totals } = this;
    if (counts.length !== n) throw new RangeError(`counts has length ${counts.length}, expected ${n}`);
    const full = Math.floor(n / BLOCK);
    let left = n;
    let words = 0;
    for (let b = 0; b < totals.length; b++) {
      const slotsLeft = n - b * BLOCK;
      const total = b === totals.length - 1 ? left : sampleBinomial(rng, left, BLOCK / slotsLeft);
      totals[b] = total;
      left -= total;
      if (b < full) words += total + 3 >>> 2;
    }
    if (words > this.words.length) this.words = new Uint32Array(words);
    rng.fillUint32(this.words, words);
    counts.fill(0);
    let overflow = spreadDraws(this.words, totals, full, counts);
    const size = n - full * BLOCK;
    for (let t = size > 0 ? totals[full] : 0; t > 0; t--)
      overflow |= bump(counts, full * BLOCK + rng.nextInt(size));
    if ((overflow & 256) !== 0) throw new RangeError("bootstrap row count exceeded 255");
  }
};
function spreadDraws(words, totals, full, counts) {
  let overflow = 0;
  let w = 0;
  for (let b = 0; b < full; b++) {
    const base = b * BLOCK;
    let t = totals[b];
    for (; t >= 4; t -= 4) {
      const r = words[w++];
      overflow |= bump(counts, base + (r & 255)) | bump(counts, base + (r >>> 8 & 255));
      overflow |= bump(counts, base + (r >>> 16 & 255)) | bump(counts, base + (r >>> 24));
    }
    for (let r = t > 0 ? words[w++] : 0; t > 0; t--, r >>>= 8) overflow |= bump(counts, base + (r & 255));
  }
  return overflow;
}
function bump(counts, i) {
  const v = counts[i] + 1;
  counts[i] = v;
  return v;
}

// shared/evaluate/lane-row-counts.ts
var LANES = 16;
var LANE_SHIFT = 4;
var BLOCK2 = 256;
var MAX_LANE_ROWS = 2 ** 27 - 1;
var SEGMENT_BLOCKS = 16;
var LaneRowCountSampler = class {
  n;
  blocks;
  /** Per lane, per block: the lane's draws in that block. */
  totals;
  words = new Uint32Array(SEGMENT_BLOCKS * 80);
  constructor(n) {
    if (!(n >= 0 && n <= MAX_LANE_ROWS) || !Number.isInteger(n))
      throw new RangeError(`row count must be an integer in [0, ${MAX_LANE_ROWS}], got ${n}`);
    this.n = n;
    this.blocks = Math.ceil(n / BLOCK2);
    this.totals = new Int32Array(LANES * this.blocks);
  }
  /** Counts of n slots and LANES lanes. */
  createCounts() {
    return new Uint8Array(this.n * LANES);
  }
  /**
   * Overwrites `counts` with one resample per generator: n draws with replacement over the n slots
   * from rngs[i] into lane lanes[i] (distinct lanes); other lanes get zero. Each generator is used
   * exactly as RowCountSampler uses it (block totals, then the words of the draws in block order,
   * then the ragged block); the lanes are filled a segment of blocks at a time. A count past 255
   * wraps (see the file comment).
   * @throws RangeError for a wrong `counts` length or lanes.
   */
  sample(rngs, counts, lanes) {
    const { n } = this;
    if (counts.length !== n * LANES)
      throw new RangeError(`counts has length ${counts.length}, expected ${n * LANES}`);
    if (rngs.length !== lanes.length || new Set(lanes).size !== lanes.length || lanes.some((l) => !(l >= 0 && l < LANES) || !Number.isInteger(l)))
      throw new RangeError(
        `lanes ${lanes.join(",")} must be distinct integers in [0, ${LANES}), one per generator`
      );
    rngs.forEach((rng, i) => {
      this.drawTotals(rng, i);
    });
    for (let first = 0; first < this.blocks; first += SEGMENT_BLOCKS) {
      const end = Math.min(first + SEGMENT_BLOCKS, this.blocks);
      counts.fill(0, first * BLOCK2 * LANES, Math.min(end * BLOCK2, n) * LANES);
      rngs.forEach((rng, i) => {
        this.spreadSegment({ rng, i, first, end, counts, lane: lanes[i] });
      });
    }
    const full = Math.floor(n / BLOCK2);
    const size = n - full * BLOCK2;
    rngs.forEach((rng, i) => {
      for (let t = size > 0 ? this.totals[i * this.blocks + full] : 0; t > 0; t--)
        counts[full * BLOCK2 + rng.nextInt(size) << LANE_SHIFT | lanes[i]]++;
    });
  }
  /** Block totals of generator i: one multinomial draw by conditional binomials. */
  drawTotals(rng, i) {
    const { n, blocks, totals } = this;
    let left = n;
    for (let b = 0; b < blocks; b++) {
      const total = b === blocks - 1 ? left : sampleBinomial(rng, left, BLOCK2 / (n - b * BLOCK2));
      totals[i * blocks + b] = total;
      left -= total;
    }
  }
  /** The draws of generator i in the full blocks [first, end), 8 bits each, into lane `lane`. */
  spreadSegment(input) {
    const { i, first, counts, lane } = input;
    const end = Math.min(input.end, Math.floor(this.n / BLOCK2));
    const totals = this.totals;
    const at = i * this.blocks;
    let needed = 0;
    for (let b = first; b < end; b++) needed += totals[at + b] + 3 >>> 2;
    if (needed > this.words.length) this.words = new Uint32Array(needed);
    const words = this.words;
    input.rng.fillUint32(words, needed);
    const shift = LANE_SHIFT;
    const block = BLOCK2;
    let w = 0;
    for (let b = first; b < end; b++) {
      const base = b * block << shift | lane;
      let t = totals[at + b];
      for (; t >= 4; t -= 4) {
        const r = words[w++];
        counts[base + ((r & 255) << shift)]++;
        counts[base + ((r >>> 8 & 255) << shift)]++;
        counts[base + ((r >>> 16 & 255) << shift)]++;
        counts[base + (r >>> 24 << shift)]++;
      }
      for (let r = t > 0 ? words[w++] : 0; t > 0; t--, r >>>= 8) counts[base + ((r & 255) << shift)]++;
    }
  }
};
function validateLaneTotal(total, n) {
  if (total !== n)
    throw new RangeError(`bootstrap row count exceeded 255 (a resample of ${n} rows summed to ${total})`);
}

// shared/evaluate/score-state.ts
var QUAD = 4;
var ROW_WORDS = LANES / QUAD;
var QUAD_STATE = 6 * QUAD;
var NEG = 0;
var LOG_LOSS = 4;
var BRIER = 8;
var POS = 12;
var ABOVE = 16;
var AP = 20;
function firstWord(pass, j) {
  return j * ROW_WORDS + pass.quad;
}
function storeQuad(state, at, a, b, c, d) {
  state[at] = a;
  state[at + 1] = b;
  state[at + 2] = c;
  state[at + 3] = d;
}

// shared/evaluate/tied-score-kernel.ts
function sumTiedPositives(pass) {
  const { layout, k, words, state, offset: o, pos: pw } = pass;
  const start = layout.starts[k];
  const step = QUAD;
  const rowWords = ROW_WORDS;
  const end = step * (layout.posEnds[k] - start + 1);
  let p0 = state[o + POS];
  let p1 = state[o + POS + 1];
  let p2 = state[o + POS + 2];
  let p3 = state[o + POS + 3];
  storeQuad(pw, 0, p0, p1, p2, p3);
  for (let t = step, c = firstWord(pass, start); t < end; t += step, c += rowWords) {
    const v = words[c];
    p0 += v & 255;
    p1 += v >>> 8 & 255;
    p2 += v >>> 16 & 255;
    p3 += v >>> 24;
    pw[t] = p0;
    pw[t + 1] = p1;
    pw[t + 2] = p2;
    pw[t + 3] = p3;
  }
  storeQuad(state, o + POS, p0, p1, p2, p3);
  sumTiedRuns(pass);
}
function sumTiedRuns(pass) {
  const { layout, k, words, state, offset: o, neg: nw, pos: pw } = pass;
  const { terms, negAbove } = layout;
  const ties = layout.ties;
  const start = layout.starts[k];
  const end = layout.posEnds[k];
  const step = QUAD;
  const rowWords = ROW_WORDS;
  let a0 = state[o + ABOVE];
  let a1 = state[o + ABOVE + 1];
  let a2 = state[o + ABOVE + 2];
  let a3 = state[o + ABOVE + 3];
  let q0 = state[o + AP];
  let q1 = state[o + AP + 1];
  let q2 = state[o + AP + 2];
  let q3 = state[o + AP + 3];
  let l0 = state[o + LOG_LOSS];
  let l1 = state[o + LOG_LOSS + 1];
  let l2 = state[o + LOG_LOSS + 2];
  let l3 = state[o + LOG_LOSS + 3];
  let b0 = state[o + BRIER];
  let b1 = state[o + BRIER + 1];
  let b2 = state[o + BRIER + 2];
  let b3 = state[o + BRIER + 3];
  for (let i = start, c = firstWord(pass, start), u = 2 * start; i < end; i++, c += rowWords, u += 2) {
    const v = words[c];
    const w0 = v & 255;
    const w1 = v >>> 8 & 255;
    const w2 = v >>> 16 & 255;
    const w3 = v >>> 24;
    const x = step * negAbove[i];
    const y = step * ties[u];
    const z = step * (ties[u + 1] + 1);
    const d0 = nw[y];
    const d1 = nw[y + 1];
    const d2 = nw[y + 2];
    const d3 = nw[y + 3];
    const e0 = pw[z];
    const e1 = pw[z + 1];
    const e2 = pw[z + 2];
    const e3 = pw[z + 3];
    a0 += w0 * (0.5 * (nw[x] + d0));
    a1 += w1 * (0.5 * (nw[x + 1] + d1));
    a2 += w2 * (0.5 * (nw[x + 2] + d2));
    a3 += w3 * (0.5 * (nw[x + 3] + d3));
    q0 += w0 * (e0 / Math.max(e0 + d0, 1));
    q1 += w1 * (e1 / Math.max(e1 + d1, 1));
    q2 += w2 * (e2 / Math.max(e2 + d2, 1));
    q3 += w3 * (e3 / Math.max(e3 + d3, 1));
    const ll = terms[u];
    const br = terms[u + 1];
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

// shared/evaluate/score-kernel.ts
function sumChunk(pass) {
  sumNegatives(pass);
  if (pass.layout.ties === null) sumPositives(pass);
  else sumTiedPositives(pass);
}
function sumNegatives(pass) {
  const { layout, k, words, state, offset: o, neg: nw } = pass;
  const terms = layout.terms;
  const from = layout.posEnds[k];
  const step = QUAD;
  const rowWords = ROW_WORDS;
  const end = step * (layout.starts[k + 1] - from + 1);
  let s0 = state[o + NEG];
  let s1 = state[o + NEG + 1];
  let s2 = state[o + NEG + 2];
  let s3 = state[o + NEG + 3];
  let l0 = state[o + LOG_LOSS];
  let l1 = state[o + LOG_LOSS + 1];
  let l2 = state[o + LOG_LOSS + 2];
  let l3 = state[o + LOG_LOSS + 3];
  let b0 = state[o + BRIER];
  let b1 = state[o + BRIER + 1];
  let b2 = state[o + BRIER + 2];
  let b3 = state[o + BRIER + 3];
  nw[0] = s0;
  nw[1] = s1;
  nw[2] = s2;
  nw[3] = s3;
  for (let t = step, c = firstWord(pass, from), u = 2 * from; t < end; t += step, c += rowWords, u += 2) {
    const v = words[c];
    const w0 = v & 255;
    const w1 = v >>> 8 & 255;
    const w2 = v >>> 16 & 255;
    const w3 = v >>> 24;
    const ll = terms[u];
    const br = terms[u + 1];
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
function sumPositives(pass) {
  const { layout, k, words, state, offset: o, neg: nw } = pass;
  const { terms, negAbove } = layout;
  const start = layout.starts[k];
  const end = layout.posEnds[k];
  let p0 = state[o + POS];
  let p1 = state[o + POS + 1];
  let p2 = state[o + POS + 2];
  let p3 = state[o + POS + 3];
  let a0 = state[o + ABOVE];
  let a1 = state[o + ABOVE + 1];
  let a2 = state[o + ABOVE + 2];
  let a3 = state[o + ABOVE + 3];
  let q0 = state[o + AP];
  let q1 = state[o + AP + 1];
  let q2 = state[o + AP + 2];
  let q3 = state[o + AP + 3];
  let l0 = state[o + LOG_LOSS];
  let l1 = state[o + LOG_LOSS + 1];
  let l2 = state[o + LOG_LOSS + 2];
  let l3 = state[o + LOG_LOSS + 3];
  let b0 = state[o + BRIER];
  let b1 = state[o + BRIER + 1];
  let b2 = state[o + BRIER + 2];
  let b3 = state[o + BRIER + 3];
  const step = QUAD;
  const rowWords = ROW_WORDS;
  for (let i = start, c = firstWord(pass, start), u = 2 * start; i < end; i++, c += rowWords, u += 2) {
    const v = words[c];
    const w0 = v & 255;
    const w1 = v >>> 8 & 255;
    const w2 = v >>> 16 & 255;
    const w3 = v >>> 24;
    const x = step * negAbove[i];
    const n0 = nw[x];
    const n1 = nw[x + 1];
    const n2 = nw[x + 2];
    const n3 = nw[x + 3];
    const ll = terms[u];
    const br = terms[u + 1];
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
function writeScoreReplicate(input) {
  const { state, offset: o, r, rows, out, at } = input;
  const neg = state[o + NEG + r];
  const pos = state[o + POS + r];
  validateLaneTotal(pos + neg, rows);
  const pairs = pos * neg;
  out[at] = pos > 0 && neg > 0 ? (pairs - state[o + ABOVE + r]) / pairs : Number.NaN;
  out[at + 1] = pos > 0 ? state[o + AP + r] / pos : Number.NaN;
  out[at + 2] = rows === 0 ? Number.NaN : state[o + LOG_LOSS + r] / rows;
  out[at + 3] = rows === 0 ? Number.NaN : state[o + BRIER + r] / rows;
}

// shared/metrics/check-input.ts
function assertSameLength(arrays) {
  let expected = -1;
  let first = "";
  for (const [name, array] of Object.entries(arrays)) {
    if (array === void 0) continue;
    if (expected === -1) {
      expected = array.length;
      first = name;
    } else if (array.length !== expected) {
      throw new ModelGateError(
        "metric_input",
        `metric inputs differ in length: ${first} has ${expected} rows, ${name} has ${array.length}`
      );
    }
  }
}

// shared/metrics/loss.ts
var FLOAT64_EPS = 2220446049250313e-31;
function clipProbability(p) {
  return Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
}
function computeLogLoss(y, score, weights) {
  assertSameLength({ y, score, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === void 0 ? 1 : weights[i];
    if (w === 0) continue;
    const p = clipProbability(score[i]);
    const q = 1 - p;
    const sum = q + p;
    total -= w * Math.log((y[i] === 1 ? p : q) / sum);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: "no rows" };
  return { value: total / weightSum };
}
function computeBrier(y, score, weights) {
  assertSameLength({ y, score, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === void 0 ? 1 : weights[i];
    const d = y[i] - score[i];
    total += w * (d * d);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: "no rows" };
  return { value: total / weightSum };
}

// shared/evaluate/score-layout.ts
var CHUNK = 4096;
function buildScoreLayout(input) {
  const { y, score, order } = input;
  const n = order.length;
  const bounds = chunkBounds(score, order);
  const chunks = bounds.length - 1;
  const layout = {
    rows: new Uint32Array(n),
    starts: Uint32Array.from(bounds),
    posEnds: new Uint32Array(chunks),
    negAbove: new Uint32Array(n),
    ties: new Uint32Array(2 * n),
    terms: new Float64Array(2 * n),
    maxChunk: 0
  };
  let tied = false;
  for (let k = 0; k < chunks; k++) {
    tied = fillChunk({ y, score, order, layout, k }) || tied;
    layout.maxChunk = Math.max(layout.maxChunk, bounds[k + 1] - bounds[k]);
  }
  if (!tied) layout.ties = null;
  fillTerms(y, score, layout);
  return layout;
}
function chunkBounds(score, order) {
  const n = order.length;
  const bounds = [0];
  for (let j = 0, start = 0; j < n; ) {
    const value = score[order[j]];
    j++;
    while (j < n && score[order[j]] === value) j++;
    if (j - start >= CHUNK || j === n) {
      bounds.push(j);
      start = j;
    }
  }
  return bounds;
}
function fillChunk(input) {
  const { y, score, order, layout, k } = input;
  const { rows, negAbove } = layout;
  const ties = layout.ties;
  const start = layout.starts[k];
  const end = layout.starts[k + 1];
  let positives = 0;
  for (let j = start; j < end; j++) positives += y[order[j]];
  layout.posEnds[k] = start + positives;
  let p = 0;
  let q = 0;
  let tied = false;
  for (let j = start; j < end; ) {
    const value = score[order[j]];
    const pBefore = p;
    const qBefore = q;
    do {
      const row = order[j];
      if (y[row] === 1) rows[start + p++] = row;
      else rows[start + positives + q++] = row;
      j++;
    } while (j < end && score[order[j]] === value);
    for (let i = start + pBefore; i < start + p; i++) {
      negAbove[i] = qBefore;
      ties[2 * i] = q;
      ties[2 * i + 1] = p - 1;
    }
    if (p - pBefore > 1 || p > pBefore && q > qBefore) tied = true;
  }
  return tied;
}
function fillTerms(y, score, layout) {
  const { rows, terms } = layout;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    const raw = score[row];
    const p = clipProbability(raw);
    const q = 1 - p;
    terms[2 * j] = -Math.log((y[row] === 1 ? p : q) / (q + p));
    const d = y[row] - raw;
    terms[2 * j + 1] = d * d;
  }
}

// shared/evaluate/shuffle-plan.ts
var WINDOW_SHIFT = 12;
var SHUFFLE_ROW_WORDS = 4;
function buildShufflePlan(targetOf) {
  const n = targetOf.length;
  const windows = Math.ceil(n / 2 ** WINDOW_SHIFT);
  const windowStarts = new Uint32Array(windows + 1);
  for (let s = 0; s < n; s++) windowStarts[(targetOf[s] >>> WINDOW_SHIFT) + 1]++;
  for (let w = 0; w < windows; w++) windowStarts[w + 1] += windowStarts[w];
  const next = windowStarts.slice(0, windows);
  const entry = new Uint32Array(n);
  const target = new Uint32Array(n);
  for (let s = 0; s < n; s++) {
    const e = next[targetOf[s] >>> WINDOW_SHIFT]++;
    entry[s] = e;
    target[e] = targetOf[s];
  }
  return { entry, target, windowStarts };
}
function scatterToWindows(plan, from, to) {
  const entry = plan.entry;
  for (let s = 0, q = 0; s < entry.length; s++, q += 4) {
    const e = 4 * entry[s];
    to[e] = from[q];
    to[e + 1] = from[q + 1];
    to[e + 2] = from[q + 2];
    to[e + 3] = from[q + 3];
  }
}
function placeWindow(plan, w, from, to) {
  const target = plan.target;
  const end = plan.windowStarts[w + 1];
  for (let e = plan.windowStarts[w], q = 4 * e; e < end; e++, q += 4) {
    const t = 4 * target[e];
    to[t] = from[q];
    to[t + 1] = from[q + 1];
    to[t + 2] = from[q + 2];
    to[t + 3] = from[q + 3];
  }
}

// shared/evaluate/binary-score-bootstrap.ts
var BINARY_SCORE_REPLICATES = ["roc_auc", "average_precision", "log_loss", "brier"];
function buildBinaryScorePlan(input) {
  const { y } = input;
  const candidate = buildScoreLayout({ y, score: input.scoreC, order: input.orderC });
  if (input.scoreP === null || input.orderP === null) return { candidate, production: null };
  const layout = buildScoreLayout({ y, score: input.scoreP, order: input.orderP });
  const positionOfRow = new Uint32Array(y.length);
  for (let j = 0; j < layout.rows.length; j++) positionOfRow[layout.rows[j]] = j;
  const positionOfSlot = new Uint32Array(y.length);
  for (let slot = 0; slot < candidate.rows.length; slot++)
    positionOfSlot[slot] = positionOfRow[candidate.rows[slot]];
  return { candidate, production: { layout, shuffle: buildShufflePlan(positionOfSlot) } };
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var byteOfLane = (lane) => LITTLE_ENDIAN ? lane : lane ^ 3;
var LANE_BYTES = Array.from({ length: LANES }, (_, lane) => byteOfLane(lane));
var BinaryScoreBootstrap = class {
  keys = BINARY_SCORE_REPLICATES;
  models;
  plan;
  sampler;
  counts;
  /** The counts as words of four lanes (ROW_WORDS = 4 per row); in production order after the shuffle. */
  words;
  /** The shuffle buffer (production only). */
  shuffled;
  /** Per model and quad: QUAD_STATE running totals. */
  state;
  pass;
  constructor(plan) {
    if (ROW_WORDS !== SHUFFLE_ROW_WORDS)
      throw new Error("unreachable: the shuffle moves four count words per row");
    this.plan = plan;
    this.models = plan.production === null ? 1 : 2;
    const n = plan.candidate.rows.length;
    this.sampler = new LaneRowCountSampler(n);
    this.counts = this.sampler.createCounts();
    this.words = new Int32Array(this.counts.buffer);
    this.shuffled = new Int32Array(plan.production === null ? 0 : n * ROW_WORDS);
    this.state = new Float64Array(2 * ROW_WORDS * QUAD_STATE);
    const longest = Math.max(plan.candidate.maxChunk, plan.production?.layout.maxChunk ?? 0);
    this.pass = {
      layout: plan.candidate,
      k: 0,
      words: this.words,
      quad: 0,
      state: this.state,
      offset: 0,
      neg: new Float64Array(QUAD * (longest + 1)),
      pos: new Float64Array(QUAD * (longest + 1))
    };
  }
  /**
   * Draws one resample per generator; resample r writes, per model (candidate, then production),
   * [roc_auc, average_precision, log_loss, brier] to out[r · 4 · models …] (NaN where undefined).
   */
  resample(rngs, out) {
    const rows = this.plan.candidate.rows.length;
    for (let first = 0; first < rngs.length; first += LANES) {
      const lanes = Math.min(LANES, rngs.length - first);
      const quads = Math.ceil(lanes / QUAD);
      this.state.fill(0);
      this.sampleAndSumCandidate(rngs.slice(first, first + lanes), quads);
      if (this.plan.production !== null) this.sumProduction(quads);
      for (let lane = 0; lane < lanes; lane++) {
        const byte = byteOfLane(lane);
        for (let m = 0; m < this.models; m++) {
          const offset = (m * ROW_WORDS + (byte >> 2)) * QUAD_STATE;
          const at = (first + lane) * 4 * this.models + 4 * m;
          writeScoreReplicate({ state: this.state, offset, r: byte & 3, rows, out, at });
        }
      }
    }
  }
  /** Draws the batch, then walks the candidate's chunks. */
  sampleAndSumCandidate(rngs, quads) {
    this.sampler.sample(rngs, this.counts, LANE_BYTES.slice(0, rngs.length));
    const layout = this.plan.candidate;
    for (let k = 0; k + 1 < layout.starts.length; k++) this.sumChunk(0, k, quads);
  }
  /**
   * Scatters the counts to the shuffle buffer, then walks production's chunks, placing each window
   * (into `words`, in production order) just before it is needed.
   */
  sumProduction(quads) {
    const { layout, shuffle } = this.plan.production;
    scatterToWindows(shuffle, this.words, this.shuffled);
    let placed = 0;
    for (let k = 0; k + 1 < layout.starts.length; k++) {
      const end = layout.starts[k + 1];
      for (; placed << WINDOW_SHIFT < end; placed++) placeWindow(shuffle, placed, this.shuffled, this.words);
      this.sumChunk(1, k, quads);
    }
  }
  /** Chunk k of model m, every quad of the batch. */
  sumChunk(m, k, quads) {
    const pass = this.pass;
    pass.layout = m === 0 ? this.plan.candidate : this.plan.production.layout;
    pass.k = k;
    for (let quad = 0; quad < quads; quad++) {
      pass.quad = quad;
      pass.offset = (m * ROW_WORDS + quad) * QUAD_STATE;
      sumChunk(pass);
    }
  }
  /** Lane `lane` of the last batch as per-row multiplicities (for checks against the metric functions). */
  rowWeights(lane = 0) {
    const rows = this.plan.candidate.rows;
    const weights = new Float64Array(rows.length);
    const byte = byteOfLane(lane);
    const shuffle = this.plan.production?.shuffle ?? null;
    const counts = shuffle === null ? this.counts : new Uint8Array(this.shuffled.buffer);
    for (let slot = 0; slot < rows.length; slot++) {
      const at = shuffle === null ? slot : shuffle.entry[slot];
      weights[rows[slot]] = counts[at * LANES + byte];
    }
    return weights;
  }
};

// shared/fairness/compute-gap.ts
function computeGroupRate(rate, conf, g) {
  const tp = conf[4 * g];
  const fp = conf[4 * g + 1];
  const tn = conf[4 * g + 2];
  const fn = conf[4 * g + 3];
  if (rate === "selection_rate") {
    const n = tp + fp + tn + fn;
    return n === 0 ? Number.NaN : (tp + fp) / n;
  }
  if (rate === "tpr") return tp + fn === 0 ? Number.NaN : tp / (tp + fn);
  return fp + tn === 0 ? Number.NaN : fp / (fp + tn);
}
function ratesOfGap(gap) {
  if (gap.startsWith("demographic_parity")) return ["selection_rate"];
  if (gap.startsWith("equal_opportunity")) return ["tpr"];
  return ["tpr", "fpr"];
}
var RateRange = class {
  count = 0;
  min = Number.NaN;
  max = Number.NaN;
  argMin = -1;
  argMax = -1;
  /** Scans the groups with `eligible[g] === 1` whose rate is defined. */
  scan(rate, conf, eligible) {
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.argMin = -1;
    this.argMax = -1;
    for (let g = 0; g < eligible.length; g++) {
      if (eligible[g] !== 1) continue;
      const r = computeGroupRate(rate, conf, g);
      if (Number.isNaN(r)) continue;
      this.count++;
      if (r < this.min) {
        this.min = r;
        this.argMin = g;
      }
      if (r > this.max) {
        this.max = r;
        this.argMax = g;
      }
    }
    return this;
  }
  /** max − min, NaN with fewer than two groups. */
  difference() {
    return this.count < 2 ? Number.NaN : this.max - this.min;
  }
  /** min / max (0 when min = 0 < max), NaN with fewer than two groups or for 0/0. */
  ratio() {
    return this.count < 2 || this.max === 0 ? Number.NaN : this.min / this.max;
  }
};
var GapScratch = class {
  first = new RateRange();
  second = new RateRange();
};
function computeGapValue(gap, conf, eligible, scratch) {
  const ratio = gap.endsWith("_ratio");
  const rates = ratesOfGap(gap);
  const a = scratch.first.scan(rates[0], conf, eligible);
  if (rates.length === 1) return ratio ? a.ratio() : a.difference();
  const b = scratch.second.scan(rates[1], conf, eligible);
  if (!ratio) return Math.max(a.difference(), b.difference());
  const ra = a.ratio();
  const rb = b.ratio();
  if (Number.isNaN(ra)) return rb;
  if (Number.isNaN(rb)) return ra;
  return Math.min(ra, rb);
}

// shared/metrics/confusion.ts
var COUNT_METRICS = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "mcc",
  "selection_rate",
  "tpr",
  "fpr",
  "tnr",
  "fnr"
];
function computeConfusion(y, pred) {
  assertSameLength({ y, pred });
  const n = y.length;
  let positives = 0;
  let predicted = 0;
  let tp = 0;
  for (let i = 0; i < n; i++) {
    const a = y[i];
    const b = pred[i];
    positives += a;
    predicted += b;
    tp += a & b;
  }
  const fp = predicted - tp;
  const fn = positives - tp;
  return { tp, fp, fn, tn: n - tp - fp - fn };
}
function computeCountMetricValue(name, c) {
  const { tp, fp, tn, fn } = c;
  const n = tp + fp + tn + fn;
  if (n === 0) return null;
  const pos = tp + fn;
  const neg = fp + tn;
  switch (name) {
    case "accuracy":
      return (tp + tn) / n;
    case "selection_rate":
      return (tp + fp) / n;
    case "precision":
      return tp + fp === 0 ? null : tp / (tp + fp);
    case "recall":
    case "tpr":
      return pos === 0 ? null : tp / pos;
    case "fnr":
      return pos === 0 ? null : fn / pos;
    case "fpr":
      return neg === 0 ? null : fp / neg;
    case "tnr":
      return neg === 0 ? null : tn / neg;
    case "balanced_accuracy":
      if (pos === 0) return tn / neg;
      if (neg === 0) return tp / pos;
      return (tp / pos + tn / neg) / 2;
    case "f1":
      return computeF1(tp, fp, fn);
    case "mcc":
      return computeMcc(c, n);
  }
}
function computeF1(tp, fp, fn) {
  if (tp + fp + fn === 0) return null;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const denom = precision + recall;
  return denom === 0 ? 0 : 2 * precision * recall / denom;
}
function computeMcc(c, n) {
  const tSum0 = c.tn + c.fp;
  const tSum1 = c.fn + c.tp;
  const pSum0 = c.tn + c.fn;
  const pSum1 = c.fp + c.tp;
  const covYtYp = (c.tp + c.tn) * n - (tSum0 * pSum0 + tSum1 * pSum1);
  const covYpYp = n * n - (pSum0 * pSum0 + pSum1 * pSum1);
  const covYtYt = n * n - (tSum0 * tSum0 + tSum1 * tSum1);
  const denom = covYtYt * covYpYp;
  return denom === 0 ? 0 : covYtYp / Math.sqrt(denom);
}
function reasonFor(name, c) {
  if (c.tp + c.fp + c.tn + c.fn === 0) return "no rows";
  switch (name) {
    case "precision":
      return "no predicted positives (tp + fp = 0)";
    case "recall":
    case "tpr":
    case "fnr":
      return "no actual positives (tp + fn = 0)";
    case "fpr":
    case "tnr":
      return "no actual negatives (fp + tn = 0)";
    case "f1":
      return "no actual or predicted positives (tp + fp + fn = 0)";
    default:
      return "undefined";
  }
}
function computeCountMetrics(c) {
  const out = {};
  for (const name of COUNT_METRICS) {
    const value = computeCountMetricValue(name, c);
    out[name] = value === null ? { value, reason: reasonFor(name, c) } : { value };
  }
  return out;
}

// shared/metrics/multiclass.ts
function computeClassCounts(input) {
  const { y, pred, k, weights } = input;
  assertSameLength({ y, pred, weights });
  const tp = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const predSum = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    const t = y[i];
    const p = pred[i];
    if (t >>> 0 >= k || p >>> 0 >= k) throw outOfRange(i, t >>> 0 >= k ? t : p, k);
    const w = weights === void 0 ? 1 : weights[i];
    trueSum[t] += w;
    predSum[p] += w;
    if (t === p) tp[t] += w;
  }
  return { tp, trueSum, predSum };
}
function outOfRange(row, value, k) {
  return new ModelGateError("metric_input", `row ${row + 1}: class index ${value} is outside 0..${k - 1}`);
}
function computeMulticlassCountMetricValue(name, counts) {
  const { tp, trueSum, predSum } = counts;
  let n = 0;
  let correct = 0;
  let recallSum = 0;
  let present = 0;
  let f1Sum = 0;
  let f1Classes = 0;
  let f1Weighted = 0;
  for (let c = 0; c < tp.length; c++) {
    const support = trueSum[c];
    n += support;
    correct += tp[c];
    if (support > 0) {
      recallSum += tp[c] / support;
      present++;
    }
    const f1 = computeF1(tp[c], predSum[c] - tp[c], support - tp[c]);
    if (f1 === null) continue;
    f1Sum += f1;
    f1Classes++;
    f1Weighted += f1 * support;
  }
  if (n === 0) return null;
  if (name === "accuracy") return correct / n;
  if (name === "balanced_accuracy") return recallSum / present;
  if (name === "f1_macro") return f1Sum / f1Classes;
  return f1Weighted / n;
}
function computeMulticlassLogLoss(input) {
  const { y, k, proba, weights } = input;
  assertProbaShape(y.length, k, proba);
  assertSameLength({ y, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === void 0 ? 1 : weights[i];
    if (w === 0) continue;
    const t = y[i];
    if (t >>> 0 >= k) throw outOfRange(i, t, k);
    const base = i * k;
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clipProbability(proba[base + c]);
    total -= w * Math.log(clipProbability(proba[base + t]) / rowSum);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: "no rows" };
  return { value: total / weightSum };
}
function assertProbaShape(n, k, proba) {
  if (!Number.isInteger(k) || k < 1 || proba.length !== n * k) {
    throw new ModelGateError(
      "metric_input",
      `probabilities have ${proba.length} values, expected ${n} rows \xD7 ${k} classes`
    );
  }
}
function computeMulticlassMetrics(input) {
  const counts = computeClassCounts(input);
  const value = (name) => {
    const v = computeMulticlassCountMetricValue(name, counts);
    return v === null ? { value: null, reason: "no rows" } : { value: v };
  };
  return {
    accuracy: value("accuracy"),
    balanced_accuracy: value("balanced_accuracy"),
    log_loss: computeMulticlassLogLoss(input),
    f1_macro: value("f1_macro"),
    f1_weighted: value("f1_weighted")
  };
}
function decideMulticlass(proba, k, label) {
  const n = Number.isInteger(k) && k > 0 ? Math.floor(proba.length / k) : 0;
  assertProbaShape(n, k, proba);
  if (label !== null) {
    if (label.length !== n) assertProbaShape(label.length, k, proba);
    return label.slice();
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[base + c] > proba[base + best]) best = c;
    out[i] = best;
  }
  return out;
}

// shared/evaluate/aggregate-cells.ts
function computeConfusionSlots(y, pred) {
  return Uint8Array.from(y, (t, i) => t === 1 ? pred[i] === 1 ? 0 : 3 : pred[i] === 1 ? 1 : 2);
}
function createBinaryTotals(groupSizes) {
  return { overall: new Float64Array(4), groups: groupSizes.map((size) => new Float64Array(4 * size)) };
}
function sumBinaryCells(cells, slots, counts, out) {
  out.overall.fill(0);
  for (const g of out.groups) g.fill(0);
  for (let c = 0; c < cells.size; c++) {
    const w = counts[c];
    if (w === 0) continue;
    const s = slots[c];
    out.overall[s] += w;
    for (let g = 0; g < out.groups.length; g++) out.groups[g][4 * cells.group[g][c] + s] += w;
  }
}
function readConfusion(from, offset, into) {
  into.tp = from[offset];
  into.fp = from[offset + 1];
  into.tn = from[offset + 2];
  into.fn = from[offset + 3];
  return into;
}
function createClassCounts(k) {
  return { tp: new Float64Array(k), trueSum: new Float64Array(k), predSum: new Float64Array(k) };
}
function sumClassCells(input) {
  const { cells, pred, counts, out, group } = input;
  out.tp.fill(0);
  out.trueSum.fill(0);
  out.predSum.fill(0);
  const membership = group === void 0 ? null : cells.group[group.grouping];
  for (let c = 0; c < cells.size; c++) {
    const w = counts[c];
    if (w === 0 || membership !== null && membership[c] !== group.index) continue;
    const t = cells.y[c];
    const p = pred[c];
    out.trueSum[t] += w;
    out.predSum[p] += w;
    if (t === p) out.tp[t] += w;
  }
}

// shared/evaluate/replicates.ts
var ReplicateStore = class {
  constructor(size) {
    this.size = size;
  }
  size;
  series = /* @__PURE__ */ new Map();
  /** Records the values of resamples [from, from + count) of one source. */
  record(source, from) {
    const k = source.keys.length;
    const width = k * source.models;
    const count = source.values.length / width;
    source.keys.forEach((key, i) => {
      let s = this.series.get(key);
      if (s === void 0) {
        s = {
          candidate: new Float64Array(this.size),
          production: source.models > 1 ? new Float64Array(this.size) : null
        };
        this.series.set(key, s);
      }
      for (let r = 0; r < count; r++) {
        s.candidate[from + r] = source.values[r * width + i];
        if (s.production !== null) s.production[from + r] = source.values[r * width + k + i];
      }
    });
  }
  get(key) {
    return this.series.get(key);
  }
};
function gapKey(column, gap) {
  return `${column}\0${gap}`;
}

// shared/evaluate/cell-bootstrap.ts
var BinaryCellBootstrap = class {
  /** `metrics`: the count metrics to replicate (default: all). */
  constructor(cells, groupSizes, gaps, metrics = COUNT_METRICS) {
    this.cells = cells;
    this.gaps = gaps;
    this.metrics = metrics;
    this.keys = [...metrics, ...gaps.map((g) => gapKey(g.column, g.gap))];
    const preds = cells.predP === null ? [cells.predC] : [cells.predC, cells.predP];
    this.models = preds.length;
    this.drawn = new Float64Array(cells.size);
    this.slots = preds.map((pred) => computeConfusionSlots(cells.y, pred));
    this.totals = preds.map(() => createBinaryTotals(groupSizes));
  }
  cells;
  gaps;
  metrics;
  keys;
  models;
  drawn;
  slots;
  totals;
  confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  scratch = new GapScratch();
  resample(rngs, out) {
    rngs.forEach((rng, r) => {
      this.resampleOne(rng, out, r * this.keys.length * this.models);
    });
  }
  resampleOne(rng, out, at) {
    const { cells, drawn, keys } = this;
    sampleMultinomial(rng, totalRows(cells), cells.count, drawn);
    for (let m = 0; m < this.models; m++) {
      const totals = this.totals[m];
      sumBinaryCells(cells, this.slots[m], drawn, totals);
      const base = at + m * keys.length;
      readConfusion(totals.overall, 0, this.confusion);
      const metrics = this.metrics;
      for (let i = 0; i < metrics.length; i++) {
        out[base + i] = computeCountMetricValue(metrics[i], this.confusion) ?? Number.NaN;
      }
      for (let j = 0; j < this.gaps.length; j++) {
        const plan = this.gaps[j];
        const conf = totals.groups[plan.grouping];
        out[base + metrics.length + j] = computeGapValue(plan.gap, conf, plan.eligible, this.scratch);
      }
    }
  }
};
var MulticlassCellBootstrap = class {
  constructor(cells, k) {
    this.cells = cells;
    this.models = cells.predP === null ? 1 : 2;
    this.drawn = new Float64Array(cells.size);
    this.counts = createClassCounts(k);
  }
  cells;
  keys = ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted"];
  models;
  drawn;
  counts;
  resample(rngs, out) {
    const { cells, drawn, counts, keys } = this;
    rngs.forEach((rng, r) => {
      sampleMultinomial(rng, totalRows(cells), cells.count, drawn);
      for (let m = 0; m < this.models; m++) {
        sumClassCells({ cells, pred: m === 0 ? cells.predC : cells.predP, counts: drawn, out: counts });
        const base = (r * this.models + m) * keys.length;
        keys.forEach((name, i) => {
          out[base + i] = computeMulticlassCountMetricValue(name, counts) ?? Number.NaN;
        });
      }
    });
  }
};
function totalRows(cells) {
  let n = 0;
  for (let c = 0; c < cells.size; c++) n += cells.count[c];
  return n;
}

// shared/evaluate/linear-bootstrap.ts
var REGRESSION_REPLICATES = ["mae", "rmse", "r2", "mape"];
var RegressionBootstrap = class {
  keys = REGRESSION_REPLICATES;
  sampler;
  counts;
  y;
  /** Per row: y − mean(y), then |e|, e², |e| / max(|y|, eps) per model. */
  terms;
  models;
  sums;
  constructor(input) {
    const { y, predictions } = input;
    const n = y.length;
    this.sampler = new RowCountSampler(n);
    this.counts = new Uint8Array(n);
    this.y = y;
    this.models = predictions.length;
    this.sums = new Float64Array(3 * this.models);
    const stride = 1 + 3 * this.models;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i];
    mean = n === 0 ? 0 : mean / n;
    this.terms = new Float64Array(n * stride);
    for (let i = 0; i < n; i++) {
      const t = y[i];
      this.terms[i * stride] = t - mean;
      for (let m = 0; m < predictions.length; m++) {
        const e = t - predictions[m][i];
        const a = Math.abs(e);
        const base = i * stride + 1 + 3 * m;
        this.terms[base] = a;
        this.terms[base + 1] = e * e;
        this.terms[base + 2] = a / Math.max(Math.abs(t), FLOAT64_EPS);
      }
    }
  }
  /** One resample per generator: per model [mae, rmse, r2, mape] at out[4 · (r · models + m) …] (NaN where undefined). */
  resample(rngs, out) {
    rngs.forEach((rng, r) => {
      this.resampleOne(rng, out, 4 * r * this.models);
    });
  }
  resampleOne(rng, out, at) {
    this.sampler.sample(rng, this.counts);
    const { counts, terms, y, models, sums } = this;
    const n = counts.length;
    const stride = 1 + 3 * models;
    sums.fill(0);
    let dev = 0;
    let dev2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const w = counts[i];
      if (w === 0) continue;
      const base = i * stride;
      const d = terms[base];
      dev += w * d;
      dev2 += w * d * d;
      for (let s = 0; s < sums.length; s++) sums[s] += w * terms[base + 1 + s];
      const t = y[i];
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const ssTot = dev2 - dev * dev / n;
    for (let m = 0; m < models; m++) {
      const abs = sums[3 * m];
      const sq = sums[3 * m + 1];
      const rel = sums[3 * m + 2];
      const o = at + 4 * m;
      out[o] = abs / n;
      out[o + 1] = Math.sqrt(sq / n);
      out[o + 2] = n < 2 ? Number.NaN : sq === 0 ? 1 : min === max ? Number.NaN : 1 - sq / ssTot;
      out[o + 3] = rel / n;
    }
  }
  /** The last resample as per-row multiplicities (for checks against the metric functions). */
  rowWeights() {
    return Float64Array.from(this.counts);
  }
};
var MulticlassLossBootstrap = class {
  keys = ["log_loss"];
  sampler;
  counts;
  /** Per row, per model: −log of the true class's clipped, renormalised probability. */
  terms;
  models;
  constructor(input) {
    const { y, k, probas } = input;
    const n = y.length;
    this.sampler = new RowCountSampler(n);
    this.counts = new Uint8Array(n);
    this.models = probas.length;
    this.terms = new Float64Array(n * this.models);
    for (let i = 0; i < n; i++) {
      for (let m = 0; m < probas.length; m++) {
        const proba = probas[m];
        let rowSum = 0;
        for (let c = 0; c < k; c++) rowSum += clipProbability(proba[i * k + c]);
        this.terms[i * this.models + m] = -Math.log(clipProbability(proba[i * k + y[i]]) / rowSum);
      }
    }
  }
  /** One resample per generator: the log loss of model m at out[r · models + m]. */
  resample(rngs, out) {
    const { counts, terms, models } = this;
    const n = counts.length;
    rngs.forEach((rng, r) => {
      this.sampler.sample(rng, counts);
      for (let m = 0; m < models; m++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += counts[i] * terms[i * models + m];
        out[r * models + m] = n === 0 ? Number.NaN : sum / n;
      }
    });
  }
  /** The last resample as per-row multiplicities (for checks against the metric functions). */
  rowWeights() {
    return Float64Array.from(this.counts);
  }
};

// shared/evaluate/bootstrap-plan.ts
function buildReplicateSources(plan) {
  switch (plan.task) {
    case "binary":
      return [
        new BinaryCellBootstrap(plan.cells, plan.groupSizes, plan.gaps),
        new BinaryScoreBootstrap(plan.scores)
      ];
    case "multiclass":
      return [
        new MulticlassCellBootstrap(plan.cells, plan.k),
        new MulticlassLossBootstrap({ y: plan.y, k: plan.k, probas: plan.probas })
      ];
    case "regression":
      return [new RegressionBootstrap({ y: plan.y, predictions: plan.predictions })];
  }
}

// shared/evaluate/run-bootstrap.ts
var MAX_RESAMPLES = 1e6;
var STREAMS_PER_SOURCE = 2 ** 26;
function runBootstrapSlice(input) {
  return runSourcesSlice({ ...input, sources: buildReplicateSources(input.plan) });
}
function runSourcesSlice(input) {
  const { sources, seed, from, to, onProgress } = input;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= MAX_RESAMPLES))
    throw new RangeError(`resamples [${from}, ${to}) must lie within [0, ${MAX_RESAMPLES}]`);
  const outs = sources.map((s) => ({
    keys: s.keys,
    models: s.models,
    values: new Float64Array((to - from) * s.keys.length * s.models)
  }));
  for (let b = from; b < to; b += LANES) {
    const count = Math.min(LANES, to - b);
    sources.forEach((source, i) => {
      const rngs = [];
      for (let r = 0; r < count; r++) rngs.push(createRng(seed, (i + 1) * STREAMS_PER_SOURCE + b + r));
      const width = source.keys.length * source.models;
      source.resample(rngs, outs[i].values.subarray((b - from) * width, (b - from + count) * width));
    });
    onProgress?.(b + count - from);
  }
  return { from, to, sources: outs };
}
function mergeReplicateSlices(resamples, slices) {
  const sorted = [...slices].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const slice of sorted) {
    if (slice.from !== next)
      throw new RangeError(`bootstrap slices leave [${next}, ${slice.from}) uncovered or overlap`);
    next = slice.to;
  }
  if (next !== resamples)
    throw new RangeError(`bootstrap slices cover [0, ${next}), expected [0, ${resamples})`);
  const shape = (s) => s.sources.map((x) => `${x.models}:${x.keys.join(",")}`).join(";");
  if (sorted.some((s) => shape(s) !== shape(sorted[0])))
    throw new RangeError("bootstrap slices disagree on their sources");
  const store = new ReplicateStore(resamples);
  for (const slice of sorted) for (const source of slice.sources) store.record(source, slice.from);
  return store;
}
function throttleProgress(total, onProgress) {
  if (onProgress === void 0) return void 0;
  const every = Math.max(1, Math.ceil(total / 100));
  let reported = 0;
  return (done) => {
    if (done === total || done - reported >= every) {
      reported = done;
      onProgress(done / total);
    }
  };
}

export {
  ratesOfGap,
  GapScratch,
  computeGapValue,
  assertSameLength,
  COUNT_METRICS,
  computeConfusion,
  computeCountMetricValue,
  computeCountMetrics,
  FLOAT64_EPS,
  computeLogLoss,
  computeBrier,
  computeConfusionSlots,
  createBinaryTotals,
  sumBinaryCells,
  readConfusion,
  createClassCounts,
  sumClassCells,
  LANES,
  buildBinaryScorePlan,
  computeMulticlassCountMetricValue,
  computeMulticlassMetrics,
  decideMulticlass,
  gapKey,
  MAX_RESAMPLES,
  runBootstrapSlice,
  mergeReplicateSlices,
  throttleProgress
};
