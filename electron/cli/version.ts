import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function run(): Promise<number> {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  process.stdout.write(`rets-workbench ${pkg.version}\n`);
  return 0;
}
