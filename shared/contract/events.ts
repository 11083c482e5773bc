// Every event the renderer can receive, one discriminated union on `type`. Operation events
// carry their operationId; each operation ends with exactly one *.done or *.error event.
import { z } from 'zod';
import { SessionStatus } from './session';
import {
  SearchColumnsEvent, SearchCountEvent, SearchDoneEvent, SearchErrorEvent, SearchMaxRowsEvent, SearchPageEvent, SearchProgressEvent, SearchRowsEvent,
} from './search';
import { ExportDoneEvent, ExportErrorEvent, ExportProgressEvent } from './exportCsv';
import { DoctorDoneEvent, DoctorErrorEvent, DoctorStepEvent } from './doctor';
import { TraceEntryEvent } from './trace';
import { MetadataChangedEvent } from './metadataVersions';

export const SessionChangedEvent = z.object({ type: z.literal('session.changed'), status: SessionStatus });
export const ProfilesChangedEvent = z.object({ type: z.literal('profiles.changed') });
export const SnippetsChangedEvent = z.object({ type: z.literal('snippets.changed') });
export const HistoryChangedEvent = z.object({ type: z.literal('history.changed') });

export const HostEvent = z.discriminatedUnion('type', [
  SearchColumnsEvent, SearchRowsEvent, SearchCountEvent, SearchMaxRowsEvent, SearchPageEvent, SearchProgressEvent, SearchDoneEvent, SearchErrorEvent,
  ExportProgressEvent, ExportDoneEvent, ExportErrorEvent,
  DoctorStepEvent, DoctorDoneEvent, DoctorErrorEvent,
  TraceEntryEvent, SessionChangedEvent, ProfilesChangedEvent, SnippetsChangedEvent, HistoryChangedEvent,
  MetadataChangedEvent,
]);

export type HostEvent = z.infer<typeof HostEvent>;
export type HostEventType = HostEvent['type'];
export type HostEventOf<T extends HostEventType> = Extract<HostEvent, { type: T }>;
/** Events that belong to a long operation. */
export type OperationEvent = Extract<HostEvent, { operationId: string }>;

export const terminalEventTypes = ['search.done', 'search.error', 'export.done', 'export.error', 'doctor.done', 'doctor.error'] as const;
