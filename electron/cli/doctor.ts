// `rets-workbench doctor`: the connection doctor on the command line, for the headless server
// whose IP the MLS whitelisted. Prints each step as it finishes, then the diagnosis; --json
// prints the report (and its Markdown) instead. Exit 0 all passed, 1 a problem, 2 usage.
import { renderReportMarkdown } from '../../shared/doctor';
import { redactText } from '../../shared/redact';
import { runDoctor } from '../doctor';
import { DOCTOR_USAGE, parseDoctorArgs, UsageError, type DoctorArgs } from './doctorArgs';
import { stepLine, summaryText } from './doctorOutput';
import { openConnection, type OpenConnection } from './connection';

export async function run(argv: string[]): Promise<number> {
  let args: DoctorArgs;
  let conn: OpenConnection;
  try {
    args = parseDoctorArgs(argv);
    if (args.help) {
      process.stdout.write(DOCTOR_USAGE);
      return 0;
    }
    conn = await openConnection(args.connection);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rets-workbench doctor: ${e.message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  const settings = conn.settings;
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
    await conn.close();
  }
}
