// The commands a query language has on the command line (`dmql`, `odata`): check, format,
// complete and hover, with the same output for DMQL2 and $filter; each language gives its parts.
import type { Diagnostic } from '../../shared/dmql';
import { intValue, type ParsedArgs } from './args';

export interface QueryLanguage<Schema, Ast, SyntaxError> {
  validate(text: string, schema: Schema): Diagnostic[];
  parse(text: string): { ast?: Ast | null; errors: SyntaxError[] };
  syntaxDiagnostic(e: SyntaxError): Diagnostic;
  format(ast: Ast): string;
  complete(text: string, offset: number, schema?: Schema): { items: { label: string; kind: string; detail?: string }[] };
  hover(text: string, offset: number, schema?: Schema): { contents: string } | undefined;
  /** After "ok": what the text was checked against, or what a syntax-only check needs. */
  checked(schema: Schema | undefined): string;
}

/** "error 1:8 unknown-field: message", the query, and carets under the range. */
export function printDiagnostic(query: string, d: Diagnostic): string {
  const width = Math.max(1, d.range.end - d.range.start);
  const cols = d.range.end - d.range.start > 1 ? `columns ${d.range.start + 1}-${d.range.end}` : `column ${d.range.start + 1}`;
  const lines = [`${d.severity} at ${cols} [${d.code}]: ${d.message}`, `  ${query}`, `  ${' '.repeat(d.range.start)}${'^'.repeat(width)}`];
  if (d.fix) lines.push(`  fix: ${d.fix.title}`);
  return lines.join('\n');
}

/** Runs one of the four commands on `text`; its exit code (check and format: 1 on an error). */
export function runLanguageCommand<S, A, E>(lang: QueryLanguage<S, A, E>, cmd: string, text: string, values: ParsedArgs['values'], schema: S | undefined): number {
  const json = values.json === true;
  const offset = () => intValue(values, 'offset', 0, text.length) ?? text.length;
  switch (cmd) {
    case 'check': {
      const diagnostics = schema ? lang.validate(text, schema) : lang.parse(text).errors.map((e) => lang.syntaxDiagnostic(e));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (json) process.stdout.write(`${JSON.stringify({ ok: errors === 0, diagnostics }, null, 2)}\n`);
      else if (diagnostics.length === 0) process.stdout.write(`ok${lang.checked(schema)}\n`);
      else process.stdout.write(`${diagnostics.map((d) => printDiagnostic(text, d)).join('\n\n')}\n`);
      return errors ? 1 : 0;
    }
    case 'format': {
      const r = lang.parse(text);
      if (!r.ast) {
        process.stderr.write(`${r.errors.map((e) => printDiagnostic(text, lang.syntaxDiagnostic(e))).join('\n')}\n`);
        return 1;
      }
      process.stdout.write(`${lang.format(r.ast)}\n`);
      return 0;
    }
    case 'complete': {
      const r = lang.complete(text, offset(), schema);
      if (json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else process.stdout.write(`${r.items.map((i) => `${i.label}\t${i.kind}\t${i.detail}`).join('\n')}\n`);
      return 0;
    }
    default: {
      const h = lang.hover(text, offset(), schema);
      if (json) process.stdout.write(`${JSON.stringify(h ?? null, null, 2)}\n`);
      else process.stdout.write(`${h ? h.contents : '(nothing here)'}\n`);
      return 0;
    }
  }
}
