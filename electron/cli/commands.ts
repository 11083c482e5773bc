// The command table. Each line names a command module in electron/cli/ that exports
// `run(args: string[]): Promise<number>` (the exit code).
import { registerCommand } from './main';

registerCommand('version', 'print the version', () => import('./version'));
registerCommand('demo-mls', 'start the Demo MLS (a RETS server on 127.0.0.1)', () => import('./demo-mls'));
