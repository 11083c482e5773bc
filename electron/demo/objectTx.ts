// GetObject: one object as a plain body, several as multipart/parallel, Location=1 with URLs
// this server also serves (/rets/media/<listing>/<n>.png), and the flaky-photos failure mode.
import { randomBytes } from 'node:crypto';
import { BodyWriter } from './bodyWriter';
import { type Ctx, arg, baseHeaders, sendReply } from './context';
import { KEY_BASE } from './dataset';
import { bodyFaults } from './faults';
import { PATHS } from './login';
import { paintPhoto } from './png';
import { replyXml } from './xml';

const SIZES = { photo: [320, 240], thumbnail: [96, 72] } as const;
type Kind = keyof typeof SIZES;

interface Wanted { entity: string; listing: number; n: number }

class ObjectArgError extends Error {
  constructor(readonly replyCode: number, message: string) { super(message); }
}

const cache = new Map<string, Buffer>();
function image(seed: number, listing: number, n: number, kind: Kind): Buffer {
  const key = `${seed}:${listing}:${n}:${kind}`;
  let png = cache.get(key);
  if (!png) {
    const [w, h] = SIZES[kind];
    png = paintPhoto(seed, listing, n, w, h);
    if (cache.size > 300) cache.delete(cache.keys().next().value as string);
    cache.set(key, png);
  }
  return png;
}

/** Parses `ID=LN1:1:3,LN2:*,LN3:0` into entity/object pairs (object 0 = preferred = photo 1). */
function parseIds(ctx: Ctx, id: string): { wanted: Wanted[]; multi: boolean; missing: string[] } {
  const wanted: Wanted[] = [];
  const missing: string[] = [];
  let star = false;
  const sets = id.split(',').map((s) => s.trim()).filter(Boolean);
  if (sets.length === 0) throw new ObjectArgError(20402, 'Invalid Identifier: ID is required, e.g. ID=500001:1 or ID=500001:*.');
  for (const set of sets) {
    const [entity, ...ids] = set.split(':');
    if (!/^\d+$/.test(entity)) throw new ObjectArgError(20402, `Invalid Identifier "${set}": the entity must be a listing key (L_ListingKey), e.g. ${KEY_BASE.listing}:1.`);
    const listing = Number(entity) - KEY_BASE.listing;
    const photos = listing >= 0 && listing < ctx.state.ds.listings ? ctx.state.ds.photos[listing] : -1;
    const list = ids.length === 0 ? ['0'] : ids;
    for (const o of list) {
      if (o === '*') {
        star = true;
        if (photos <= 0) missing.push(`${entity}:*`);
        for (let n = 1; n <= photos; n++) wanted.push({ entity, listing, n });
        continue;
      }
      if (!/^\d{1,5}$/.test(o)) throw new ObjectArgError(20402, `Invalid Identifier "${set}": object ids are numbers, * or 0.`);
      const n = Number(o) === 0 ? 1 : Number(o);
      if (n > photos) missing.push(`${entity}:${o}`);
      wanted.push({ entity, listing: n > photos ? -1 : listing, n });
    }
  }
  return { wanted, multi: star || wanted.length > 1, missing };
}

export async function handleGetObject(ctx: Ctx): Promise<void> {
  const resource = arg(ctx, 'Resource') ?? '';
  const type = (arg(ctx, 'Type') ?? '').toLowerCase();
  if (resource.toLowerCase() !== 'property') {
    const known = ctx.state.metadata.resources.some((r) => r.id.toLowerCase() === resource.toLowerCase());
    return sendReply(ctx, known ? 20401 : 20400, known ? `Invalid Type: resource ${resource} has no objects.` : `Invalid Resource "${resource}": objects are on Property.`);
  }
  if (type !== 'photo' && type !== 'thumbnail') return sendReply(ctx, 20401, `Invalid Type "${arg(ctx, 'Type') ?? ''}": object types are Photo and Thumbnail.`);
  let parsed;
  try {
    parsed = parseIds(ctx, arg(ctx, 'ID') ?? '');
  } catch (e) {
    if (e instanceof ObjectArgError) return sendReply(ctx, e.replyCode, e.message);
    throw e;
  }
  const found = parsed.wanted.filter((w) => w.listing >= 0);
  if (found.length === 0) return sendReply(ctx, 20403, `No Object Found: ${parsed.missing.join(', ')} has no ${type}.`);
  const location = arg(ctx, 'Location') === '1';
  const kind = type as Kind;
  if (!parsed.multi) return sendSingle(ctx, found[0], kind, location);
  return sendMultipart(ctx, parsed.wanted, kind, location);
}

function mediaUrl(ctx: Ctx, w: Wanted, kind: Kind): string {
  return `${ctx.state.baseUrl}${PATHS.media}${w.entity}/${w.n}${kind === 'thumbnail' ? '-thumb' : ''}.png`;
}

/** Flaky photos: the first request of each object in a session fails. */
function failsNow(ctx: Ctx, w: Wanted, kind: Kind): boolean {
  if (ctx.account?.failure !== 'flaky-photos' || !ctx.session) return false;
  const key = `${w.entity}:${w.n}:${kind}`;
  if (ctx.session.askedObjects.has(key)) return false;
  ctx.session.askedObjects.add(key);
  return true;
}

function objectHeaders(ctx: Ctx, w: Wanted, kind: Kind): Record<string, string> {
  const h: Record<string, string> = { 'Content-ID': w.entity, 'Object-ID': String(w.n), 'Content-Description': `${kind === 'thumbnail' ? 'Thumbnail' : 'Photo'} ${w.n}`, 'MIME-Version': '1.0' };
  if (ctx.account?.version === '1.8' && w.n === 1) h.Preferred = '1';
  return h;
}

async function sendSingle(ctx: Ctx, w: Wanted, kind: Kind, location: boolean): Promise<void> {
  if (failsNow(ctx, w, kind)) return sendReply(ctx, 20409, `Object Unavailable: ${w.entity}:${w.n} could not be read just now; try again.`);
  const head = { ...baseHeaders(ctx, 'image/png'), ...objectHeaders(ctx, w, kind) };
  if (location) {
    ctx.res.writeHead(200, { ...head, Location: mediaUrl(ctx, w, kind), 'Content-Length': 0 });
    ctx.res.end();
    return;
  }
  const png = image(ctx.state.ds.seed, w.listing, w.n, kind);
  ctx.res.writeHead(200, { ...head, 'Content-Length': png.length });
  const body = new BodyWriter(ctx.res, bodyFaults(ctx));
  await body.writeBytes(png);
  await body.end();
}

async function sendMultipart(ctx: Ctx, wanted: Wanted[], kind: Kind, location: boolean): Promise<void> {
  const boundary = `DemoMLS-${randomBytes(8).toString('hex')}`;
  ctx.res.writeHead(200, { ...baseHeaders(ctx, `multipart/parallel; boundary="${boundary}"`), 'MIME-Version': '1.0' });
  const body = new BodyWriter(ctx.res, bodyFaults(ctx));
  const v18 = ctx.account?.version === '1.8';
  for (const w of wanted) {
    let headers: Record<string, string>;
    let bytes: Buffer | undefined;
    const errorPart = (code: number, text: string) => {
      headers = { 'Content-Type': 'text/xml', 'Content-ID': w.entity, 'Object-ID': String(w.n), ...(v18 || code === 20409 ? { 'RETS-Error': '1' } : {}) };
      bytes = Buffer.from(replyXml(code, text));
    };
    if (w.listing < 0) errorPart(20403, `No Object Found: ${w.entity}:${w.n}`);
    else if (failsNow(ctx, w, kind)) errorPart(20409, `Object Unavailable: ${w.entity}:${w.n}; try again.`);
    else if (location) { headers = { 'Content-Type': 'image/png', ...objectHeaders(ctx, w, kind), Location: mediaUrl(ctx, w, kind) }; bytes = Buffer.alloc(0); }
    else { headers = { 'Content-Type': 'image/png', ...objectHeaders(ctx, w, kind) }; bytes = image(ctx.state.ds.seed, w.listing, w.n, kind); }
    const head = Object.entries(headers!).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    await body.write(`\r\n--${boundary}\r\n${head}\r\n`);
    await body.writeBytes(bytes!);
  }
  await body.write(`\r\n--${boundary}--\r\n`);
  await body.end();
}

/** Serves the Location=1 URLs: /rets/media/<listing key>/<n>.png or <n>-thumb.png (no login, like a CDN). */
export async function handleMedia(ctx: Ctx): Promise<void> {
  const m = /^\/rets\/media\/(\d+)\/(\d+)(-thumb)?\.png$/.exec(ctx.path);
  const listing = m ? Number(m[1]) - KEY_BASE.listing : -1;
  const n = m ? Number(m[2]) : 0;
  if (!m || listing < 0 || listing >= ctx.state.ds.listings || n < 1 || n > ctx.state.ds.photos[listing]) {
    ctx.res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    ctx.res.end('No such photo.\n');
    return;
  }
  const png = image(ctx.state.ds.seed, listing, n, m[3] ? 'thumbnail' : 'photo');
  ctx.res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length, 'Cache-Control': 'public, max-age=86400' });
  ctx.res.end(png);
}
