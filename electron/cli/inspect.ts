// `rets-workbench inspect FILE --kind login|metadata|search|object [--content-type TYPE] [--login-url URL]`:
// parses a saved server response offline with the workbench's own parsers and prints JSON.
// The RESO Web API kinds (odata-metadata, odata) are read by inspectOData.ts.
// FILE is a bare body or a whole HTTP response as `curl -i` saves it.
import { readFileSync } from 'node:fs';
import { describeError, isRetsError } from '../../shared/rets/errors';
import { htmlSummary, looksLikeHtml, parseRetsEnvelope } from '../../shared/rets/envelope';
import { parseLoginResponse } from '../../shared/rets/login';
import { parseMetadata } from '../../shared/rets/metadata/index';
import { collectObjects } from '../../shared/rets/object/multipart';
import { looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { collectSearch } from '../../shared/rets/search/index';
import { decodeBody } from '../../shared/rets/text';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec, type ParsedArgs } from './args';
import { isODataInspect, ODATA_KINDS, runInspectOData } from './inspectOData';

const KINDS = ['login', 'metadata', 'search', 'object'] as const;
type Kind = (typeof KINDS)[number];

const USAGE = `usage: rets-workbench inspect FILE --kind login|metadata|search|object [--content-type TYPE] [--login-url URL]
       rets-workbench inspect FILE --kind odata-metadata|odata [--full] [--content-type TYPE]

FILE is a bare body or a whole HTTP response as \`curl -i\` saves it. Exit code: 0 parsed, 1 the
input is not what --kind says or holds an error, 2 usage.
`;

interface Options { file: string; kind: Kind; contentType?: string; loginUrl?: string }

/** A failure the user can act on: printed as one line, exit code attached. */
class InspectError extends Error {
  constructor(message: string, readonly code = 1) { super(message); }
}

const OPTIONS = { kind: { type: 'string' }, 'content-type': { type: 'string' }, 'login-url': { type: 'string' } } as const satisfies OptionsSpec;

function parseInspectArgs(values: ParsedArgs['values'], positionals: string[]): Options {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'Only one FILE can be inspected at a time.' : 'No FILE given.');
  const kind = stringValue(values, 'kind');
  if (!kind || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${[...KINDS, ...ODATA_KINDS].join(', ')}.`);
  return { file: positionals[0]!, kind: kind as Kind, contentType: stringValue(values, 'content-type'), loginUrl: stringValue(values, 'login-url') };
}

interface Input { status?: number; statusText?: string; headers: Record<string, string>; contentType?: string; body: Uint8Array }

function readInput(o: Options): Input {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(o.file));
  } catch (e) {
    throw new InspectError(`Cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, 2);
  }
  if (looksLikeRawHttp(bytes)) {
    const r = parseRawHttpResponse(bytes);
    return { status: r.status, statusText: r.statusText, headers: r.headers, contentType: o.contentType ?? r.headers['content-type'], body: r.body };
  }
  return { headers: {}, contentType: o.contentType, body: bytes };
}

/** "HTTP 500 Internal Server Error" for a capture with a status line, else "". */
function statusOf(input: Input): string {
  return input.status === undefined ? '' : `HTTP ${input.status}${input.statusText ? ` ${input.statusText}` : ''}`;
}

/** A capture whose status is not 2xx: the status, then the start of its body. */
function failedStatus(input: Input): string | undefined {
  if (input.status === undefined || (input.status >= 200 && input.status < 300)) return undefined;
  const head = decodeBody(input.body.subarray(0, 400), input.contentType).replace(/\s+/g, ' ').trim();
  return `The server answered ${statusOf(input)}${head ? `; the body starts with ${JSON.stringify(head.slice(0, 200))}` : ' with an empty body'}.`;
}

/** Rejects HTML pages and empty bodies where a RETS reply was expected, naming the HTTP status. */
function rejectNonRets(text: string, what: string, input: Input): void {
  const status = statusOf(input);
  if (text.trim() === '') throw new InspectError(`The ${what} body is empty${status ? ` (${status})` : ''}.`);
  // The summary is the page's title when it has one.
  if (looksLikeHtml(text)) throw new InspectError(`This is an HTML page${status ? ` (${status})` : ''}, not a RETS ${what} response: "${htmlSummary(text)}".`);
}

/** Parses with `parse`; when that fails on a capture whose status is not 2xx, the status leads the error. */
function withStatus<T>(input: Input, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const failed = failedStatus(input);
    const message = isRetsError(e) ? describeError(e.info) : (e as Error).message;
    if (!failed || message.includes(`HTTP ${input.status}`)) throw e;
    throw new InspectError(`${failed} ${message}`);
  }
}

function inspectLogin(input: Input, o: Options): unknown {
  const text = decodeBody(input.body, input.contentType);
  rejectNonRets(text, 'login', input);
  // Without --login-url, relative capability URLs are printed as sent.
  const r = parseLoginResponse(text, o.loginUrl ?? '');
  if (!parseRetsEnvelope(text)) throw new InspectError('Not a RETS login response: no <RETS> element with a ReplyCode.');
  return r;
}

function inspectSearch(input: Input): unknown {
  const text = decodeBody(input.body.subarray(0, 4096), input.contentType);
  rejectNonRets(text, 'search', input);
  const r = collectSearch(input.body);
  if (r.replyCode === -1 && r.columns.length === 0 && r.count === null) {
    throw new InspectError('Not a RETS search response: no <RETS> reply, COUNT, COLUMNS or records found.');
  }
  return { replyCode: r.replyCode, replyText: r.replyText, columns: r.columns, count: r.count, rowCount: r.rows.length, maxRows: r.maxRows, rows: r.rows, warnings: r.warnings };
}

/** A multipart body saved without its headers: its first line names the boundary. */
function sniffMultipart(body: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 400));
  const m = /^(?:\r?\n)*--([^\r\n]{1,200}?)\r?\n/.exec(head);
  return m ? `multipart/parallel; boundary="${m[1]!.trim()}"` : undefined;
}

function inspectObject(input: Input): unknown {
  const contentType = input.contentType ?? sniffMultipart(input.body);
  if (!contentType) {
    throw new InspectError('The Content-Type of the objects is unknown: save the response with `curl -i`, or pass --content-type (with the multipart boundary).');
  }
  const { objects, warnings } = collectObjects(contentType, input.body, input.headers);
  return {
    contentType,
    parts: objects.map((p) => ({
      index: p.index,
      contentId: p.headers.contentId, objectId: p.headers.objectId, contentType: p.headers.contentType,
      location: p.headers.location, description: p.headers.contentDescription, preferred: p.headers.preferred,
      size: p.size, error: p.error, headers: p.headers.all,
    })),
    warnings,
  };
}

function inspectMetadata(input: Input): unknown {
  const text = decodeBody(input.body, input.contentType);
  rejectNonRets(text, 'metadata', input);
  const md = parseMetadata(text);
  if (!md.system && md.resources.length === 0 && md.tables.length === 0) {
    throw new InspectError('This is not RETS metadata: no METADATA-* block was found (save the body of a GetMetadata answer).');
  }
  return md;
}

export async function run(args: string[]): Promise<number> {
  if (isODataInspect(args)) return runInspectOData(args);
  return withUsage('inspect', USAGE, async () => {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const o = parseInspectArgs(values, positionals);
    try {
      const input = readInput(o);
      const out = withStatus(input, (): unknown => {
        if (o.kind === 'login') return inspectLogin(input, o);
        if (o.kind === 'metadata') return inspectMetadata(input);
        if (o.kind === 'search') return inspectSearch(input);
        return inspectObject(input);
      });
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    } catch (e) {
      const message = isRetsError(e) ? describeError(e.info) : (e as Error).message;
      process.stderr.write(`rets-workbench inspect: ${message}\n`);
      return e instanceof InspectError ? e.code : 1;
    }
  });
}
