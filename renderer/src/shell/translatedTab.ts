// What "Open as Web API query" (and the reverse) opens: the tab for the counterpart profile, with
// the translation's notes as diagnostics on the source query (where they have a range) and as
// messages for the new tab (each quoting the part of the source it is about).
import type { Profile, TranslateResponse } from '../../../shared/contract';
import type { Diagnostic } from '../../../shared/dmql/validate';

export type Protocol = 'dmql' | 'odata';

export interface SourceQuery {
  profileId: string;
  protocol: Protocol;
  query: string;
  /** RETS resource, or the entity set. */
  resource: string;
  /** RETS class (a RETS tab); unused for a Web API tab, whose class comes from its filter. */
  cls?: string;
}

export interface TranslatedTab {
  profileId: string;
  protocol: Protocol;
  query: string;
  resource: string;
  cls?: string;
  complete: boolean;
  /** Every note, in words, for the new tab's message list. */
  messages: { severity: Diagnostic['severity']; text: string }[];
  /** The notes that point into the source query, for its editor's markers. */
  sourceDiagnostics: Diagnostic[];
}

/** The profile to translate for: the other built-in Demo for a Demo profile, else the first profile of the other protocol. */
export function counterpartOf(profiles: readonly Profile[], source: Profile): Profile | undefined {
  const other = profiles.filter((p) => p.type !== source.type);
  return (source.builtin ? other.find((p) => p.builtin) : undefined) ?? other[0];
}

/** A translation's notes as markers on the source and as messages for the translated tab. */
export function notesOf(query: string, r: TranslateResponse): Pick<TranslatedTab, 'messages' | 'sourceDiagnostics'> {
  const messages = r.notes.map((n) => {
    const part = n.range ? query.slice(n.range.start, n.range.end) : '';
    return { severity: n.severity, text: part ? `${n.message} (at “${part.length > 80 ? `${part.slice(0, 77)}…` : part}”)` : n.message };
  });
  const sourceDiagnostics: Diagnostic[] = [];
  for (const n of r.notes) if (n.range) sourceDiagnostics.push({ range: n.range, severity: n.severity, message: n.message, code: `translate/${n.code}` });
  return { messages, sourceDiagnostics };
}
