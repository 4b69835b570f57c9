import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  alignById,
  readPredictions
} from "./chunk-6NO3DHAC.js";
import "./chunk-N6HPJ5CS.js";
import "./chunk-RQS3H5B4.js";
import "./chunk-452MVPUH.js";
import "./chunk-ZGDBGMMU.js";
export {
  alignById,
  readPredictions
};
