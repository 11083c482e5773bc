// `rets-workbench demo-mls [--port N] [--listings N] [--seed N] [--max-rows N] [--metadata N] [--dialect a|b] [--json]`:
// starts the Demo MLS on 127.0.0.1 and prints where to log in and with which accounts (RETS and
// the RESO Web API).
import { DEFAULT_LISTINGS, DEMO_DIALECTS, METADATA_REVISIONS, type DemoDialect, type DemoMls, type MetadataRevision, startDemoMls } from '../demo/index';
import { intValue, oneOf, parseCommandArgs, UsageError, withUsage, type OptionsSpec } from './args';

const USAGE = 'usage: rets-workbench demo-mls [--port N] [--listings N] [--seed N] [--max-rows N] [--metadata N] [--dialect a|b] [--json]\n'
  + '  --metadata N  serve metadata edition N (1, the default; 2: a new MetadataVersion with a few changes)\n'
  + '  --dialect b   the same listings named as another MLS would: other SystemNames, lookup codes and\n'
  + '                class names, the same StandardNames (for trying snippets across MLSs)\n'
  + '  --json        one line of JSON with the login URL and accounts, once it listens\n';

const OPTIONS = {
  port: { type: 'string' }, listings: { type: 'string' }, seed: { type: 'string' }, 'max-rows': { type: 'string' }, metadata: { type: 'string' }, dialect: { type: 'string' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

interface DemoArgs { port: number; listings: number; seed: number; maxRows?: number; metadataRevision?: MetadataRevision; dialect?: DemoDialect; json: boolean }

/** The options from argv; undefined when --help asks for the usage. Throws UsageError. */
function parseDemoArgs(args: string[]): DemoArgs | undefined {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) return undefined;
  if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}': demo-mls takes options only.`);
  return {
    port: intValue(values, 'port', 0, 65535) ?? 6103,
    listings: intValue(values, 'listings', 0, 1_000_000) ?? DEFAULT_LISTINGS,
    seed: intValue(values, 'seed', 0, 0xffff_ffff) ?? 1,
    maxRows: intValue(values, 'max-rows', 1, 1_000_000),
    metadataRevision: intValue(values, 'metadata', 1, METADATA_REVISIONS.length) as MetadataRevision | undefined,
    dialect: oneOf(values, 'dialect', DEMO_DIALECTS),
    json: values.json === true,
  };
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
  return withUsage('demo-mls', USAGE, async () => {
    const opts = parseDemoArgs(args);
    if (!opts) {
      process.stdout.write(USAGE);
      return 0;
    }
    return serveDemo(opts);
  });
}

async function serveDemo(opts: DemoArgs): Promise<number> {
  let mls: DemoMls;
  try {
    mls = await startDemoMls({ port: opts.port, listings: opts.listings, seed: opts.seed, maxRows: opts.maxRows, ...(opts.metadataRevision ? { metadataRevision: opts.metadataRevision } : {}), ...(opts.dialect ? { dialect: opts.dialect } : {}) });
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
