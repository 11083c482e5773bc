// The protocol and Web API options a search, snippet, history entry or tab carries beside the
// RETS fields, copied only when set (a RETS record stays as it was).
import type { ODataQueryFields, Protocol } from '../../../shared/contract';
import type { z } from 'zod';

export function queryExtras(q: { protocol?: Protocol; odata?: z.infer<typeof ODataQueryFields> }): { protocol?: Protocol; odata?: z.infer<typeof ODataQueryFields> } {
  return { ...(q.protocol ? { protocol: q.protocol } : {}), ...(q.odata ? { odata: q.odata } : {}) };
}
