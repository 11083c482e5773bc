// GetObject responses: every object sample of the corpus, every quirk, bad input, chunk splits.
import { describe, expect, it } from 'vitest';
import { collectObjects, createObjectParser } from '../../shared/rets/object/multipart';
import { isRetsError } from '../../shared/rets/errors';
import { sample, samplesOf } from '../samples/corpus';

const enc = new TextEncoder();
const LIB = 'NationalAssociationOfRealtors__libRETS/project/librets';
const FLEX = 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/rets2_1_GetObject';
const label = (s: { file: string; index: number }) => `${s.file}#${s.index}`;

function collect(file: string, index = 0) {
  const s = sample(file, index);
  return collectObjects(s.contentType ?? '', s.body, s.headers);
}

function splitEvery(body: Uint8Array, step: number, offset: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < body.length; ) { const n = i === 0 ? offset || step : step; out.push(body.subarray(i, i + n)); i += n; }
  return out;
}

describe('object samples', () => {
  it.each(samplesOf('object').map((s) => [label(s), s] as const))('%s parses into objects with ids', (_l, s) => {
    const { objects } = collectObjects(s.contentType ?? '', s.body, s.headers);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) {
      // size is the part body's length whatever it holds; a Location part's or an error's body is not object data.
      if (o.error || o.headers.location !== undefined) expect(o.data.length).toBe(0);
      else expect(o.data.length).toBe(o.size);
      // Only a Location part, an error, or a part with no Content-Type at all (photo.1's last) is empty.
      if (!o.error && o.headers.location === undefined && o.headers.contentType !== undefined) expect(o.size).toBeGreaterThan(0);
    }
  });

  it('flexmls 22 JPEG parts: ids, sizes and JPEG magic', () => {
    const { objects } = collect(`${FLEX}/204749e19efea78e43edf1f3333ee44b.txt`);
    expect(objects).toHaveLength(22);
    expect(objects.map((o) => o.headers.objectId)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    expect(objects[0].headers.contentId).toBe('14-52');
    expect(objects[0].headers.contentType).toBe('image/jpeg');
    expect(objects[0].size).toBe(12761);
    expect(objects[1].size).toBe(12472);
    for (const o of objects) expect([o.data[0], o.data[1], o.data[o.size - 2], o.data[o.size - 1]]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });

  it('RETS 1.8 multipart: ObjectData headers, Preferred, and a 20403 part as a per-object error', () => {
    const { objects } = collect(`${LIB}/test/src/resources/get-object-response-multi-rets1-8.txt`);
    expect(objects.map((o) => o.headers.objectId)).toEqual(['0', '1', '2', '3', '4', '5']);
    const [first] = objects;
    expect(first.headers.contentSubDescription).toBe('Sub Description');
    expect(first.headers.objectData.PropMediaCaption).toBe('caption for kitchen');
    expect(first.headers.objectData['X-Custom']).toBe('custom header');
    expect(Object.keys(first.headers.objectData)).toHaveLength(21);
    expect(first.headers.preferred).toBe(true);
    expect(new TextDecoder('latin1').decode(first.data.subarray(0, 6))).toBe('GIF89a');
    expect(objects[3].error).toMatchObject({ replyCode: 20403, whole: false });
    expect(objects.filter((o) => !o.error).every((o) => o.size === 94)).toBe(true);
  });

  it('Location=1 multiparts: URLs, no bytes, every part kept (rets-client#34 dropped every other one)', () => {
    const multi = collect(`${LIB}/test/src/resources/get-object-response-multi-location.txt`).objects;
    expect(multi.map((o) => o.headers.location)).toEqual([1, 2, 3].map((n) => `http://www.example.com/images/abc123/${n}`));
    expect(multi.map((o) => o.size)).toEqual([0, 0, 0]);
    expect(multi[1].headers.contentType).toBe('application/octet-stream');
    expect(multi[0].headers.contentDescription).toBe('Front view.');

    const ruby = collect('Homefinder__ruby-rets/spec/responses/get_object/multipart_location_success.txt').objects;
    expect(ruby.map((o) => [o.headers.contentId, o.headers.location, o.size, o.headers.contentDescription])).toEqual([
      ['1234', 'http://foobar.com/images/1234_1686250.jpg', 0, 'Foo Bar'],
      ['5678', 'http://foobar.com/images/1234_0186250.jpg', 1, 'Bar Foo'], // its body is one blank line
    ]);

    const estately = collect('estately__rets/test/fixtures.rb__MULTIPART_RESPONSE_URLS.txt').objects;
    expect(estately).toHaveLength(5);
    // Each body is a 57-byte `<RETS ReplyCode="0" …/>`: no data, but the size is the body's.
    expect(estately.every((o) => !o.error && o.data.length === 0 && o.size === 57 && o.headers.contentType === 'text/xml')).toBe(true);
    expect(estately[0].headers.location).toMatch(/RETS\/\/MediaDisplay/);

    const flex = collect('refindlyllc__rets/tests/rets_responses/GetObject_multipart_Location1.byte').objects;
    expect(flex).toHaveLength(41);
    expect(flex[0].headers.location).toMatch(/^https?:\/\/cdn\.resize\.sparkplatform\.com\//);
    expect(flex.every((o) => o.size === 0 && o.headers.contentId === '1256671')).toBe(true);
  });

  it('LF-only multipart with text bodies', () => {
    const { objects } = collect('Homefinder__ruby-rets/spec/responses/get_object/multipart_success.txt');
    expect(objects.map((o) => [o.headers.contentType, new TextDecoder().decode(o.data)])).toEqual([
      ['a/b', 'Object Data 1'], ['c/d', 'Quick\nObject\nData\n2\n'],
    ]);
  });

  it('Rapattoni-style photo.1: chunked body undone, no space after colons, an empty last part', () => {
    const { objects } = collect(`${LIB}/test-network/src/resources/photo.1`);
    expect(objects.map((o) => o.headers.objectId)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(objects[0].headers.contentId).toBe('2917666');
    expect(objects[0].size).toBe(39833);
    expect(objects[6].size).toBe(0);
  });

  it('NORMLS multipart of 6 parts with their byte sizes', () => {
    expect(collect(`${LIB}/test/src/resources/get-object-response-normls.txt`).objects.map((o) => o.size)).toEqual([5149, 3712, 4196, 4285, 3936, 3913]);
  });

  it('single objects: bytes with headers from the HTTP response, Location with Content-Length 0, 1.8 headers', () => {
    const single = collect(`${LIB}/test/src/resources/get-object-response-single.txt`).objects;
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ size: 94, headers: { contentId: 'abc123', objectId: '1', contentType: 'image/gif' } });
    const loc = collect(`${FLEX}/bc184498e2ca6712c7c2e8f5a4cec90e.txt`).objects;
    expect(loc).toHaveLength(1);
    expect(loc[0]).toMatchObject({ size: 0, headers: { contentId: '00-1669', objectId: '1', preferred: true } });
    expect(loc[0].headers.location).toMatch(/^https?:\/\//);
    const r18 = collect(`${LIB}/test/src/resources/get-object-response-single-rets1-8.txt`).objects[0];
    expect(r18.headers.preferred).toBe(true);
    expect(r18.headers.contentSubDescription).toBeDefined();
    expect(Object.keys(r18.headers.objectData).length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(collect('Homefinder__ruby-rets/spec/responses/get_object/single_success.txt').objects[0].data)).toBe('Quick\nObject\nData\n2');
  });

  it('whole-request RETS errors are one object-error (20403, lowercase attributes)', () => {
    const s = sample(`${LIB}/test/src/resources/get-object-response-no-object.txt`);
    const { objects } = collectObjects(s.contentType ?? '', s.body, s.headers);
    expect(objects).toEqual([expect.objectContaining({ error: { replyCode: 20403, replyText: 'No Object Found', whole: true } })]);
    const ruby = sample('Homefinder__ruby-rets/spec/responses/get_object/single_error.txt');
    const r = collectObjects('text/xml', ruby.body).objects[0];
    expect(r.error?.whole).toBe(true);
    expect(r.error?.replyCode).toBeGreaterThan(0);
  });

  it('gives the same objects whatever the chunk size', () => {
    const s = sample(`${LIB}/test/src/resources/get-object-response-multi-rets1-8.txt`);
    const whole = JSON.stringify(collectObjects(s.contentType ?? '', s.body).objects.map((o) => [o.headers, Array.from(o.data), o.error]));
    const differing: number[] = [];
    for (let cut = 1; cut < s.body.length; cut++) {
      const got = collectObjects(s.contentType ?? '', [s.body.subarray(0, cut), s.body.subarray(cut)]).objects.map((o) => [o.headers, Array.from(o.data), o.error]);
      if (JSON.stringify(got) !== whole) differing.push(cut);
    }
    expect(differing).toEqual([]);
    for (const step of [1, 7, 64, 1000]) {
      const got = collectObjects(s.contentType ?? '', splitEvery(s.body, step, 3)).objects.map((o) => [o.headers, Array.from(o.data), o.error]);
      expect(JSON.stringify(got)).toBe(whole);
    }
  });
});

describe('GetObject quirks', () => {
  const part = (headers: string, body: string) => `${headers}\r\n\r\n${body}`;
  const mp = (b: string, parts: string[], preamble = '\r\n') => enc.encode(`${preamble}--${b}\r\n${parts.join(`\r\n--${b}\r\n`)}\r\n--${b}--\r\n`);

  it('bare boundary, ;charset after it, no preamble CRLF, no space after colons, folded headers', () => {
    const body = mp('xyz', [part('Content-ID:L1\r\nObject-ID:1\r\nContent-Type:image/jpeg\r\nContent-Description: Front\r\n of the house', 'JPEG')], '');
    const { objects } = collectObjects('multipart/parallel; boundary=xyz;charset=UTF-8', body);
    expect(objects[0].headers).toMatchObject({ contentId: 'L1', objectId: '1', contentDescription: 'Front of the house' });
    expect(new TextDecoder().decode(objects[0].data)).toBe('JPEG');
  });

  it('a continued header line without leading white space joins the previous header', () => {
    const body = mp('b', [part('Content-ID: L1\r\nObject-ID: 1\r\nContent-Description: Lovely view\r\nof the lake', 'x')]);
    expect(collectObjects('multipart/parallel; boundary="b"', body).objects[0].headers.contentDescription).toBe('Lovely view of the lake');
  });

  it('text/plain "not found" parts and RETS-Error: 1 parts are per-object errors; others still arrive', () => {
    const body = mp('b', [
      part('Content-ID: L1\r\nObject-ID: 1\r\nContent-Type: image/jpeg', 'AAAA'),
      part('Content-ID: L1\r\nObject-ID: 2\r\nContent-Type: text/plain', 'Object not found'),
      part('Content-ID: L1\r\nObject-ID: 3\r\nContent-Type: text/xml\r\nRETS-Error: 1', '<RETS ReplyCode="20409" ReplyText="Object Unavailable"/>'),
      part('Content-ID: L1\r\nObject-ID: 4\r\nContent-Type: text/plain', 'A caption that is real text'),
    ]);
    const { objects } = collectObjects('multipart/parallel; boundary="b"', body);
    expect(objects.map((o) => [o.headers.objectId, o.error?.replyCode ?? null, o.error?.replyText ?? null, o.size])).toEqual([
      ['1', null, null, 4], ['2', null, 'Object not found', 16], ['3', 20409, 'Object Unavailable', 56], ['4', null, null, 27],
    ]);
  });

  it('base64 Content-Transfer-Encoding is decoded, across chunk boundaries', () => {
    const body = mp('b', [part('Content-ID: L1\r\nObject-ID: 1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64', 'SGVsbG8s\r\nIHdvcmxk\r\nIQ==')]);
    const whole = collectObjects('multipart/parallel; boundary="b"', body).objects[0];
    expect(new TextDecoder().decode(whole.data)).toBe('Hello, world!');
    expect(whole.size).toBe(13);
    const split = collectObjects('multipart/parallel; boundary="b"', splitEvery(body, 5, 2)).objects[0];
    expect(new TextDecoder().decode(split.data)).toBe('Hello, world!');
  });

  it('a Location=1 part whose body is a small RETS reply: no data, size is the body\'s byte length', () => {
    const reply = '<RETS ReplyCode="0" ReplyText="Operation Successful" />\r\n';
    const body = mp('b', [
      part('Content-ID: L1\r\nObject-ID: 1\r\nContent-Type: text/xml\r\nLocation: https://cdn.example.com/L1-1.jpg', reply),
      part('Content-ID: L1\r\nObject-ID: 2\r\nContent-Type: image/jpeg\r\nLocation: https://cdn.example.com/L1-2.jpg', ''),
    ]);
    const { objects } = collectObjects('multipart/parallel; boundary="b"', body);
    expect(objects.map((o) => [o.headers.objectId, o.headers.location, o.data.length, o.size, o.error])).toEqual([
      ['1', 'https://cdn.example.com/L1-1.jpg', 0, new TextEncoder().encode(reply).length, undefined],
      ['2', 'https://cdn.example.com/L1-2.jpg', 0, 0, undefined],
    ]);
  });

  it('a single object with Content-Length 0 and only a Location', () => {
    const { objects } = collectObjects('image/jpeg', new Uint8Array(0), { 'Content-ID': 'L9', 'Object-ID': '0', Location: 'https://cdn.example.com/L9.jpg', 'Content-Length': '0' });
    expect(objects).toEqual([expect.objectContaining({ size: 0, headers: expect.objectContaining({ contentId: 'L9', location: 'https://cdn.example.com/L9.jpg' }) })]);
  });

  it('streams a big object out in chunks without holding it', () => {
    const p = createObjectParser('multipart/parallel; boundary="b"');
    const events = [...p.push(enc.encode('--b\r\nContent-ID: L1\r\nObject-ID: 1\r\nContent-Type: image/jpeg\r\n\r\n'))];
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    let dataBytes = 0;
    for (let i = 0; i < 64; i++) for (const e of p.push(chunk)) if (e.kind === 'data') dataBytes += e.chunk.length;
    expect(dataBytes).toBeGreaterThan(63 * 64 * 1024);
    events.push(...p.push(enc.encode('\r\n--b--\r\n')), ...p.end());
    expect(events.find((e) => e.kind === 'part-end')).toEqual({ kind: 'part-end', index: 0, size: 64 * 64 * 1024 });
  });
});

describe('GetObject bad input', () => {
  const errorOf = (fn: () => unknown) => { try { fn(); } catch (e) { if (isRetsError(e)) return e; throw e; } throw new Error('no error'); };

  it('a multipart Content-Type without boundary is a parse error quoting the header', () => {
    const e = errorOf(() => createObjectParser('multipart/parallel'));
    expect(e.info.kind).toBe('parse');
    expect(e.info.cause).toMatch(/found `multipart\/parallel`/);
  });

  it('a wrong boundary is a parse error saying what was expected and what was found', () => {
    const e = errorOf(() => collectObjects('multipart/parallel; boundary="expected"', enc.encode('\r\n--actual\r\nContent-ID: 1\r\n\r\nxx\r\n--actual--\r\n')));
    expect(e.info.kind).toBe('parse');
    expect(e.info.cause).toBe('Expected a line "--expected", found "--actual".');
  });

  it('a body cut off inside an object is a parse error naming the object', () => {
    const e = errorOf(() => collectObjects('multipart/parallel; boundary="b"', enc.encode('--b\r\nContent-ID: 1\r\nObject-ID: 1\r\n\r\nJPEGDATA')));
    expect(e.message).toMatch(/cut off inside object 1/);
  });

  it('an HTML page as a single object with text/html is delivered as data, and with text/xml RETS error as an error', () => {
    const html = collectObjects('text/html', enc.encode('<html><body>Error</body></html>')).objects[0];
    expect(html.size).toBeGreaterThan(0);
    const xml = collectObjects('text/xml', enc.encode('<RETS ReplyCode="20401" ReplyText="Invalid Type"/>')).objects[0];
    expect(xml.error).toEqual({ replyCode: 20401, replyText: 'Invalid Type', whole: true });
  });
});
