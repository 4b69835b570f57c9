// Builds the committed bundles in dist/ (deterministic: CI rebuilds and diffs them).
//   dist/cli/index.js     the `modelgate` CLI (onnxruntime-node resolved from node_modules)
//   dist/action/index.js  the GitHub Action (runs with no npm install; see scripts/bundle-ort.mjs)
//   */bootstrap-worker.js the worker-thread entry of the paired bootstrap, beside each entry
//                         (action/parallel/run-bootstrap-workers.ts looks for it there)
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const banner = {
  js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  external: ['onnxruntime-node'],
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  minify: false,
};

// Start clean: stale chunks would make dist/ differ from a fresh build.
rmSync('dist', { recursive: true, force: true });
await build({ ...common, entryPoints: ['action/cli-main.ts'], outfile: 'dist/cli/index.js' });
await build({
  ...common,
  entryPoints: ['action/parallel/bootstrap-worker.ts'],
  outfile: 'dist/cli/bootstrap-worker.js',
});
if (existsSync('action/action-main.ts')) {
  await build({
    ...common,
    entryPoints: {
      index: 'action/action-main.ts',
      'bootstrap-worker': 'action/parallel/bootstrap-worker.ts',
    },
    outdir: 'dist/action',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  await import('./bundle-ort.mjs');
}
