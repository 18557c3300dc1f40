// Runs a lab command body: what went wrong in the lab prints as one message and exits 1; a refusal of what the user
// asked for (--dir, --name) and any file-system error print as one line naming the path and the cause, and exit 2.
import { LabError, LabUsageError } from '../../lab/lab-error.js';
import { LabCommandError } from '../../lab/run-command.js';
import { EXIT_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import { fsCause } from '../fs-error.js';
import { OutputDirError } from '../write-output-dir.js';

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
  const reported = explain(error);
  // Anything else is a bug in thrice, and its stack is what whoever fixes it needs.
  if (!reported) throw error;
  let more: string | undefined;
  try {
    more = hint?.();
  } catch {
    more = undefined;
  }
  process.stderr.write(`thrice lab: ${reported.message}\n${more ? `${more}\n` : ''}`);
  return reported.exit;
}

function explain(error: unknown): { message: string; exit: number } | undefined {
  if (error instanceof LabUsageError || error instanceof OutputDirError) return { message: error.message, exit: EXIT_USAGE };
  if (error instanceof LabError || error instanceof LabCommandError) return { message: error.message, exit: EXIT_ERRORS };
  const e = error as NodeJS.ErrnoException | undefined;
  if (typeof e?.code === 'string' && typeof e.syscall === 'string') {
    return { message: `cannot ${e.syscall}${e.path ? ` ${e.path}` : ''}: ${fsCause(e)}`, exit: EXIT_USAGE };
  }
  return undefined;
}
