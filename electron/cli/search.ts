// `rets-workbench search RESOURCE CLASS QUERY`: the app's streaming, paging search on the command
// line. To a file (--csv or --jsonl: written to a temp file, renamed only when complete), or to
// stdout: a table on a terminal, CSV when piped.
import { parseCommandArgs, intValue, oneOf, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connectionFlags, openConnection } from './connection';
import { EXIT, runServerJob } from './serverRun';
import { wantsWebApi } from './webApiConnection';
import { openRowSink, type RowSink } from './rowSinks';
import { SEARCH_FORMATS, type SearchFormat } from '../../shared/rets/search/types';
import { formulaGuardOn } from '../../shared/csv/formulaGuard';

export const SEARCH_USAGE = `usage: rets-workbench search RESOURCE CLASS QUERY [options] (--profile NAME | --url URL --user NAME)

  --select F1,F2,...        fields to return (default: all)
  --limit N|NONE            rows to fetch (default NONE with --csv/--jsonl, 100 otherwise);
                            MAXROWS pages are followed with Offset until the limit
  --offset N                first row (1-based)
  --count 0|1|2             0 no count, 1 count and rows (default), 2 count only
  --format F                what to ask of the server: COMPACT-DECODED (default: lookups
                            decoded), COMPACT (codes kept) or STANDARD-XML
  --standard-names          the query and --select use StandardNames
  --csv FILE | --jsonl FILE write the rows to FILE (nothing under FILE until it is complete)
  --header H                CSV header names: SystemName (default), StandardName or LongName
  --bom                     start the CSV with a UTF-8 byte order mark (for Excel)
  --formula-guard on|off    prefix cells a spreadsheet would run as formulas (=, +, -, @)
                            with ' (default: on with --bom, off otherwise)
  --json                    a JSON summary on stdout when writing to a file

${CONNECTION_USAGE}
Exit code: 0 done (no records is done: 0 rows), 1 the server said no, 2 usage, 130 interrupted.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  select: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, count: { type: 'string' },
  format: { type: 'string' }, 'standard-names': { type: 'boolean' }, csv: { type: 'string' }, jsonl: { type: 'string' },
  header: { type: 'string' }, bom: { type: 'boolean' }, 'formula-guard': { type: 'string' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

export interface SearchArgs {
  resource: string;
  className: string;
  query: string;
  select?: string[];
  limit: number | 'NONE';
  offset?: number;
  count: 0 | 1 | 2;
  format: SearchFormat;
  standardNames: boolean;
  out?: { kind: 'csv' | 'jsonl'; path: string };
  header: 'SystemName' | 'StandardName' | 'LongName';
  bom: boolean;
  /** CSV cells that would run as formulas get a leading `'` (shared/csv/formulaGuard.ts). */
  formulaGuard: boolean;
  json: boolean;
}

export function parseSearchArgs(values: Record<string, string | boolean | undefined>, positionals: string[]): SearchArgs {
  if (positionals.length !== 3) throw new UsageError(positionals.length > 3 ? 'Give RESOURCE CLASS QUERY (quote the query: it is one argument).' : 'Give RESOURCE CLASS QUERY.');
  const [resource, className, query] = positionals as [string, string, string];
  const csv = stringValue(values, 'csv');
  const jsonl = stringValue(values, 'jsonl');
  if (csv && jsonl) throw new UsageError('Use either --csv or --jsonl, not both.');
  const out = csv ? { kind: 'csv' as const, path: csv } : jsonl ? { kind: 'jsonl' as const, path: jsonl } : undefined;
  const limitText = stringValue(values, 'limit');
  const limit = limitText === undefined ? (out ? 'NONE' : 100) : limitText.toUpperCase() === 'NONE' ? 'NONE' : intValue(values, 'limit', 1, 1_000_000_000)!;
  const select = stringValue(values, 'select')?.split(',').map((s) => s.trim()).filter(Boolean);
  const count = Number(oneOf(values, 'count', ['0', '1', '2'] as const) ?? '1') as 0 | 1 | 2;
  const offset = intValue(values, 'offset', 1, 1_000_000_000);
  const bom = values.bom === true;
  const guard = oneOf(values, 'formula-guard', ['on', 'off'] as const, true);
  return {
    resource, className, query, limit, count,
    ...(select?.length ? { select } : {}),
    ...(offset !== undefined ? { offset } : {}),
    format: oneOf(values, 'format', SEARCH_FORMATS, true) ?? 'COMPACT-DECODED',
    standardNames: values['standard-names'] === true,
    ...(out ? { out } : {}),
    header: oneOf(values, 'header', ['SystemName', 'StandardName', 'LongName'] as const, true) ?? 'SystemName',
    bom,
    formulaGuard: formulaGuardOn({ bom, ...(guard ? { formulaGuard: guard === 'on' } : {}) }),
    json: values.json === true,
  };
}

export async function run(argv: string[]): Promise<number> {
  if (await wantsWebApi(argv)) return (await import('./webApiSearch')).run(argv);
  return withUsage('search', SEARCH_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(`${SEARCH_USAGE}\n${(await import('./webApiSearch')).WEBAPI_SEARCH_USAGE}`); return EXIT.done; }
    const args = parseSearchArgs(values, positionals);
    const conn = await openConnection(connectionFlags(values));
    return runServerJob('search', conn, async ({ session, signal, say, progress }) => {
      const started = Date.now();
      const stream = session.searchAll({
        resource: args.resource, class: args.className, query: args.query,
        ...(args.select ? { select: args.select } : {}),
        limit: args.limit, count: args.count, format: args.format,
        ...(args.offset !== undefined ? { offset: args.offset } : {}),
        ...(args.standardNames ? { standardNames: true } : {}),
      }, {}, signal);
      let sink: RowSink | undefined;
      let rows = 0;
      let total: number | undefined;
      try {
        for await (const ev of stream) {
          if (ev.kind === 'count') total = ev.count;
          else if (ev.kind === 'columns' && !sink) {
            sink = await openRowSink(args, ev.columns, session, signal);
          } else if (ev.kind === 'rows' && sink) {
            await sink.rows(ev.batch);
            rows += ev.batch.length;
            if (progress && args.out) say(`\r${rows.toLocaleString('en-US')}${total !== undefined ? ` of ${total.toLocaleString('en-US')}` : ''} rows`);
          }
        }
        if (signal.aborted) throw signal.reason;
        sink ??= await openRowSink(args, [], session, signal);
        await sink.finish();
      } catch (e) {
        await sink?.abort();
        throw e;
      }
      if (args.count === 2) {
        process.stdout.write(args.json ? `${JSON.stringify({ count: total ?? 0 })}\n` : `${total ?? 0}\n`);
        return EXIT.done;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const matched = total !== undefined ? ` (${total.toLocaleString('en-US')} matching)` : '';
      if (args.out && args.json) process.stdout.write(`${JSON.stringify({ rows, ...(total !== undefined ? { count: total } : {}), file: sink.path, seconds: Number(seconds) })}\n`);
      if (progress || args.out) say(`${progress && args.out ? '\r' : ''}${rows.toLocaleString('en-US')} rows${matched} in ${seconds} s${args.out ? ` → ${sink.path}` : ''}\n`);
      return EXIT.done;
    });
  });
}
