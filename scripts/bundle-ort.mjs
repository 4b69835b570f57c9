// Ships ONNX Runtime with the Action so dist/ runs on a fresh runner with no npm install:
// onnxruntime-node's JS (CommonJS) and its Linux x64 native binary, plus onnxruntime-common,
// copied under dist/action/node_modules/ where the bundle's external import resolves them.
// Other platforms are left out on purpose (GitHub's ubuntu runners are linux-x64; the CLI uses the
// full package from node_modules).
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const dest = 'dist/action/node_modules';
rmSync(dest, { recursive: true, force: true });

function copy(from, to, filter = () => true) {
  const stat = statSync(from);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(from).sort()) copy(path.join(from, entry), path.join(to, entry), filter);
    return;
  }
  if (!filter(from)) return;
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const js = (f) => f.endsWith('.js') || f.endsWith('.json');
copy('node_modules/onnxruntime-node/package.json', `${dest}/onnxruntime-node/package.json`);
copy('node_modules/onnxruntime-node/dist', `${dest}/onnxruntime-node/dist`, js);
copy('node_modules/onnxruntime-node/bin/napi-v6/linux/x64', `${dest}/onnxruntime-node/bin/napi-v6/linux/x64`);
copy('node_modules/onnxruntime-common/package.json', `${dest}/onnxruntime-common/package.json`);
copy('node_modules/onnxruntime-common/dist/cjs', `${dest}/onnxruntime-common/dist/cjs`, js);
