// Small formatting helpers shared by the diagnosis rules, the CLI and the Markdown report.

/** "10 s", "1.5 s", "250 ms". */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** A login URL without user info, query string or fragment (those may carry secrets). */
export function safeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//').replace(/[?#].*$/, '');
  }
}

/** ' The server said: "…".' for a ReplyText, without doubling its final full stop. */
export function saidText(replyText: string | undefined): string {
  if (!replyText) return '';
  const t = replyText.trim();
  return ` The server said: "${t}"${/[.!?]$/.test(t) ? '' : '.'}`;
}
