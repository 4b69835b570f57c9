import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  alignById,
  readPredictions
} from "./chunk-KCB3MVO3.js";
import "./chunk-4QDR3ITQ.js";
import "./chunk-GBWUIVZH.js";
import "./chunk-QFI62AG3.js";
import "./chunk-ZGDBGMMU.js";
export {
  alignById,
  readPredictions
};
