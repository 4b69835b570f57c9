/** Process entry of the Action bundle (dist/action/index.js). */
import { run } from './main.js';

run().then((code) => {
  process.exitCode = code;
});
