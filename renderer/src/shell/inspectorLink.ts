// How an error box anywhere in the app opens its request in the inspector (the log panel):
// the app provides `show(traceId)`; without a provider the link is not offered.
import { createContext, useContext } from 'react';

export const InspectorLink = createContext<((traceId: number) => void) | null>(null);

export function useInspectorLink(): ((traceId: number) => void) | null {
  return useContext(InspectorLink);
}
