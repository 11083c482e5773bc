// The whole metadata tree in one request (METADATA-SYSTEM with ID *, RETS 1.7.2 §11.1). COMPACT
// is the smaller body; servers that offer STANDARD-XML only answer it with 20514 "DTD version
// unavailable" (RETS-QUIRKS: python rets PR#106), so ask again in STANDARD-XML then.
import { isRetsError } from '../../shared/rets/errors';
import type { RetsSession } from './session';
import type { MetadataFormat } from './types';

const COMPACT_REFUSED = 20514;

export async function wholeMetadata(session: RetsSession, signal?: AbortSignal) {
  const get = async (format: MetadataFormat) => ({ ...(await session.getMetadata({ type: 'METADATA-SYSTEM', id: '*', format }, signal)), format });
  try {
    return await get('COMPACT');
  } catch (e) {
    if (!isRetsError(e) || e.info.replyCode !== COMPACT_REFUSED) throw e;
    return get('STANDARD-XML');
  }
}
