// `nft -c` in a throwaway network namespace, telling real rejections from a kernel that lacks bridge conntrack.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export class NftChecker {
  readonly #dir = mkdtempSync(join(tmpdir(), 'thrice-nft-check-'));
  // `nft -c` loads nothing, but a fresh namespace keeps the check independent of the machine's own ruleset.
  readonly #netns = `thrice-nftc-${randomBytes(4).toString('hex')}`;
  #netnsMade = false;
  #bridgeConntrack: boolean | undefined;

  open(): void {
    execFileSync('ip', ['netns', 'add', this.#netns]);
    this.#netnsMade = true;
  }

  close(): void {
    if (this.#netnsMade) spawnSync('ip', ['netns', 'del', this.#netns]);
    this.#netnsMade = false;
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** Runs `nft -c -f` on a ruleset; exit 0 means nft and the kernel accepted every line. */
  check(name: string, contents: string): { status: number | null; output: string } {
    const path = join(this.#dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
    const run = spawnSync('ip', ['netns', 'exec', this.#netns, 'nft', '-c', '-f', path], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
  }

  /**
   * Whether the kernel can track connections of bridged traffic (`ct` in a bridge table needs
   * nf_conntrack_bridge, CONFIG_NF_CONNTRACK_BRIDGE). Without it the kernel answers `ct` rules in a bridge
   * table with "Protocol error" after nft has parsed and typed them; nothing a test can install fixes that.
   */
  tracksBridgedTraffic(): boolean {
    this.#bridgeConntrack ??=
      this.check('probe.nft', 'table bridge thrice_probe {\n\tchain c {\n\t\ttype filter hook forward priority filter;\n\t\tct state established accept\n\t}\n}\n').status === 0;
    return this.#bridgeConntrack;
  }

  /**
   * The errors of a check, less those that only say the kernel lacks bridge connection tracking: a
   * "Protocol error" on a `ct` rule inside the bridge table (connection state, or the zone set before tracking). The kernel goes on validating the rest of
   * the batch after an error, so every other line is still checked.
   */
  rejections(contents: string, output: string): string[] {
    const lines = contents.split('\n');
    const bridgeStart = lines.indexOf('table bridge thrice {');
    return output
      .split('\n')
      .filter((l) => / Error: /.test(l))
      .filter((l) => {
        const at = /:(\d+):\d+(?:-\d+)?: Error: Could not process rule: Protocol error$/.exec(l);
        if (!at || this.tracksBridgedTraffic()) return true;
        const lineNo = Number(at[1]);
        return !(bridgeStart >= 0 && lineNo > bridgeStart + 1 && /^ct (state|zone set) /.test((lines[lineNo - 1] ?? '').trim()));
      });
  }

  /** What nft and the kernel rejected in a ruleset, beyond what this kernel cannot do: empty when accepted. */
  problems(name: string, contents: string): string[] {
    const { status, output } = this.check(name, contents);
    if (status === 0) return [];
    const real = this.rejections(contents, output);
    if (real.length === 0 && this.tracksBridgedTraffic()) return [`nft -c failed without a located error:\n${output}`];
    return real.length === 0 ? [] : [`${output}`];
  }
}
