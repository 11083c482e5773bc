// `rets-workbench demo-mls [--port N] [--listings N] [--seed N] [--max-rows N] [--json]`:
// starts the Demo MLS on 127.0.0.1 and prints where to log in and with which accounts (RETS and
// the RESO Web API).
import { DEFAULT_LISTINGS, type DemoMls, startDemoMls } from '../demo/index';

function usage(): string {
  return 'usage: rets-workbench demo-mls [--port N] [--listings N] [--seed N] [--max-rows N] [--json]\n'
    + '  --json  one line of JSON with the login URL and accounts, once it listens\n';
}

function parseArgs(args: string[]): { port: number; listings: number; seed: number; maxRows?: number; json: boolean } | string {
  const out = { port: 6103, listings: DEFAULT_LISTINGS, seed: 1, maxRows: undefined as number | undefined, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') { out.json = true; continue; }
    if (a === '--help' || a === '-h') return '';
    const [name, inline] = a.split('=', 2);
    const value = inline ?? args[++i];
    const n = Number(value);
    if (!['--port', '--listings', '--seed', '--max-rows'].includes(name)) return `unknown option ${a}`;
    if (value === undefined || !Number.isInteger(n) || n < 0) return `${name} needs a whole number`;
    if (name === '--port') out.port = n;
    if (name === '--listings') out.listings = n;
    if (name === '--seed') out.seed = n;
    if (name === '--max-rows') out.maxRows = n;
  }
  return out;
}

function describe(mls: DemoMls): string {
  const lines = [`Demo MLS (RETS) listening: ${mls.loginUrl}`, `${mls.listings} listings, seed ${mls.seed}. Accounts (user / password):`];
  for (const a of mls.accounts) {
    const ua = a.userAgent ? ` [User-Agent ${a.userAgent}, UA password ${a.userAgentPassword}]` : '';
    lines.push(`  ${a.username.padEnd(13)} ${a.password.padEnd(8)} ${a.retsVersion}${ua}  ${a.description}`);
  }
  const w = mls.webApi;
  lines.push(`RESO Web API: ${w.serviceRoot} (EnumType style: ${w.enumServiceRoot}), OAuth2 token URL ${w.tokenUrl}, scope ${w.scope}.`);
  for (const a of w.clients) {
    const who = a.kind === 'client' ? `client ${a.clientId} / ${a.clientSecret}` : a.kind === 'user' ? `user ${a.username} / ${a.password}` : `token ${a.token}`;
    lines.push(`  ${who.padEnd(36)} ${a.description}`);
  }
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(opts ? `demo-mls: ${opts}\n${usage()}` : usage());
    return opts ? 2 : 0;
  }
  let mls: DemoMls;
  try {
    mls = await startDemoMls({ port: opts.port, listings: opts.listings, seed: opts.seed, maxRows: opts.maxRows });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const hint = err.code === 'EADDRINUSE' ? ` (port ${opts.port} is in use: pass --port 0 for any free port)` : '';
    process.stderr.write(`demo-mls: could not start: ${err.message}${hint}\n`);
    return 1;
  }
  if (opts.json) {
    process.stdout.write(JSON.stringify({ loginUrl: mls.loginUrl, port: mls.port, listings: mls.listings, seed: mls.seed, accounts: mls.accounts, webApi: mls.webApi }) + '\n');
  } else {
    process.stdout.write(describe(mls));
  }
  await new Promise<void>((resolve) => {
    const stop = () => { void mls.close().then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
