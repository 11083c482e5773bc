// GetMetadata: small enough to read whole (capped), parsed by the shared metadata parser.
import { parseMetadata } from '../../shared/rets/metadata/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { SessionCore } from './core';
import { parseError } from './errors';
import { readReply } from './reply';
import type { MetadataRequest } from './types';

/**
 * Metadata is read whole, up to this size: the largest real dumps (a whole big MLS in
 * STANDARD-XML) are tens of MB, and a body is held as text and parsed at once. A server that
 * sends more is refused with a typed error rather than allowed to fill the host's memory.
 */
export const METADATA_MAX_BYTES = 64 * 1024 * 1024;

export interface MetadataResult {
  metadata: RetsMetadata;
  /** The body as text, for the raw view and saving. */
  raw: string;
}

export async function fetchMetadata(core: SessionCore, req: MetadataRequest, signal?: AbortSignal): Promise<MetadataResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await metadataOnce(core, req, signal);
    } catch (e) {
      if (!core.shouldRelogin(e, attempt)) throw e;
      await core.relogin(signal);
    }
  }
}

async function metadataOnce(core: SessionCore, req: MetadataRequest, signal?: AbortSignal): Promise<MetadataResult> {
  const type = /^METADATA-/i.test(req.type) ? req.type.toUpperCase() : `METADATA-${req.type.toUpperCase()}`;
  const url = core.capabilityUrl('GetMetadata', 'GetMetadata');
  const res = await core.open({ transaction: 'GetMetadata', url, params: { Type: type, ID: req.id, Format: req.format ?? 'COMPACT' }, signal });
  // 20503 "no metadata found" is an empty answer, not a failure.
  const raw = await readReply(res, METADATA_MAX_BYTES, { alsoOk: [20503] });
  try {
    return { metadata: parseMetadata(raw), raw };
  } catch (e) {
    throw parseError(res.context, `The metadata could not be parsed: ${(e as Error).message}`, e);
  }
}
