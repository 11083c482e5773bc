// The command table. Each line names a command module in electron/cli/ that exports
// `run(args: string[]): Promise<number>` (the exit code).
import { registerCommand } from './main';

registerCommand('version', 'print the version', () => import('./version'));
registerCommand('demo-mls', 'start the Demo MLS (a RETS server on 127.0.0.1)', () => import('./demo-mls'));
registerCommand('serve', 'browser mode: the workbench on 127.0.0.1 (prints the URL with its token)', () => import('./serve'));
registerCommand('start', 'open the workbench: Electron when it can run, else browser mode', () => import('./start'));
registerCommand('inspect', 'parse a saved RETS response offline and print JSON (login, metadata, search, object)', () => import('./inspect'));
registerCommand('dmql', 'check, format and complete DMQL2 queries (against saved metadata)', () => import('./dmql'));
registerCommand('doctor', 'test a RETS connection step by step and say what is wrong (--profile NAME or --url/--user)', () => import('./doctor'));
