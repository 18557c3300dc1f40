// The analysis rules' codes for the diagnostics catalog (src/diagnostics/all-codes.ts), in registry order.
import { defineCodes } from '../diagnostics/code-catalog.js';
import { analysisRules } from './rules/index.js';

export const analysisCodes = defineCodes(analysisRules.map(({ code, severity, summary }) => ({ code, severity, summary })));
