// What `rets-workbench doctor` prints: one line per finished step as it happens, then the
// diagnosis with what to do, and the address to send the MLS.
import { formatSeconds, type Diagnosis, type DoctorReport, type DoctorStep } from '../../shared/doctor';

const MARK: Record<DoctorStep['status'], string> = {
  passed: 'ok  ', failed: 'FAIL', warning: 'warn', skipped: 'skip', pending: '    ', running: '... ',
};

export function stepLine(s: DoctorStep): string {
  const time = s.durationMs !== undefined ? ` (${formatSeconds(s.durationMs)})` : '';
  const facts = s.facts.map((f) => `${f.label}: ${f.value}`).join('; ');
  return `[${MARK[s.status]}] ${s.title}${time}${facts ? ` — ${facts}` : ''}`;
}

function diagnosisBlock(d: Diagnosis): string[] {
  const lines = [d.summary, `  ${d.detail}`, `  Likely cause: ${d.cause}`];
  if (d.httpStatus !== undefined || d.replyCode !== undefined) {
    lines.push(`  Server reply: ${[d.httpStatus !== undefined ? `HTTP ${d.httpStatus}` : '', d.replyCode !== undefined ? `RETS ${d.replyCode}${d.replyText ? ` "${d.replyText}"` : ''}` : ''].filter(Boolean).join(', ')}`);
  }
  if (d.actions.length) lines.push('  What to do:', ...d.actions.map((a) => `    - ${a}`));
  return lines;
}

export function summaryText(r: DoctorReport): string {
  const lines = ['', `Result: ${r.verdict.status.toUpperCase()}`];
  if (r.verdict.diagnosis) lines.push(...diagnosisBlock(r.verdict.diagnosis));
  else lines.push(r.verdict.summary);
  for (const s of r.steps) {
    if (s.status === 'warning' && s.diagnosis && s.id !== r.verdict.stepId) lines.push('', `Warning (${s.title}):`, ...diagnosisBlock(s.diagnosis));
  }
  lines.push('', `Local address (the connection left from): ${r.localAddress ?? 'unknown'}`);
  if (r.remoteAddress) lines.push(`Server address: ${r.remoteAddress}`);
  lines.push('If you are behind NAT or a proxy, the MLS sees your public IP instead of the local address.', '');
  return lines.join('\n');
}
