// `npm run demo`: evaluates the bundled example (examples/churn-repo) with the CLI and exits with the
// gate's code (0 pass, 1 fail, 2 error). The report lands in out/demo/.
import { spawnSync } from 'node:child_process';

const args = [
  'bin/modelgate.js',
  'evaluate',
  '--root',
  'examples/churn-repo',
  '--config',
  '.github/modelgate.yml',
  '--model',
  'churn',
  '--production',
  'examples/churn-repo/models/churn/production.onnx',
  '--out',
  'out/demo',
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 2);
