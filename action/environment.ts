/** Versions recorded in every report. */
import { createRequire } from 'node:module';
import type { Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';

export function readEnvironment(): Report['environment'] {
  return {
    modelgate: MODELGATE_VERSION,
    node: process.version,
    onnxruntime: onnxRuntimeVersion(),
    platform: `${process.platform}-${process.arch}`,
  };
}

function onnxRuntimeVersion(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return (require('onnxruntime-node/package.json') as { version: string }).version;
  } catch {
    // Not resolvable as a package (e.g. inside a bundle without package metadata).
    return null;
  }
}
