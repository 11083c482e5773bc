// react-query hooks over the contract: one place that knows the call names and cache keys.
// Host events (*.changed, session.changed, trace.entry) invalidate the matching queries.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { host } from './client';
import type { MappingFile, MappingResponse, MappingTarget, ProfileInput, ProfilePatch, SnippetSaveRequest, TraceEntry, TranslateRequest } from '../../../shared/contract';

export const keys = {
  info: ['host.info'] as const,
  profiles: ['profiles'] as const,
  session: (id: string) => ['session', id] as const,
  metadata: (id: string) => ['metadata', id] as const,
  metadataVersions: (id: string) => ['metadataVersions', id] as const,
  snippets: ['snippets'] as const,
  history: ['history'] as const,
  trace: (id: string) => ['trace', id] as const,
  traceEntry: (profileId: string, id: number) => ['trace', profileId, id] as const,
  mapping: (id: string) => ['mapping', id] as const,
};

export function useHostInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => host.host.info(), staleTime: Infinity });
}

export function useProfiles() {
  return useQuery({ queryKey: keys.profiles, queryFn: () => host.profiles.list(), select: (r) => r.profiles });
}

/** Profile files the host could not read (same query as useProfiles). */
export function useUnreadableProfiles() {
  return useQuery({ queryKey: keys.profiles, queryFn: () => host.profiles.list(), select: (r) => r.unreadable });
}

export function useCreateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: ProfileInput) => (await host.profiles.create(input)).profile,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.profiles }),
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: ProfilePatch }) => (await host.profiles.update({ id, patch })).profile,
    // New settings (a corrected password) deserve a new try at the metadata that may have failed.
    onSuccess: (p) => Promise.all([qc.invalidateQueries({ queryKey: keys.profiles }), qc.invalidateQueries({ queryKey: keys.metadata(p.id) })]),
  });
}

export function useDeleteProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => host.profiles.delete({ id }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.profiles }),
  });
}

export function useSession(profileId: string | undefined) {
  return useQuery({
    queryKey: keys.session(profileId ?? ''),
    queryFn: () => host.session.status({ profileId: profileId! }),
    enabled: !!profileId,
  });
}

/** Metadata of the active profile: logs in on first use (the host reuses the session). */
export function useMetadata(profileId: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.metadata(profileId ?? ''),
    // Asking for metadata logs in: whatever it answered, read the session's state afresh too, so
    // the title bar cannot keep a state from before the login.
    queryFn: () => host.metadata.get({ profileId: profileId!, refresh: false })
      .finally(() => { void qc.invalidateQueries({ queryKey: keys.session(profileId!) }); }),
    enabled: !!profileId,
    staleTime: Infinity,
    retry: false,
  });
}

export function useRefreshMetadata(profileId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => host.metadata.get({ profileId: profileId!, refresh: true }),
    onSuccess: (data) => qc.setQueryData(keys.metadata(profileId ?? ''), data),
  });
}

/** The metadata versions a profile's cache keeps and a change not yet shown; read again once its metadata has loaded. */
export function useMetadataVersions(profileId: string | undefined, loadedAt = 0) {
  return useQuery({
    queryKey: [...keys.metadataVersions(profileId ?? ''), loadedAt],
    queryFn: () => host.metadata.versions({ profileId: profileId! }),
    enabled: !!profileId,
  });
}

export function useAcknowledgeMetadataChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => host.metadata.acknowledgeChange({ profileId }),
    onSuccess: (_r, profileId) => qc.invalidateQueries({ queryKey: keys.metadataVersions(profileId) }),
  });
}

export function useSnippets() {
  return useQuery({ queryKey: keys.snippets, queryFn: () => host.snippets.list(), select: (r) => r.snippets });
}

/** Snippet files the host could not read (same query as useSnippets). */
export function useUnreadableSnippets() {
  return useQuery({ queryKey: keys.snippets, queryFn: () => host.snippets.list(), select: (r) => r.unreadable });
}

export function useSaveSnippet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (req: SnippetSaveRequest) => (await host.snippets.save(req)).snippet,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.snippets }),
  });
}

export function useDeleteSnippet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => host.snippets.delete({ id }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.snippets }),
  });
}

export function useHistory() {
  return useQuery({ queryKey: keys.history, queryFn: async () => (await host.history.list({ limit: 500 })).entries });
}

export function useTrace(profileId: string | undefined) {
  return useQuery({
    queryKey: keys.trace(profileId ?? ''),
    queryFn: async () => (await host.trace.list({ profileId: profileId! })).entries,
    enabled: !!profileId,
  });
}

/** One request's headers and kept body, fetched when the inspector shows it (entries never change). */
export function useTraceEntry(profileId: string | undefined, id: number | undefined) {
  return useQuery({
    queryKey: keys.traceEntry(profileId ?? '', id ?? -1),
    queryFn: () => host.trace.get({ profileId: profileId!, id: id! }),
    enabled: !!profileId && id !== undefined,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });
}

/** Keeps the query cache in step with what the host announces. */
export function useHostEventSync(): void {
  const qc = useQueryClient();
  useEffect(() => host.onAny((e) => applyEvent(qc, e)), [qc]);
  // Events the host sent before the stream was (re)connected are lost: read again what events keep
  // up to date (session states, request logs, the lists); metadata is not announced by events.
  useEffect(() => host.onStreamOpen(() => {
    for (const queryKey of [['session'], ['trace'], keys.profiles, keys.snippets, keys.history]) void qc.invalidateQueries({ queryKey });
  }), [qc]);
}

function applyEvent(qc: QueryClient, e: Parameters<Parameters<typeof host.onAny>[0]>[0]): void {
  switch (e.type) {
    case 'profiles.changed': void qc.invalidateQueries({ queryKey: keys.profiles }); break;
    case 'snippets.changed': void qc.invalidateQueries({ queryKey: keys.snippets }); break;
    case 'history.changed': void qc.invalidateQueries({ queryKey: keys.history }); break;
    case 'metadata.changed': void qc.invalidateQueries({ queryKey: keys.metadataVersions(e.profileId) }); break;
    case 'session.changed': qc.setQueryData(keys.session(e.status.profileId), e.status); break;
    case 'trace.entry':
      qc.setQueryData<TraceEntry[]>(keys.trace(e.entry.profileId), (old) => (old && !old.some((x) => x.id === e.entry.id) ? [...old, e.entry].slice(-1000) : old));
      break;
    default: break;
  }
}

/** Translates a query to the other protocol (`translate.query`); nothing is cached: each ask is fresh. */
export function useTranslate() {
  return useMutation({ mutationFn: (req: TranslateRequest) => host.translate.query(req) });
}

/** A profile's saved mapping and its coverage (null when none yet). */
export function useMapping(profileId: string | undefined) {
  return useQuery({ queryKey: keys.mapping(profileId ?? ''), queryFn: () => host.mapping.get({ profileId: profileId! }), enabled: !!profileId });
}

/** Propose (against a target, a Data Dictionary file's handle for synonyms), save, import: each answers the new mapping. */
export function useMappingChange(profileId: string) {
  const qc = useQueryClient();
  const set = (data: MappingResponse) => qc.setQueryData(keys.mapping(profileId), data);
  return {
    propose: useMutation({ mutationFn: (r: { target?: MappingTarget; dictionary?: string }) => host.mapping.propose({ profileId, ...r }), onSuccess: set }),
    save: useMutation({ mutationFn: (mapping: MappingFile) => host.mapping.save({ profileId, mapping }), onSuccess: set }),
    importFile: useMutation({ mutationFn: (handle: string) => host.mapping.import({ profileId, handle }), onSuccess: set }),
  };
}
