// Runs a lab command body: errors the lab explains (requirements, a lab in the way) print as one message and exit 1.
import { LabError } from '../../lab/lab-error.js';
import { LabCommandError } from '../../lab/run-command.js';
import { EXIT_ERRORS } from '../exit-codes.js';

export function runLabAction(body: () => number, hint?: string): number {
  try {
    return body();
  } catch (error) {
    if (error instanceof LabError || error instanceof LabCommandError) {
      process.stderr.write(`thrice lab: ${error.message}\n${hint ? `${hint}\n` : ''}`);
      return EXIT_ERRORS;
    }
    throw error;
  }
}
