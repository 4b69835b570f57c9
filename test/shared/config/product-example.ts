/** The configuration examples of the product specification (PRODUCT.md §1, §4, §5), verbatim. */

/** §1: the documented format, with its comments and its empty `policy:`/`release:` placeholders. */
export const SECTION_1 = `version: 1
defaults:
  confidence: 0.95        # level of every confidence interval
  bootstrap: 1000         # resamples for intervals (0 = no intervals)
  seed: 42
  min_group_size: 30      # smaller groups are reported but not gated (flagged instead)
models:
  churn:                                 # model name: letters, digits, - _ / .
    artifact: models/churn/model.onnx
    runner: onnx                         # onnx | predictions | command; default from the extension
    # command: "python predict.py --model {model} --data {data} --out {out}"   (runner: command)
    data: data/churn/eval.csv            # csv | jsonl | parquet
    task: binary                         # binary | multiclass | regression
    target: churned
    positive: 1                          # positive label (binary)
    id: customer_id                      # optional row id column
    features: [tenure, monthly_charges]  # default: every column not target/id/sensitive, file order
    sensitive: [gender, age_band]        # fairness slices
    intersections: true                  # also gender&age_band groups
    threshold: 0.5                       # optional: score >= threshold -> positive
    risk: high                           # low | medium | high -> sign-offs (section 4)
    gates:                               # per metric; any subset of the keys
      roc_auc:  { min: 0.80, max_regression: 0.01 }
      accuracy: { max_regression: 0.02, test: noninferiority }
      log_loss: { max: 0.5, max_regression_relative: 0.05 }
      recall:   { worst_group_min: 0.6 } # the worst group's value, per sensitive column
    fairness:                            # per gap metric; columns default to all sensitive ones
      demographic_parity_ratio:  { min: 0.8 }                     # four-fifths rule
      equalized_odds_difference: { max: 0.10, max_increase: 0.02, columns: [gender] }
    operational:
      latency_p95_ms: { max: 5 }         # per row
      size_mb: { max: 50 }
policy:   # section 4
release:  # section 5
`;

/** §4: the sign-off policy. */
export const SECTION_4 = `policy:
  allow_author: false          # the PR author never counts as an approver
  invalidate_on_push: true     # approvals bound to the evaluated content (artifact/report digests)
  workflows: [.github/workflows/modelgate.yml]   # only reports from these workflow files are trusted
  rules:                       # every rule whose \`if\` matches must be satisfied
    - name: ML lead review
      if: { risk: [medium, high] }
      require: { count: 1, teams: [ml-leads] }
    - name: Responsible AI review
      if: { fairness: [fail, warn] }     # also: risk, models, changed (globs), regressed: true
      require: { count: 1, teams: [responsible-ai] }
    - name: Business owner
      if: { models: [churn] }
      require: { count: 1, users: [bob], permission: write }
`;

/** §5: promotions as releases, and the dashboard switch. */
export const SECTION_5 = `release:
  tag: "{model}@v{version}"    # the pattern production resolution parses too
  bump: minor                  # default; PR labels modelgate:major|minor|patch override
  first_version: 1.0.0
  make_latest: false
  assets: [report, model_card, ledger]
dashboard: true
`;

/** §1 with its placeholders replaced by the §4 and §5 sections: one complete file. */
export const FULL_EXAMPLE = SECTION_1.replace(
  'policy:   # section 4\nrelease:  # section 5\n',
  SECTION_4 + SECTION_5,
);
