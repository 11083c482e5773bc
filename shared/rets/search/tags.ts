// Small helpers for the few RETS envelope tags the search parsers read.

import { RetsError } from '../errors';
import { htmlTitle } from '../envelope';
import { scanAttributes } from '../tagScan';
import { decodeXmlEntities } from '../text';

/** Attributes of a tag's text (`RETS ReplyCode="0" ReplyText='OK'`), names lower-cased unless keepCase. */
export function parseAttributes(tag: string, keepCase = false): Record<string, string> {
  const out: Record<string, string> = {};
  scanAttributes(tag, (name, value) => { out[keepCase ? name : name.toLowerCase()] = decodeXmlEntities(value); });
  return out;
}

/** Tag name of tag text (`/RETS`, `COUNT`, `?xml`, `!--`). */
export function tagName(tag: string): string {
  const m = /^\s*([/?!]?[^\s/>]*)/.exec(tag);
  return m ? m[1] : '';
}

/** The error for an HTML page (login page, proxy block, Tomcat/IIS error) where RETS XML was expected. */
export function htmlPageError(snippet: string): RetsError {
  const title = htmlTitle(snippet);
  return new RetsError({
    kind: 'parse', transaction: 'Search',
    message: `The server sent an HTML page${title ? ` ("${title}")` : ''} where a RETS XML search response was expected.`,
    cause: 'A proxy, firewall, web-server error page or login portal answered instead of the RETS server.',
    hint: 'Check the Search URL from the login response, your IP whitelisting and the server status.',
  });
}

export function notRetsError(what: string, snippet: string): RetsError {
  return new RetsError({
    kind: 'parse', transaction: 'Search',
    message: `The search response ${what}.`,
    cause: snippet ? `It starts with: ${JSON.stringify(snippet.slice(0, 120))}` : 'The body was empty.',
    hint: 'Save the raw response (the log panel keeps it) and check it with `rets-workbench inspect --kind search`.',
  });
}
