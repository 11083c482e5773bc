// "Copy as curl" and "Copy headers" for one request of the inspector. The request was stored
// with its secrets removed; here the credentials come back only as shell placeholders
// ($RETS_PASSWORD, $RETS_UA_AUTHORIZATION), never as values. Pure: no Node, no DOM.

export interface CurlSource {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  requestBodyNote?: string;
}

/** Headers curl writes itself, or that are replaced by flags below. */
const OWN = new Set(['authorization', 'user-agent', 'cookie', 'content-length', 'host', 'connection', 'content-type']);

/** One shell word in single quotes. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The Digest `username` parameter of a (redacted) Authorization header, when it has one. */
function digestUser(auth: string): string | undefined {
  const m = /(?:^|[\s,])username\s*=\s*("([^"]*)"|[^\s,]+)/i.exec(auth);
  return m ? (m[2] ?? m[1]) : undefined;
}

/** A shell word for `USER:$RETS_PASSWORD`: the user quoted, the password left to the shell. */
function userPassword(user: string | undefined): string {
  return `${user === undefined ? '"$RETS_USER"' : shellQuote(user)}:"$RETS_PASSWORD"`;
}

export function curlCommand(req: CurlSource): string {
  const headers = lowerKeys(req.requestHeaders);
  const auth = headers.authorization ?? '';
  const scheme = auth.split(/\s/, 1)[0]!.toLowerCase();
  const args: string[] = ['curl -i'];
  if (scheme === 'digest') args.push(`--digest -u ${userPassword(digestUser(auth))}`);
  else if (scheme === 'basic') args.push(`--basic -u ${userPassword(undefined)}`);
  else args.push(`--anyauth -u ${userPassword(undefined)}`);
  if (headers['user-agent']) args.push(`-A ${shellQuote(headers['user-agent'])}`);
  for (const [name, value] of Object.entries(req.requestHeaders)) {
    const n = name.toLowerCase();
    if (OWN.has(n)) continue;
    if (n === 'rets-ua-authorization') args.push(`-H "RETS-UA-Authorization: $RETS_UA_AUTHORIZATION"`);
    else args.push(`-H ${shellQuote(`${canonicalName(name)}: ${value}`)}`);
  }
  // The session cookie is kept by curl between the login and the calls after it.
  args.push('-b cookies.txt -c cookies.txt');
  if (req.method.toUpperCase() === 'POST') {
    if (req.requestBody !== undefined) args.push(`--data-raw ${shellQuote(req.requestBody)}`);
    else args.push('--data-raw "$RETS_FORM"');
  } else if (req.method.toUpperCase() !== 'GET') args.push(`-X ${req.method.toUpperCase()}`);
  args.push(shellQuote(req.url));
  return args.join(' \\\n  ');
}

export interface HeadersSource extends CurlSource {
  status?: number;
  statusText?: string;
  responseHeaders: Record<string, string>;
}

/** The request line and headers, a blank line, the status line and the response headers. */
export function headersText(e: HeadersSource): string {
  const lines = [`${e.method} ${e.url}`];
  for (const [k, v] of Object.entries(e.requestHeaders)) lines.push(`${canonicalName(k)}: ${v}`);
  lines.push('');
  lines.push(`HTTP/1.1 ${e.status ?? '(no response)'} ${e.statusText ?? ''}`.trimEnd());
  for (const [k, v] of Object.entries(e.responseHeaders)) lines.push(`${canonicalName(k)}: ${v}`);
  return `${lines.join('\n')}\n`;
}

/** `rets-ua-authorization` -> `RETS-UA-Authorization` (servers and people read these). */
export function canonicalName(name: string): string {
  const n = name.toLowerCase();
  if (n.startsWith('rets-')) return `RETS-${n.slice(5).split('-').map(cap).join('-').replace(/^Ua-/, 'UA-')}`;
  return n.split('-').map(cap).join('-');
}

function cap(w: string): string {
  return w ? w[0]!.toUpperCase() + w.slice(1) : w;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
