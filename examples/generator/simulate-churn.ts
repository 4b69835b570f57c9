/**
 * The synthetic churn population: customers of a subscription business with account features, two
 * sensitive attributes and a churn outcome drawn from a known latent model. The outcome depends on
 * the sensitive attributes a little (directly and, for age, through tenure), which is what lets a
 * model that uses them gain accuracy at the cost of fairness.
 */
import type { Random } from './random.js';

export const NUMERIC_FEATURES = [
  'tenure',
  'monthly_charges',
  'support_calls',
  'late_payments',
  'num_products',
  'autopay',
  'annual_contract',
] as const;
export const GENDERS = ['female', 'male', 'nonbinary'] as const;
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export const ONE_HOT_FEATURES = [
  ...GENDERS.map((g) => `gender=${g}`),
  ...AGE_BANDS.map((a) => `age_band=${a}`),
] as const;
/** Model input columns, in ONNX input order. */
export const FEATURES: readonly string[] = [...NUMERIC_FEATURES, ...ONE_HOT_FEATURES];

export type Gender = (typeof GENDERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

export interface Customer {
  id: string;
  gender: Gender;
  ageBand: AgeBand;
  /** Values of NUMERIC_FEATURES, in order. */
  numeric: number[];
  churned: 0 | 1;
}

const GENDER_SHARE = [0.4975, 0.4975, 0.005];
const AGE_SHARE = [0.21, 0.32, 0.27, 0.2];
const TENURE_LOG_MEAN = [2.75, 2.9, 3.0, 3.05];
/** Direct effects on the churn log-odds (beyond what the features carry). */
const GENDER_EFFECT = [0.55, -0.2, 0.2];
const AGE_EFFECT = [0.15, 0.05, 0, -0.05];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

function churnLogit(c: { gender: number; age: number; numeric: number[]; serviceIssue: boolean }): number {
  const [tenure, charges, calls, late, products, autopay, annual] = c.numeric as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const earlyTenure = tenure <= 6 ? 1.4 : tenure <= 12 ? 0.6 : 0; // the first months are the risky ones
  const priceShock = annual === 0 && charges > 85 ? 1.1 : 0; // expensive month-to-month plans
  const callStorm = calls >= 4 ? 1.1 : 0;
  return (
    -0.9 -
    0.018 * tenure +
    earlyTenure +
    0.012 * (charges - 65) +
    priceShock +
    0.22 * calls +
    callStorm +
    0.35 * late -
    0.2 * (products - 2) -
    0.45 * autopay -
    1.5 * annual +
    (c.serviceIssue ? 0.5 : 0) +
    GENDER_EFFECT[c.gender]! +
    AGE_EFFECT[c.age]!
  );
}

function simulateNumeric(random: Random, age: number, serviceIssue: boolean): number[] {
  const tenure = Math.round(clamp(Math.exp(TENURE_LOG_MEAN[age]! + 0.85 * random.normal()), 1, 72));
  const products = Math.min(5, 1 + random.poisson(age === 0 ? 0.7 : 1.1));
  const charges = clamp(22 + 16 * products + 11 * random.normal(), 18.25, 129.75);
  const calls = Math.min(12, random.poisson(0.5 + 0.012 * (charges - 50) + (serviceIssue ? 1.4 : 0)));
  const autopay = random.bernoulli(logistic(-0.4 + 0.02 * tenure + (age >= 2 ? 0.15 : 0))) ? 1 : 0;
  const late = Math.min(8, random.poisson(0.25 + (age === 0 ? 0.15 : 0) + (autopay ? 0 : 0.35)));
  const annual = random.bernoulli(logistic(-1.6 + 0.035 * tenure + 0.08 * age)) ? 1 : 0;
  return [tenure, Math.round(charges * 100) / 100, calls, late, products, autopay, annual];
}

/** Draws `count` customers with ids `C` + 6 digits starting at `firstId`. */
export function simulateCustomers(random: Random, options: { count: number; firstId: number }): Customer[] {
  const customers: Customer[] = [];
  for (let i = 0; i < options.count; i++) {
    const gender = random.categorical(GENDER_SHARE);
    const age = random.categorical(AGE_SHARE);
    const serviceIssue = random.bernoulli(0.2); // latent: never observed, only its symptoms
    const numeric = simulateNumeric(random, age, serviceIssue);
    const churned = random.bernoulli(logistic(churnLogit({ gender, age, numeric, serviceIssue }))) ? 1 : 0;
    customers.push({
      id: `C${String(options.firstId + i).padStart(6, '0')}`,
      gender: GENDERS[gender]!,
      ageBand: AGE_BANDS[age]!,
      numeric,
      churned,
    });
  }
  return customers;
}

/** The model input: row-major float32 [n, FEATURES.length], one-hot columns 0/1. */
export function buildFeatureMatrix(customers: readonly Customer[]): Float32Array {
  const f = FEATURES.length;
  const x = new Float32Array(customers.length * f);
  customers.forEach((c, i) => {
    c.numeric.forEach((v, j) => {
      x[i * f + j] = v;
    });
    x[i * f + NUMERIC_FEATURES.length + GENDERS.indexOf(c.gender)] = 1;
    x[i * f + NUMERIC_FEATURES.length + GENDERS.length + AGE_BANDS.indexOf(c.ageBand)] = 1;
  });
  return x;
}
