/**
 * The special functions behind the drift tests' p-values: log-gamma, the regularized upper
 * incomplete gamma (→ chi-square survival) and the Kolmogorov limiting distribution. Pure,
 * double precision, checked against SciPy to ~1e-12 relative in the tests.
 */

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): ~15 significant digits for a > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(a) for a > 0 (Lanczos). @returns NaN for a ≤ 0 or NaN. */
export function logGamma(a: number): number {
  if (!(a > 0)) return Number.NaN;
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const x = a - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (x + i);
  const t = x + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function (scipy.special.gammaincc),
 * by its series for x < a + 1 and its continued fraction (modified Lentz) otherwise
 * (Numerical Recipes §6.2). @returns 1 for x ≤ 0; NaN for a ≤ 0 or NaN input.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) return 1 - gammaSeries(a, x) * Math.exp(logPrefix);
  return gammaContinuedFraction(a, x) * Math.exp(logPrefix);
}

/** Σ x^n / (a (a+1) … (a+n)): P(a, x) without its prefix e^{−x} x^a / Γ(a). */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum;
}

/** The continued fraction of Q(a, x) without its prefix, by the modified Lentz method. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * P(X ≥ x) for X ~ χ² with `dof` degrees of freedom (scipy.stats.chi2.sf): Q(dof/2, x/2).
 * @returns 1 for x ≤ 0; with dof = 0 (a single category) 1, as SciPy's chi2_contingency reports.
 */
export function chiSquareSurvival(x: number, dof: number): number {
  if (dof === 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

/**
 * The survival function of the Kolmogorov distribution, Q_KS(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1}
 * e^{−2k²λ²} (scipy.special.kolmogorov, scipy.stats.kstwobign.sf): the limit of √n·D_n. For small
 * λ the alternating series converges slowly, so the Jacobi-theta form of the CDF is used there,
 * P(K ≤ λ) = √(2π)/λ Σ_{k odd} e^{−k²π²/(8λ²)}, with the same cut-over (0.82) as SciPy's cephes.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (Number.isNaN(lambda)) return Number.NaN;
  if (lambda <= 0.04) return 1;
  if (lambda <= 0.82) {
    const w = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let k = 1; k < 200; k += 2) {
      const term = Math.exp(-k * k * w);
      sum += term;
      if (term < EPS * sum) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum;
  }
  let sum = 0;
  for (let k = 1; k < 200; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < EPS * Math.abs(sum)) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
