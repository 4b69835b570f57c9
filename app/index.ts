/**
 * The ModelGate GitHub App. The default export is the Probot app function (`probot run`, or
 * `createNodeMiddleware(app)` to mount it in another server).
 */
import { createModelGateApp } from './create-app.js';

export { type AppOptions, createModelGateApp } from './create-app.js';
export { HEALTH_PATH } from './health.js';

export default createModelGateApp();
