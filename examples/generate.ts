/**
 * Regenerates the demo repository's data and models (`npm run examples`).
 *   tsx examples/generate.ts [--out <dir>]   (default: examples/churn-repo)
 * The config `.github/modelgate.yml` is hand-written and not touched. The output is
 * byte-identical on every run; test/examples checks the committed files against it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { computeClassifierScores } from '../scripts/onnx/compute-classifier-scores.js';
import { buildChurnDemo } from './generator/build-churn-demo.js';
import { FEATURES } from './generator/simulate-churn.js';
import { computeGaps, summarizeScores } from './generator/summarize-scores.js';

const MIN_GROUP_SIZE = 30;

function describe(demo: ReturnType<typeof buildChurnDemo>): string[] {
  const { customers, x, y } = demo.evaluation;
  const sensitive = { gender: customers.map((c) => c.gender), age_band: customers.map((c) => c.ageBand) };
  const lines = [
    `eval rows: ${customers.length}, churn rate ${(y.reduce((a, b) => a + b, 0) / y.length).toFixed(4)}`,
  ];
  for (const [role, spec] of Object.entries(demo.models)) {
    const scores = computeClassifierScores(spec, x, FEATURES.length);
    const s = summarizeScores({ ...scores, y, sensitive });
    lines.push(
      `${role}: accuracy ${s.accuracy.toFixed(4)}, roc_auc ${s.rocAuc.toFixed(4)}, log_loss ${s.logLoss.toFixed(4)}`,
    );
    for (const [column, groups] of Object.entries(s.groups)) {
      const g = computeGaps(groups, MIN_GROUP_SIZE);
      const rates = groups.map(
        (r) =>
          `${r.group} n=${r.count} sel=${r.selectionRate.toFixed(3)} tpr=${r.tpr.toFixed(3)} fpr=${r.fpr.toFixed(3)}`,
      );
      lines.push(
        `  ${column}: demographic_parity_ratio ${g.demographicParityRatio.toFixed(3)}, equalized_odds_difference ${g.equalizedOddsDifference.toFixed(3)} (groups n >= ${MIN_GROUP_SIZE})`,
      );
      lines.push(...rates.map((r) => `    ${r}`));
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = resolve(values.out ?? join(dirname(fileURLToPath(import.meta.url)), 'churn-repo'));
  const demo = buildChurnDemo();
  for (const [path, bytes] of demo.files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    console.log(`wrote ${target} (${bytes.length} bytes)`);
  }
  for (const line of describe(demo)) console.log(line);
}

await main();
