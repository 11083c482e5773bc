// Which connection the workbench works on: remembered across restarts, and falling back to the
// Demo MLS (or the first profile) when the remembered one is gone.
import { useEffect, useState } from 'react';
import { useHostInfo, useProfiles } from '../host/queries';

const KEY = 'rw.profile';

export function useActiveProfile() {
  const info = useHostInfo();
  const profiles = useProfiles();
  const [activeId, setActiveId] = useState<string | undefined>(() => localStorage.getItem(KEY) ?? undefined);
  useEffect(() => {
    const list = profiles.data;
    if (!list?.length) return;
    if (!activeId || !list.some((p) => p.id === activeId)) setActiveId(info.data?.demo?.profileId ?? list[0].id);
  }, [profiles.data, activeId, info.data]);
  useEffect(() => { if (activeId) localStorage.setItem(KEY, activeId); }, [activeId]);
  const list = profiles.data ?? [];
  return { activeId, setActiveId, profiles: list, activeProfile: list.find((p) => p.id === activeId) };
}
