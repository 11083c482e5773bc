// `rets-workbench doctor`: the connection doctor on the command line, for the headless server
// whose IP the MLS whitelisted. A RETS connection (--profile, --url) or a RESO Web API one
// (--service-root). Prints each step as it finishes, then the diagnosis; --json prints the report
// (and its Markdown) instead. Exit 0 all passed, 1 a problem, 2 usage.
import { renderReportMarkdown, safeUrl, type DoctorReport } from '../../shared/doctor';
import { redactText } from '../../shared/redact';
import { runDoctor, runWebApiDoctor, webApiSecrets, type WebApiDoctorSettings } from '../doctor';
import type { DoctorOptions } from '../doctor/runDoctor';
import { DOCTOR_USAGE, parseDoctorArgs, UsageError, type DoctorArgs } from './doctorArgs';
import { webApiSettings } from './doctorWebApiArgs';
import { stepLine, summaryText } from './doctorOutput';
import { openConnection } from './connection';
import { openWebApiConnection, wantsWebApi } from './webApiConnection';

interface Probe {
  /** "Testing … as …". */
  heading: string;
  secrets: string[];
  run(options: DoctorOptions): Promise<DoctorReport>;
  close(): Promise<void>;
}

function webApiProbe(settings: WebApiDoctorSettings, close: () => Promise<void>): Probe {
  const a = settings.auth;
  const who = a.kind === 'password' ? `${a.username} (client ${a.clientId})` : a.kind === 'client-credentials' ? `client ${a.clientId}` : a.kind === 'bearer' ? 'a bearer token' : 'no authentication';
  return { heading: `Testing ${safeUrl(settings.serviceRoot)} as ${who}`, secrets: webApiSecrets(settings), run: (o) => runWebApiDoctor(settings, o), close };
}

async function probeFor(args: DoctorArgs): Promise<Probe> {
  if (args.webApi) return webApiProbe(await webApiSettings(args.webApi), async () => undefined);
  const profile = args.connection.profile;
  if (profile && await wantsWebApi(['--profile', profile])) {
    const conn = await openWebApiConnection({ profile });
    return webApiProbe(conn.settings, () => conn.close());
  }
  const conn = await openConnection(args.connection);
  const s = conn.settings;
  return {
    heading: `Testing ${s.loginUrl.replace(/[?#].*$/, '')} as ${s.username}`, secrets: [s.password, s.uaPassword ?? ''].filter(Boolean),
    run: (o) => runDoctor(s, o), close: () => conn.close(),
  };
}

export async function run(argv: string[]): Promise<number> {
  let args: DoctorArgs;
  let probe: Probe;
  try {
    args = parseDoctorArgs(argv);
    if (args.help) {
      process.stdout.write(DOCTOR_USAGE);
      return 0;
    }
    probe = await probeFor(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rets-workbench doctor: ${e.message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  const out = (text: string) => process.stdout.write(redactText(text, probe.secrets));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    if (!args.json) out(`${probe.heading}\n`);
    const report = await probe.run({
      signal: controller.signal,
      timeoutMs: args.timeoutSeconds !== undefined ? args.timeoutSeconds * 1000 : 10_000,
      onStep: (s) => { if (!args.json && s.status !== 'running' && s.status !== 'pending' && (s.status !== 'skipped' || s.facts.length > 0)) out(`${stepLine(s)}\n`); },
    });
    if (args.json) out(`${JSON.stringify({ ...report, markdown: renderReportMarkdown(report, probe.secrets) }, null, 2)}\n`);
    else out(summaryText(report));
    return report.verdict.status === 'passed' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    await probe.close();
  }
}
