// MIME part headers as real servers write them: LF or CRLF, no space after the colon, folded
// lines (with or without leading white space), mixed-case names, repeated ObjectData.

import type { ObjectHeaders } from './types';

/** Parse a header block (text between a boundary line and the blank line). */
export function parseHeaderBlock(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const continued = /^[ \t]/.test(line) || colon <= 0 || /\s/.test(line.slice(0, colon).trim());
    if (continued && out.length > 0) {
      out[out.length - 1][1] = `${out[out.length - 1][1]} ${line.trim()}`.trim();
      continue;
    }
    if (colon <= 0) continue;
    out.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return out;
}

export function objectHeaders(pairs: [string, string][]): ObjectHeaders {
  const all: Record<string, string> = {};
  const objectData: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    all[key] = key in all ? `${all[key]}, ${value}` : value;
    if (key === 'objectdata') {
      const eq = value.indexOf('=');
      if (eq > 0) objectData[value.slice(0, eq).trim()] = value.slice(eq + 1).trim();
    }
  }
  const h: ObjectHeaders = { objectData, all };
  const set = (field: keyof ObjectHeaders, ...names: string[]): void => {
    for (const n of names) {
      if (all[n] !== undefined) { (h as unknown as Record<string, unknown>)[field] = all[n]; return; }
    }
  };
  set('contentId', 'content-id');
  set('objectId', 'object-id');
  set('contentType', 'content-type');
  set('location', 'location');
  set('contentDescription', 'content-description', 'description');
  set('contentSubDescription', 'content-sub-description');
  set('uid', 'uid');
  if (h.location === '') delete h.location;
  if (all.preferred !== undefined) h.preferred = all.preferred.trim() === '1' || /^true$/i.test(all.preferred.trim());
  return h;
}

/** Headers given as a plain record (HTTP response headers for a single object). */
export function objectHeadersFromRecord(headers: Record<string, string>): ObjectHeaders {
  return objectHeaders(Object.entries(headers).flatMap(([k, v]) =>
    k.toLowerCase() === 'objectdata' ? v.split(/,\s*(?=[^,=]+=)/).map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

/** The boundary parameter of a multipart Content-Type (quoted or bare, parameters after it). */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(contentType);
  const b = m ? (m[1] ?? m[2]) : null;
  return b ? b : null;
}
