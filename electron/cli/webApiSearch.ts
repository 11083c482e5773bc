// `rets-workbench search ENTITYSET FILTER` on the Web API: the entity set stands where RETS has
// resource and class. Every page is followed (nextLink) to the end or to --top; rows go through the
// same sinks as a RETS search (a file renamed when complete, CSV on a pipe, a table on a terminal).
// Nested values (an expanded Media array) are written as their JSON text.
import { headerNames } from '../host/exportCsv';
import type { ODataRowBatch } from '../../shared/odata/payload';
import { formulaGuardOn } from '../../shared/csv/formulaGuard';
import { intValue, oneOf, parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { openRowSink, type RowSink } from './rowSinks';
import type { SearchArgs } from './search';
import { EXIT } from './serverRun';
import { openWebApiConnection, WEBAPI_CONNECTION_OPTIONS, WEBAPI_CONNECTION_USAGE, webApiFlags } from './webApiConnection';
import { runWebApiJob, waitText } from './webApiRun';

export const WEBAPI_SEARCH_USAGE = `usage: rets-workbench search ENTITYSET FILTER [options] (--profile NAME | --service-root URL ...)

The Web API form: FILTER is an OData $filter ("" for every record), e.g.
  search Property "StandardStatus eq 'Active' and ListPrice gt 300000" --csv active.csv
  --select F1,F2,...        properties to return ($select; default: all)
  --orderby "F desc"        sort order ($orderby)
  --top N|NONE              rows to fetch over every page (default NONE with --csv/--jsonl,
                            100 otherwise); @odata.nextLink is followed until then
  --expand Media            expand a navigation property (written as its JSON text)
  --count                   ask for the number of matching records ($count=true)
  --page-size N             ask for pages of N rows (Prefer: odata.maxpagesize=N)
  --csv FILE | --jsonl FILE write the rows to FILE (nothing under FILE until it is complete)
  --header H                CSV header names: Name (default) or DisplayName (from $metadata)
  --bom                     start the CSV with a UTF-8 byte order mark (for Excel)
  --json                    a JSON summary on stdout when writing to a file

${WEBAPI_CONNECTION_USAGE}
Exit code: 0 done (no records is done: 0 rows), 1 the server said no, 2 usage, 130 interrupted.
`;

const OPTIONS = {
  ...WEBAPI_CONNECTION_OPTIONS,
  select: { type: 'string' }, orderby: { type: 'string' }, top: { type: 'string' }, expand: { type: 'string' }, count: { type: 'boolean' }, 'page-size': { type: 'string' },
  csv: { type: 'string' }, jsonl: { type: 'string' }, header: { type: 'string' }, bom: { type: 'boolean' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

export interface WebApiSearchArgs {
  entitySet: string;
  filter: string;
  select?: string[];
  orderby?: string;
  top: number | 'NONE';
  expand?: string;
  count: boolean;
  pageSize?: number;
  out?: { kind: 'csv' | 'jsonl'; path: string };
  header: 'Name' | 'DisplayName';
  bom: boolean;
  json: boolean;
}

export function parseWebApiSearchArgs(values: Record<string, string | boolean | undefined>, positionals: string[]): WebApiSearchArgs {
  if (positionals.length !== 2) throw new UsageError(positionals.length > 2 ? 'Give ENTITYSET FILTER (quote the filter: it is one argument; there is no class on the Web API).' : 'Give ENTITYSET FILTER ("" for every record).');
  const [entitySet, filter] = positionals as [string, string];
  const csv = stringValue(values, 'csv');
  const jsonl = stringValue(values, 'jsonl');
  if (csv && jsonl) throw new UsageError('Use either --csv or --jsonl, not both.');
  const out = csv ? { kind: 'csv' as const, path: csv } : jsonl ? { kind: 'jsonl' as const, path: jsonl } : undefined;
  const topText = stringValue(values, 'top');
  const top = topText === undefined ? (out ? 'NONE' : 100) : topText.toUpperCase() === 'NONE' ? 'NONE' : intValue(values, 'top', 1, 1_000_000_000)!;
  const select = stringValue(values, 'select')?.split(',').map((s) => s.trim()).filter(Boolean);
  const orderby = stringValue(values, 'orderby');
  const expand = stringValue(values, 'expand');
  const pageSize = intValue(values, 'page-size', 1, 100_000);
  return {
    entitySet, filter: filter.trim(), top, count: values.count === true,
    ...(select?.length ? { select } : {}), ...(orderby ? { orderby } : {}), ...(expand ? { expand } : {}), ...(pageSize ? { pageSize } : {}),
    ...(out ? { out } : {}),
    header: oneOf(values, 'header', ['Name', 'DisplayName'] as const, true) ?? 'Name',
    bom: values.bom === true, json: values.json === true,
  };
}

/** The row sinks' arguments (shared with RETS search): the header is named here, so SystemName. */
function sinkArgs(a: WebApiSearchArgs): SearchArgs {
  return {
    resource: a.entitySet, className: a.entitySet, query: a.filter, limit: a.top, count: 1, format: 'COMPACT',
    standardNames: false, header: 'SystemName', bom: a.bom, json: a.json, formulaGuard: formulaGuardOn({ bom: a.bom }), ...(a.out ? { out: a.out } : {}),
  };
}


/**
 * A batch's rows in the header's column order. Each page has its own parser, and a property may
 * first appear after the header was written: those are left out (the caller says so once).
 */
function aligned(batch: ODataRowBatch, header: readonly string[]): { at: number[]; extra: string[] } {
  const at = header.map((h) => batch.columns.indexOf(h));
  const known = new Set(header);
  return { at, extra: batch.columns.filter((c) => !known.has(c)) };
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('search', WEBAPI_SEARCH_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(WEBAPI_SEARCH_USAGE); return EXIT.done; }
    const args = parseWebApiSearchArgs(values, positionals);
    const conn = await openWebApiConnection(webApiFlags(values));
    return runWebApiJob('search', conn, async ({ session, signal, say, progress }) => {
      const started = Date.now();
      const stream = session.query(args.entitySet, {
        ...(args.filter ? { filter: args.filter } : {}), ...(args.select ? { select: args.select } : {}),
        ...(args.orderby ? { orderby: args.orderby } : {}), ...(args.top !== 'NONE' ? { top: args.top } : {}),
        ...(args.expand ? { expand: args.expand } : {}), ...(args.count ? { count: true } : {}),
        ...(args.pageSize ? { pageSize: args.pageSize } : {}),
      }, signal);
      const open = async (columns: readonly string[]) => {
        const names = args.header === 'DisplayName' && columns.length
          ? headerNames(columns, (await session.metadata(signal)).model, args.entitySet, args.entitySet, 'LongName')
          : [...columns];
        return openRowSink(sinkArgs(args), names, undefined, signal);
      };
      let sink: RowSink | undefined;
      let header: readonly string[] = [];
      const warned = new Set<string>();
      let rows = 0;
      let pages = 0;
      let total: number | undefined;
      try {
        for await (const ev of stream) {
          if (ev.kind === 'count') total = ev.count;
          else if (ev.kind === 'page') pages = ev.page.n;
          else if (ev.kind === 'wait') say(`${progress ? '\r' : ''}${waitText(ev)}`);
          else if (ev.kind === 'warning') say(`warning: ${ev.message}\n`);
          else if (ev.kind === 'rows') {
            if (!sink) { header = [...ev.batch.columns]; sink = await open(header); }
            const { at, extra } = aligned(ev.batch, header);
            const fresh = extra.filter((c) => !warned.has(c));
            if (fresh.length) {
              for (const c of fresh) warned.add(c);
              say(`warning: ${fresh.join(', ')} first appeared after the header was written and ${fresh.length === 1 ? 'is' : 'are'} left out; name the properties with --select.\n`);
            }
            await sink.rows(ev.batch, at);
            rows += ev.batch.length;
            if (progress && args.out) say(`\r${rows.toLocaleString('en-US')}${total !== undefined ? ` of ${total.toLocaleString('en-US')}` : ''} rows`);
          }
        }
        if (signal.aborted) throw signal.reason;
        sink ??= await open(args.select ?? []);
        await sink.finish();
      } catch (e) {
        await sink?.abort();
        throw e;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const matched = total !== undefined ? ` (${total.toLocaleString('en-US')} matching)` : '';
      if (args.out && args.json) process.stdout.write(`${JSON.stringify({ rows, pages, ...(total !== undefined ? { count: total } : {}), file: sink.path, seconds: Number(seconds) })}\n`);
      if (progress || args.out || args.count) say(`${progress && args.out ? '\r' : ''}${rows.toLocaleString('en-US')} rows${matched} in ${seconds} s${args.out ? ` → ${sink.path}` : ''}\n`);
      return EXIT.done;
    });
  });
}
