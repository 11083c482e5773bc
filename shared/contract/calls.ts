// Every call the renderer can make, declared once: name -> request schema, response schema.
// The host validates each request against these schemas (IPC and HTTP alike); the preload
// exposes exactly these names; browser mode serves each as POST /api/<name>.
// Changes here are additive only (the renderer is built against this table), except where safety
// needs a break: then the renderer changes in the same commit.
import { z } from 'zod';
import { call, CancelRequest, CancelResponse, Empty, Id, Ok, OperationStarted, UnreadableFile } from './common';
import { Profile, ProfileInput, ProfilePatch, ProfileTestRequest, ProfileTestResult, SessionSecretsRequest } from './profiles';
import { ProfileRef, SessionStatus } from './session';
import { MetadataGetRequest, MetadataGetResponse, MetadataLookupValuesRequest, MetadataLookupValuesResponse, MetadataOpenFileRequest, MetadataOpenFileResponse } from './metadata';
import { MetadataDiffRequest, MetadataDiffResponse, MetadataSaveDiffRequest, MetadataSaveDiffResponse, MetadataVersionsResponse } from './metadataVersions';
import { SearchStartRequest } from './search';
import { ObjectListRequest, ObjectListResponse } from './objects';
import { ExportStartRequest } from './exportCsv';
import { Snippet, SnippetExportRequest, SnippetExportResponse, SnippetImportRequest, SnippetImportResponse, SnippetSaveRequest } from './snippets';
import { HistoryClearRequest, HistoryListRequest, HistoryListResponse } from './history';
import { TraceDetail, TraceGetRequest, TraceListRequest, TraceListResponse, TraceSaveRequest, TraceSaveResponse } from './trace';
import { DoctorStartRequest } from './doctor';
import { HostInfo, SecretsFileStatus } from './hostInfo';
import { ChooseOpenRequest, ChooseSaveRequest, ChosenFile } from './files';
import { TranslateRequest, TranslateResponse } from './translate';
import { MappingExportRequest, MappingExportResponse, MappingImportRequest, MappingProposeRequest, MappingResponse, MappingSaveRequest } from './mapping';

export const calls = {
  'host.info': call(Empty, HostInfo, 'Desktop or browser mode, version, keychain status, the demo profile.'),
  'files.chooseSave': call(ChooseSaveRequest, ChosenFile, "The host's native save dialog (desktop): a handle for the chosen file; null when cancelled or in browser mode."),
  'files.chooseOpen': call(ChooseOpenRequest, ChosenFile, "The host's native open dialog (desktop): a handle for the chosen file; null when cancelled or in browser mode."),

  'profiles.list': call(Empty, z.object({ profiles: z.array(Profile), unreadable: z.array(UnreadableFile).default([]) }), 'All profiles, the Demo MLS first, and the files that could not be read.'),
  'profiles.get': call(z.object({ id: Id }), z.object({ profile: Profile }), 'One profile.'),
  'profiles.create': call(ProfileInput, z.object({ profile: Profile }), 'Create; secrets go to the keychain (or memory).'),
  'profiles.update': call(z.object({ id: Id, patch: ProfilePatch }), z.object({ profile: Profile }), 'Update; a secret string sets, null clears, absent keeps.'),
  'profiles.delete': call(z.object({ id: Id }), Ok, 'Delete the profile, its secrets, cache and session.'),
  'profiles.test': call(ProfileTestRequest, ProfileTestResult, 'Log in (and out) with a saved profile or an unsaved draft.'),
  'profiles.sessionSecrets': call(SessionSecretsRequest, z.object({ profile: Profile }), 'Secrets for this session only, when none is stored (kept in host memory).'),

  'secrets.status': call(Empty, SecretsFileStatus, 'The encrypted secrets file: offered, present, unlocked.'),
  'secrets.unlock': call(z.object({ passphrase: z.string().min(1).max(1000) }), SecretsFileStatus.extend({ created: z.boolean(), moved: z.number().int() }), 'Unlock the secrets file (make it when absent); secrets kept in memory move into it.'),

  'session.connect': call(ProfileRef, SessionStatus, 'Log in (or reuse the live session).'),
  'session.disconnect': call(ProfileRef, SessionStatus, 'Log out and forget the session.'),
  'session.status': call(ProfileRef, SessionStatus, 'State, login facts, request counters.'),

  'metadata.get': call(MetadataGetRequest, MetadataGetResponse, 'Metadata for a profile; cached on disk by version; refresh forces a fetch.'),
  'metadata.lookupValues': call(MetadataLookupValuesRequest, MetadataLookupValuesResponse, "One lookup's values on demand (a Web API's Lookup resource rows for a LookupName)."),
  'metadata.openFile': call(MetadataOpenFileRequest, MetadataOpenFileResponse, 'Parse a metadata dump for offline exploration.'),
  'metadata.versions': call(ProfileRef, MetadataVersionsResponse, "The metadata versions a profile's cache keeps, and a change not yet acknowledged."),
  'metadata.acknowledgeChange': call(ProfileRef, Ok, 'The change notice was shown: it is not raised again.'),
  'metadata.diff': call(MetadataDiffRequest, MetadataDiffResponse, "Compare two metadata: a profile's current or kept version, or a picked file."),
  'metadata.saveDiff': call(MetadataSaveDiffRequest, MetadataSaveDiffResponse, 'Save a diff report (Markdown or CSV) to a picked file, or as a download.'),

  'search.start': call(SearchStartRequest, OperationStarted, 'Start a streaming search; events search.*.'),
  'search.cancel': call(CancelRequest, CancelResponse, 'Cancel a running search.'),

  'objects.list': call(ObjectListRequest, ObjectListResponse, "A record's photos: thumbnails and full-size URLs served by the host."),

  'export.start': call(ExportStartRequest, OperationStarted, 'Start a CSV export; events export.*.'),
  'export.cancel': call(CancelRequest, CancelResponse, 'Cancel an export (the partial file is removed).'),

  'snippets.list': call(Empty, z.object({ snippets: z.array(Snippet), unreadable: z.array(UnreadableFile).default([]) }), 'All snippets, by name, and the files that could not be read.'),
  'snippets.save': call(SnippetSaveRequest, z.object({ snippet: Snippet }), 'Create (no id) or update.'),
  'snippets.delete': call(z.object({ id: Id }), Ok, 'Delete one snippet.'),
  'snippets.import': call(SnippetImportRequest, SnippetImportResponse, 'Import snippets from JSON text or a picked file (handle): new ids; what was skipped, and why.'),
  'snippets.export': call(SnippetExportRequest, SnippetExportResponse, 'Export snippets as JSON text (and to a picked file, or a download).'),

  'history.list': call(HistoryListRequest, HistoryListResponse, 'Query history, newest first.'),
  'history.clear': call(HistoryClearRequest, Ok, 'Clear the history (of one profile, or all).'),

  'trace.list': call(TraceListRequest, TraceListResponse, "The session's request log, secrets removed."),
  'trace.clear': call(ProfileRef, Ok, "Clear a profile's request log."),
  'trace.get': call(TraceGetRequest, TraceDetail, 'One request of the log: headers, form body and the response body kept (secrets removed).'),
  'trace.saveResponse': call(TraceSaveRequest, TraceSaveResponse, 'Save the kept response as `curl -i` would (to a chosen file, or as a download).'),

  'mapping.propose': call(MappingProposeRequest, MappingResponse, "Propose a mapping of the profile's fields to a target vocabulary (the Demo Web API's by default), keeping the user's decisions; saved."),
  'mapping.get': call(z.object({ profileId: Id }), MappingResponse, "The profile's saved mapping and its coverage (null when there is none)."),
  'mapping.save': call(MappingSaveRequest, MappingResponse, "Save the profile's mapping (confirmations, edits, rejections)."),
  'mapping.import': call(MappingImportRequest, MappingResponse, 'Import a mapping file (text or a picked file) as the profile\'s mapping.'),
  'mapping.export': call(MappingExportRequest, MappingExportResponse, "The profile's mapping file (and to a picked file, or a download)."),

  'doctor.start': call(DoctorStartRequest, OperationStarted, 'Run the connection doctor; events doctor.*.'),
  'doctor.cancel': call(CancelRequest, CancelResponse, 'Cancel the doctor.'),

  'translate.query': call(TranslateRequest, TranslateResponse, "A query translated for another profile: DMQL2 as a $filter for a Web API, or back, or for another MLS of the same protocol through both mappings, with notes on what did not translate."),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export const callNames = Object.keys(calls) as CallName[];
/** What the caller passes (defaults may be left out). */
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>;
/** What the host receives after validation (defaults filled in). */
export type CallParsedRequest<N extends CallName> = z.output<Calls[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}
