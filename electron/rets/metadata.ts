// GetMetadata: small enough to read whole (capped), parsed by the shared metadata parser.
import { parseRetsEnvelope } from '../../shared/rets/envelope';
import { parseMetadata } from '../../shared/rets/metadata/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { SessionCore } from './core';
import { htmlInsteadOfXml, isHtmlBody, parseError, replyError } from './errors';
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
  const raw = await res.text(METADATA_MAX_BYTES);
  if (isHtmlBody(res.contentType, raw)) throw htmlInsteadOfXml(res.context, raw, res.status);
  const env = parseRetsEnvelope(raw);
  if (!env) throw parseError(res.context, raw.trim() === '' ? 'The body is empty.' : 'The body holds no <RETS> reply.');
  // 20503 "no metadata found" is an empty answer, not a failure.
  if (env.replyCode !== 0 && env.replyCode !== 20503) throw replyError(res.context, env.replyCode, env.replyText, res.status);
  try {
    return { metadata: parseMetadata(raw), raw };
  } catch (e) {
    throw parseError(res.context, `The metadata could not be parsed: ${(e as Error).message}`, e);
  }
}
