// `rets-workbench version`: the package's version; packageVersion() is also what serve reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandArgs, UsageError, withUsage } from './args';

const USAGE = 'usage: rets-workbench version\n';

/** The version in package.json ("0.0.0" when it cannot be read). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function run(args: string[] = []): Promise<number> {
  return withUsage('version', USAGE, async () => {
    const { values, positionals } = parseCommandArgs(args, {});
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    process.stdout.write(`rets-workbench ${packageVersion()}\n`);
    return 0;
  });
}
