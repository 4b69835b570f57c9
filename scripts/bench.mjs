// `npm run bench`: runs every benchmark in bench/ (one process each, so they do not disturb each
// other) and prints their JSON lines. Figures, not assertions; targets are printed beside them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: file, error: `exit ${result.status}` }));
  }
}
process.exit(failed ? 1 : 0);
