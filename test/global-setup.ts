// Builds dist/ once before the suite (CLI tests run the JavaScript that ships) and type-checks the tests too.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const tsc = 'node_modules/typescript/bin/tsc';
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
}
