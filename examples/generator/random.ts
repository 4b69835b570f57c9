/**
 * A small seeded random source (mulberry32) with the draws the simulation needs. Only integer
 * arithmetic and Math.log/cos/sqrt/exp, so a seed gives the same stream on every platform.
 */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson (Knuth's product of uniforms; fine for the small means used here). */
  poisson(mean: number): number;
  bernoulli(p: number): boolean;
  /** Index drawn with the given probabilities (they must sum to 1). */
  categorical(probabilities: readonly number[]): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => {
      const u = 1 - uniform(); // (0, 1]: log stays finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k++;
      return k;
    },
    bernoulli: (p) => uniform() < p,
    categorical: (probabilities) => {
      const u = uniform();
      let cumulative = 0;
      for (let i = 0; i < probabilities.length - 1; i++) {
        cumulative += probabilities[i]!;
        if (u < cumulative) return i;
      }
      return probabilities.length - 1;
    },
  };
}
