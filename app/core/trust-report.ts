/**
 * The verdict the App stands behind: each model's checks recomputed from the report's numbers
 * with the default branch's thresholds (a pull request cannot loosen its own gate).
 */

import type { Config } from '../../shared/config/types.js';
import { buildModelErrorCheck } from '../../shared/gate/build-model-check.js';
import { computeVerdict, evaluateGate } from '../../shared/gate/evaluate-gate.js';
import { buildModelFacts } from '../../shared/policy/build-model-facts.js';
import type { ModelFacts } from '../../shared/policy/types.js';
import type { Check, ModelReport, Report, Verdict } from '../../shared/report/schema.js';

export interface TrustedReport {
  /** The report with checks, verdicts and risk tiers replaced by the trusted ones. */
  report: Report;
  models: ModelFacts[];
}

/**
 * Recomputes every model's gate. A model the default branch does not configure has no trusted
 * thresholds: it gets one `error` check (fail closed) asking to land its configuration first.
 * A model whose evaluation failed (report `error`) stays `error`.
 */
export function trustReport(report: Report, config: Config): TrustedReport {
  const models = report.models.map((model) => trustModel(model, report, config));
  const verdicts = models.map((m) => m.verdict);
  const empty: Verdict = report.error || report.verdict === 'error' ? 'error' : 'pass';
  const verdict = verdicts.length === 0 ? empty : worst(verdicts);
  const trusted = { ...report, models, verdict };
  const facts = models.map((model) => {
    const configured = config.models.find((m) => m.name === model.name);
    return buildModelFacts({
      model,
      gate: { checks: model.checks, verdict: model.verdict },
      risk: model.risk,
      gatedMetrics: configured ? Object.keys(configured.gates) : [],
    });
  });
  return { report: trusted, models: facts };
}

function trustModel(model: ModelReport, report: Report, config: Config): ModelReport {
  const configured = config.models.find((m) => m.name === model.name);
  if (configured === undefined) {
    return { ...model, risk: 'high', checks: [untrustedCheck(model.name)], verdict: 'error' };
  }
  if (model.error !== null) return { ...model, risk: configured.risk, verdict: 'error' };
  const gate = evaluateGate({
    model,
    thresholds: {
      gates: configured.gates,
      fairness: configured.fairness,
      operational: configured.operational,
    },
    confidence: report.settings.confidence,
  });
  return { ...model, risk: configured.risk, checks: gate.checks, verdict: gate.verdict };
}

function untrustedCheck(name: string): Check {
  return buildModelErrorCheck(
    'gates.untrusted',
    `Model ${name} is not configured on the default branch, so there are no trusted thresholds to decide on. Merge its configuration (with its gates) first; thresholds from this pull request are not used.`,
  );
}

const ORDER: Verdict[] = ['error', 'fail', 'inconclusive', 'pass'];

/** The worst verdict: error, then fail, then inconclusive, then pass. */
function worst(verdicts: readonly Verdict[]): Verdict {
  return ORDER.find((v) => verdicts.includes(v)) ?? computeVerdict([]);
}
