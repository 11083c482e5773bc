// The command table. Each line names a command module in electron/cli/ that exports
// `run(args: string[]): Promise<number>` (the exit code).
import { registerCommand } from './main';

registerCommand('version', 'print the version', () => import('./version'));
registerCommand('demo-mls', 'start the Demo MLS (a RETS server on 127.0.0.1)', () => import('./demo-mls'));
registerCommand('serve', 'browser mode: the workbench on 127.0.0.1 (prints the URL with its token)', () => import('./serve'));
registerCommand('start', 'open the workbench: Electron when it can run, else browser mode', () => import('./start'));
registerCommand('inspect', 'parse a saved RETS or RESO Web API response offline and print JSON (login, metadata, search, object, odata-metadata, odata)', () => import('./inspect'));
registerCommand('dmql', 'check, format and complete DMQL2 queries (against saved metadata)', () => import('./dmql'));
registerCommand('translate', 'translate a DMQL2 query into an OData $filter or back, through a mapping (against both sides\' saved metadata)', () => import('./translate'));
registerCommand('odata', 'check, format and complete OData $filter expressions (against a saved $metadata)', () => import('./odata'));
registerCommand('doctor', 'test a RETS connection step by step and say what is wrong (--profile NAME or --url/--user)', () => import('./doctor'));
registerCommand('metadata', "fetch a server's metadata, save it as sent (--out FILE) and summarize it", () => import('./metadata'));
registerCommand('search', 'run a search: a table, or every row to CSV / JSON Lines (--csv FILE, --jsonl FILE)', () => import('./search'));
registerCommand('objects', "save a record's photos and other objects (or list their URLs with --location)", () => import('./objects'));
registerCommand('profiles', 'list, show, add, remove saved connection profiles; set their secrets from stdin', () => import('./profiles'));
registerCommand('mapping', 'propose a mapping of a server\'s fields to the RESO Data Dictionary names (or another server\'s): mapping propose SOURCE TARGET', () => import('./mapping'));
