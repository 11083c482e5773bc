// Reading a Web API's Lookup-resource values per LookupName (metadata.lookupValues), once per
// profile and name, shared by the explorer and the details panel through react-query's cache.
import { useQueries, useQuery } from '@tanstack/react-query';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import type { LookupRead } from './lazyLookups';

const lookupKey = (profileId: string, name: string) => ['lookupValues', profileId, name] as const;
const readLookup = (profileId: string, name: string) => host.metadata.lookupValues({ profileId, lookupName: name }).then((r) => r.lookup);

/** The lookups asked for so far (names), read once per profile and kept. */
export function useLazyLookups(profileId: string | undefined, names: readonly string[]): Map<string, LookupRead> {
  const results = useQueries({
    queries: names.map((name) => ({
      queryKey: lookupKey(profileId ?? '', name), queryFn: () => readLookup(profileId!, name),
      enabled: !!profileId, staleTime: Infinity, retry: false,
    })),
  });
  const out = new Map<string, LookupRead>();
  names.forEach((name, i) => {
    const q = results[i]!;
    out.set(name, { lookup: q.data, loading: q.isFetching, ...(q.error ? { error: toErrorInfo(q.error).message } : {}) });
  });
  return out;
}

/** One lookup's values for the details panel (shares the explorer's cache). */
export function useLookupValues(profileId: string | undefined, name: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: lookupKey(profileId ?? '', name ?? ''), queryFn: () => readLookup(profileId!, name!),
    enabled: enabled && !!profileId && !!name, staleTime: Infinity, retry: false,
  });
}
