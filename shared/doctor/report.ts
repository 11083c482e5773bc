// The Markdown report a user pastes into a ticket for the MLS support desk: what was tested, each
// step with its facts and timing, the diagnosis and the addresses. Secrets are removed twice: the
// report never holds them, and secrets standing as values in the text (URLs, password=…) are removed.
import { redactText } from '../redact';
import { formatSeconds, safeUrl } from './format';
import { isWebApiTarget, type Diagnosis, type DoctorReport, type DoctorStep } from './types';

const ICON: Record<DoctorStep['status'], string> = {
  passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'skip', pending: '-', running: '…',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The server's codes in a diagnosis, e.g. `HTTP 401, RETS ReplyCode 20036 "Access denied"`; '' when none. */
export function serverReply(d: Pick<Diagnosis, 'httpStatus' | 'replyCode' | 'replyText'>): string {
  return [
    d.httpStatus !== undefined ? `HTTP ${d.httpStatus}` : '',
    d.replyCode !== undefined ? `RETS ReplyCode ${d.replyCode}${d.replyText ? ` "${d.replyText}"` : ''}` : '',
  ].filter(Boolean).join(', ');
}

function diagnosisLines(d: Diagnosis): string[] {
  const lines = [`**${d.summary}**`, '', d.detail, '', `Likely cause: ${d.cause}`];
  const codes = serverReply(d);
  if (codes) lines.push('', `Server reply: ${codes}`);
  if (d.actions.length) lines.push('', 'What to do:', ...d.actions.map((a) => `- ${a}`));
  return lines;
}

/** The report as Markdown; `secrets` (passwords, session ids) are removed where they stand as values. */
export function renderReportMarkdown(report: DoctorReport, secrets: readonly string[] = []): string {
  const t = report.target;
  const head = isWebApiTarget(t)
    ? [
      '# RESO Web API connection test',
      '',
      `- Service root: ${safeUrl(t.serviceRoot)}`,
      `- Authentication: ${t.authKind}${t.tokenUrl ? ` (token URL ${safeUrl(t.tokenUrl)})` : ''}`,
      ...(t.clientId ? [`- Client id: ${t.clientId}`] : []),
      ...(t.scope ? [`- Scope: ${t.scope}`] : []),
      ...(t.username ? [`- Username: ${t.username}`] : []),
      `- User-Agent: ${t.userAgent}`,
    ]
    : [
      '# RETS connection test',
      '',
      `- Login URL: ${safeUrl(t.loginUrl)}`,
      `- Username: ${t.username}`,
      `- User-Agent: ${t.userAgent}${t.uaPasswordSet ? ' (UA password set)' : ''}`,
      `- RETS version: ${t.retsVersion}`,
      `- Authentication: ${t.authScheme}`,
    ];
  const lines = [
    ...head,
    `- Local address (connection left from): ${report.localAddress ?? 'unknown'}`,
    `- Server address: ${report.remoteAddress ?? 'unknown'}`,
    `- Started: ${report.startedAt}; finished: ${report.finishedAt}`,
    '',
    `## Result: ${report.verdict.status.toUpperCase()}`,
    '',
    report.verdict.summary,
    '',
    '## Steps',
    '',
    '| Step | Result | Time | Facts |',
    '|---|---|---|---|',
    ...report.steps.map((s) => `| ${cell(s.title)} | ${ICON[s.status]} | ${s.durationMs !== undefined ? formatSeconds(s.durationMs) : ''} | ${cell(s.facts.map((f) => `${f.label}: ${f.value}`).join('; '))} |`),
  ];
  for (const s of report.steps) {
    if (s.diagnosis && (s.status === 'failed' || s.status === 'warning')) {
      lines.push('', `## ${s.title}: ${s.status === 'failed' ? 'failure' : 'warning'}`, '', ...diagnosisLines(s.diagnosis));
    }
  }
  lines.push('', isWebApiTarget(t)
    ? '_Client secret, access tokens and passwords are not included in this report._'
    : '_Passwords, UA password and session ids are not included in this report._', '');
  return redactText(lines.join('\n'), secrets);
}
