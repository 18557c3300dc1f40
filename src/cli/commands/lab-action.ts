// Runs a lab command body: errors the lab explains (requirements, a lab in the way, no convergence) print as one message and exit 1.
import { LabError } from '../../lab/lab-error.js';
import { LabCommandError } from '../../lab/run-command.js';
import { EXIT_ERRORS } from '../exit-codes.js';

type Hint = () => string | undefined;

export function runLabAction(body: () => number, hint?: Hint): number {
  try {
    return body();
  } catch (error) {
    return reportLabError(error, hint);
  }
}

export async function runLabActionAsync(body: () => Promise<number>, hint?: Hint): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return reportLabError(error, hint);
  }
}

function reportLabError(error: unknown, hint?: Hint): number {
  if (!(error instanceof LabError || error instanceof LabCommandError)) throw error;
  const more = hint?.();
  process.stderr.write(`thrice lab: ${error.message}\n${more ? `${more}\n` : ''}`);
  return EXIT_ERRORS;
}
