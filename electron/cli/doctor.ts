// `rets-workbench doctor`: the connection doctor on the command line, for the headless server
// whose IP the MLS whitelisted. Prints each step as it finishes, then the diagnosis; --json
// prints the report (and its Markdown) instead. Exit 0 all passed, 1 a problem, 2 usage.
import { renderReportMarkdown } from '../../shared/doctor';
import { redactText } from '../../shared/redact';
import { runDoctor } from '../doctor';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../rets/types';
import { DOCTOR_USAGE, parseDoctorArgs, UsageError, type DoctorArgs } from './doctorArgs';
import { stepLine, summaryText } from './doctorOutput';
import { promptHidden } from './doctorPrompt';

async function fromProfile(name: string): Promise<ConnectionSettings> {
  const [{ ProfileStore }, { SecretStore }, { dataLayout, defaultDataDir }, { connectionSettings }] = await Promise.all([
    import('../host/profiles'), import('../host/secrets'), import('../host/paths'), import('../host/retsAdapter'),
  ]);
  const store = new ProfileStore(dataLayout(defaultDataDir()).profiles, new SecretStore());
  const match = (await store.list()).find((p) => p.name === name || p.id === name)
    ?? (await store.list()).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!match) throw new UsageError(`No profile named "${name}" in ${defaultDataDir()}.`);
  return connectionSettings(await store.connection(match.id));
}

async function settingsFor(a: DoctorArgs): Promise<ConnectionSettings> {
  const env = process.env;
  let s: ConnectionSettings;
  if (a.profile) {
    s = await fromProfile(a.profile);
  } else {
    s = { ...DEFAULT_SETTINGS, loginUrl: a.url!, username: a.user!, password: '' };
  }
  if (a.userAgent) s.userAgent = a.userAgent;
  if (a.retsVersion) s.retsVersion = a.retsVersion;
  if (a.auth) s.authScheme = a.auth;
  if (a.keepLoginHost) s.keepLoginHost = true;
  if (env.RETS_PASSWORD) s.password = env.RETS_PASSWORD;
  if (env.RETS_UA_PASSWORD) s.uaPassword = env.RETS_UA_PASSWORD;
  if (!s.password) {
    if (!process.stdin.isTTY) throw new UsageError('No password: set RETS_PASSWORD in the environment (or run in a terminal to be asked).');
    s.password = await promptHidden(`Password for ${s.username}: `);
  }
  return s;
}

export async function run(argv: string[]): Promise<number> {
  let args: DoctorArgs;
  let settings: ConnectionSettings;
  try {
    args = parseDoctorArgs(argv);
    if (args.help) {
      process.stdout.write(DOCTOR_USAGE);
      return 0;
    }
    settings = await settingsFor(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rets-workbench doctor: ${e.message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  const secrets = [settings.password, settings.uaPassword ?? ''].filter(Boolean);
  const out = (text: string) => process.stdout.write(redactText(text, secrets));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    if (!args.json) out(`Testing ${settings.loginUrl.replace(/[?#].*$/, '')} as ${settings.username}\n`);
    const report = await runDoctor(settings, {
      signal: controller.signal,
      timeoutMs: args.timeoutSeconds !== undefined ? args.timeoutSeconds * 1000 : 10_000,
      onStep: (s) => { if (!args.json && s.status !== 'running' && s.status !== 'pending' && (s.status !== 'skipped' || s.facts.length > 0)) out(`${stepLine(s)}\n`); },
    });
    if (args.json) out(`${JSON.stringify({ ...report, markdown: renderReportMarkdown(report, secrets) }, null, 2)}\n`);
    else out(summaryText(report));
    return report.verdict.status === 'passed' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
