/** Terminal output: colours (respecting NO_COLOR / FORCE_COLOR / TTY) and a progress line on stderr. */

export interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  magenta(s: string): string;
}

export function createPainter(enabled: boolean): Painter {
  const wrap = (open: number, close: number) => (s: string) =>
    enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    magenta: wrap(35, 39),
  };
}

export function colourEnabled(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  flag: boolean | undefined,
): boolean {
  if (flag === false || 'NO_COLOR' in env) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Progress on stderr: on a terminal, one self-overwriting line with a bar, shown only once a step has
 * run for a moment (short runs stay quiet); elsewhere, one plain line per step.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  quiet: boolean,
): { update(message: string, fraction?: number): void; done(): void } {
  if (quiet) return { update() {}, done() {} };
  const tty = Boolean(stream.isTTY);
  const started = Date.now();
  let last = '';
  let drawn = false;
  return {
    update(message, fraction) {
      if (!tty) {
        if (message !== last) stream.write(`${message}\n`);
        last = message;
        return;
      }
      if (Date.now() - started < 300) return;
      const bar =
        fraction === undefined
          ? ''
          : ` [${'#'.repeat(Math.round(fraction * 20)).padEnd(20, '.')}] ${Math.round(fraction * 100)}%`;
      const width = stream.columns ?? 100;
      stream.write(`\r\u001b[2K${`${message}${bar}`.slice(0, width - 1)}`);
      drawn = true;
    },
    done() {
      if (tty && drawn) stream.write('\r\u001b[2K');
    },
  };
}
