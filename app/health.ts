/** `GET /healthz` for load balancers and orchestrators: the App keeps no state, so alive = healthy. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MODELGATE_VERSION } from '../shared/version.js';

export const HEALTH_PATH = '/healthz';

/** A Probot server handler: answers `GET /healthz`, passes on everything else. */
export function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  const path = req.url?.split('?')[0];
  if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ status: 'ok', version: MODELGATE_VERSION }));
  return true;
}
