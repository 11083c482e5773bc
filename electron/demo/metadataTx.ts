// The GetMetadata transaction.
import { BodyWriter } from './bodyWriter';
import { type Ctx, arg, baseHeaders, sendReply } from './context';
import { MetadataRequestError, metadataBlocks } from './metadataBlocks';
import { writeMetadata } from './metadataWriter';
import { bodyFaults } from './faults';

export async function handleGetMetadata(ctx: Ctx): Promise<void> {
  const version = ctx.account!.version;
  const type = arg(ctx, 'Type');
  if (!type) return sendReply(ctx, 20501, 'Invalid Type: the Type argument is required, e.g. Type=METADATA-SYSTEM.');
  const formatArg = (arg(ctx, 'Format') ?? 'STANDARD-XML').toUpperCase();
  const format = formatArg === 'COMPACT' ? 'COMPACT' : formatArg.startsWith('STANDARD-XML') ? 'STANDARD-XML' : undefined;
  if (!format) return sendReply(ctx, 20513, `Miscellaneous Error: unsupported Format "${formatArg}"; use COMPACT or STANDARD-XML.`);
  if (format === 'COMPACT' && ctx.state.tuning.standardXmlMetadataOnly) return sendReply(ctx, 20514, 'Requested DTD version unavailable: metadata is offered in STANDARD-XML only.');
  let blocks;
  try {
    blocks = metadataBlocks(ctx.state.metadata, type, arg(ctx, 'ID') ?? '0', version);
  } catch (e) {
    if (e instanceof MetadataRequestError) return sendReply(ctx, e.replyCode, e.message);
    throw e;
  }
  ctx.res.writeHead(200, baseHeaders(ctx));
  const w = new BodyWriter(ctx.res, bodyFaults(ctx));
  await w.write(`<?xml version="1.0" encoding="UTF-8"?>\r\n<RETS ReplyCode="0" ReplyText="Operation Successful">\r\n`);
  await writeMetadata(w, ctx.state.metadata, blocks, format, version);
  await w.write('</RETS>\r\n');
  await w.end();
}
