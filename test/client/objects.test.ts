import { afterEach, describe, expect, it } from 'vitest';
import { harness, rejection, type Harness } from './helpers';
import type { ObjectItem } from '../../electron/rets/session';

let h: Harness | undefined;
afterEach(async () => { await h?.dispose(); h = undefined; });

async function all(items: AsyncIterable<ObjectItem>): Promise<ObjectItem[]> {
  const out: ObjectItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const text = (item: ObjectItem): string => (item.kind === 'object' ? new TextDecoder().decode(item.data) : '');

describe('RetsSession getObject', () => {
  it('returns a single object from a plain body with its headers', async () => {
    h = await harness();
    await h.session.login();
    const items = await all(h.session.getObject({ resource: 'Property', type: 'Photo', ids: 'LN1:2' }));
    expect(items.length).toBe(1);
    const [item] = items;
    expect(item).toMatchObject({ kind: 'object', contentId: 'LN1', objectId: '2', contentType: 'image/jpeg', description: 'Front' });
    expect(text(item).startsWith('JPEG-LN1-2-')).toBe(true);
    const req = h.server.log.find((r) => r.path === '/rets/getObject')!;
    expect(req.params).toMatchObject({ resource: 'Property', type: 'Photo', id: 'LN1:2' });
  });

  it('returns a Location=1 answer as a URL without bytes', async () => {
    h = await harness();
    await h.session.login();
    const [item] = await all(h.session.getObject({ resource: 'Property', type: 'Photo', ids: 'LN1:1', location: 1 }));
    expect(item).toMatchObject({ kind: 'object', location: 'http://img.example/LN1/1.jpg' });
    expect(h.server.log.find((r) => r.path === '/rets/getObject')!.params.location).toBe('1');
  });

  it('streams a multipart answer with a per-object error as an item', async () => {
    h = await harness();
    await h.session.login();
    const items = await all(h.session.getObject({ resource: 'Property', type: 'Photo', ids: ['LN1:*', 'MISSING:1', 'LN2:1:3'] }));
    expect(items.map((i) => `${i.kind}:${i.contentId}:${i.objectId}`)).toEqual([
      'object:LN1:1', 'object:LN1:2', 'object:LN1:3', 'error:MISSING:1', 'object:LN2:1', 'object:LN2:3',
    ]);
    expect(text(items[4]).startsWith('JPEG-LN2-1-')).toBe(true);
    const error = items[3];
    expect(error.kind === 'error' && error.error).toMatchObject({ kind: 'rets', replyCode: 20403, transaction: 'GetObject' });
    expect(h.server.log.find((r) => r.path === '/rets/getObject')!.params.id).toBe('LN1:*,MISSING:1,LN2:1:3');
  });

  it('turns a whole-request 20403 into one error item', async () => {
    h = await harness();
    await h.session.login();
    const items = await all(h.session.getObject({ resource: 'Property', type: 'Photo', ids: 'NOPE:1' }));
    expect(items.length).toBe(1);
    expect(items[0]).toMatchObject({ kind: 'error', contentId: 'NOPE', objectId: '1' });
  });

  it('needs a login first', async () => {
    h = await harness();
    const err = await rejection(all(h.session.getObject({ resource: 'Property', type: 'Photo', ids: 'LN1:1' })));
    expect(err.info.kind).toBe('input');
  });
});
