import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  alignById,
  readPredictions
} from "./chunk-QG2QG7VX.js";
import "./chunk-C6CR24RA.js";
import "./chunk-E76YTMFB.js";
import "./chunk-X7FPNALG.js";
import "./chunk-MIO7ENFF.js";
import "./chunk-ZGDBGMMU.js";
export {
  alignById,
  readPredictions
};
