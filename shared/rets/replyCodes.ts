// Catalogue of RETS reply codes (RETS 1.7.2 / 1.8, see RETS-PROTOCOL.md §10), written for
// integrators: what the code means in plain words and what to do about it.

import type { RetsTransaction } from './errors';

export interface ReplyCodeInfo {
  code: number;
  name: string;
  /** Plain-language meaning. */
  meaning: string;
  /** What the user should do. */
  action: string;
  /** Transactions that send this code ('Other' = Update, ChangePassword, PostObject…). */
  transactions: RetsTransaction[];
}

type Row = [number, string, string, string, RetsTransaction[]];

const ANY: RetsTransaction[] = ['Login', 'Logout', 'GetMetadata', 'Search', 'GetObject', 'Action', 'Other'];
const LOGIN: RetsTransaction[] = ['Login'];
const SEARCH: RetsTransaction[] = ['Search'];
const OBJ: RetsTransaction[] = ['GetObject'];
const META: RetsTransaction[] = ['GetMetadata'];
const OTHER: RetsTransaction[] = ['Other'];

const ROWS: Row[] = [
  [0, 'Success', 'The request succeeded.', 'Nothing to do.', ANY],
  [10000, 'System error', 'The server hit an internal error it did not describe further.', 'Retry later; if it persists, send the ReplyText and time to the MLS support desk.', ANY],
  // Login
  [20003, 'Zero balance', 'The account has no balance left for this pay-per-use service.', 'Contact the MLS to top up or change the billing arrangement.', LOGIN],
  [20012, 'Broker code required', 'The server needs a BrokerCode with the login.', 'Set the broker code (and branch, if any) in the connection profile.', LOGIN],
  [20013, 'Broker code invalid', 'The BrokerCode sent is not known to the server.', 'Check the broker code and branch with the MLS.', LOGIN],
  [20022, 'Additional login not permitted', 'The account already has an active session and only one is allowed.', 'Log out the other session (or wait for it to time out) and try again; avoid parallel logins.', LOGIN],
  [20036, 'Miscellaneous login error', 'The server refused the login for a reason given only in its ReplyText; often the client IP is not whitelisted or the RETS-Version is refused.', 'Read the ReplyText. Ask the MLS to whitelist your public IP, and try another RETS-Version (1.7.2, 1.5, 1.8).', LOGIN],
  [20037, 'Client authentication failed', 'The User-Agent or User-Agent password is wrong (the UA digest did not match).', 'Ask the MLS for the exact registered User-Agent and its UA password (both are case-sensitive) and enter them in the profile.', ANY],
  [20041, 'User-Agent authentication required', 'The server requires RETS-UA-Authorization but none was sent, or the User-Agent is not registered.', 'Ask the MLS for the registered User-Agent and UA password and set both in the profile.', ANY],
  [20050, 'Server temporarily disabled', 'The RETS server is down for maintenance or disabled.', 'Retry later; check the MLS status page or support.', LOGIN],
  // ChangePassword
  [20140, 'Insecure password', 'The new password does not meet the server\'s rules.', 'Choose a longer or more complex password.', OTHER],
  [20141, 'Same as previous password', 'The new password equals an earlier one.', 'Choose a password you have not used before.', OTHER],
  [20142, 'Encrypted user name invalid', 'The server could not decode the encrypted user name in ChangePassword.', 'Check the user name and password and retry.', OTHER],
  // Search
  [20200, 'Unknown query field', 'The query names a field (or lookup value) the class does not have.', 'Check the field SystemNames in the metadata (or set StandardNames=1 if you used standard names).', SEARCH],
  [20201, 'No records found', 'The query matched nothing. Not an error.', 'Widen the query if you expected rows.', SEARCH],
  [20202, 'Invalid select', 'A field in Select does not exist or may not be selected.', 'Remove unknown fields from Select; check names against the class metadata.', SEARCH],
  [20203, 'Miscellaneous search error', 'The server rejected the search; its ReplyText says why (for example an invalid class, or an unsupported Offset).', 'Read the ReplyText; check SearchType/Class names and paging options.', SEARCH],
  [20206, 'Invalid query syntax', 'The DMQL2 query could not be parsed by the server.', 'Check the parentheses, operators and value formats of the query.', SEARCH],
  [20207, 'Unauthorized query', 'The account may not search this resource, class or field.', 'Ask the MLS to grant access, or query something else.', SEARCH],
  [20208, 'Maximum records exceeded', 'More rows matched than the server returns in one response.', 'Page with Limit and Offset, or narrow the query.', SEARCH],
  [20209, 'Timeout', 'The search took too long on the server.', 'Narrow the query (dates, status) or select fewer fields.', SEARCH],
  [20210, 'Too many outstanding queries', 'The account has too many searches running at once.', 'Wait for running searches to finish; run fewer in parallel.', SEARCH],
  [20211, 'Query too complex', 'The server refused the query as too complex.', 'Simplify the query: fewer OR branches or values.', SEARCH],
  [20212, 'Invalid key request', 'The Key (RETS 1.7 key search) request was invalid.', 'Do not use Key; page with Offset instead.', SEARCH],
  [20213, 'Invalid key', 'The Key value is not valid.', 'Restart the key search, or page with Offset.', SEARCH],
  // Update
  [20301, 'Invalid parameter', 'An Update parameter is invalid.', 'Check the Update arguments against the UPDATE metadata.', OTHER],
  [20302, 'Unable to save record', 'The server could not save the record.', 'Read the ReplyText and error block; fix the values and retry.', OTHER],
  [20303, 'Miscellaneous update error', 'The update failed; the ReplyText says why.', 'Read the ReplyText.', OTHER],
  [20311, 'Warning response not given', 'The update raised warnings that the client did not acknowledge.', 'Resend with the warnings answered.', OTHER],
  [20312, 'Warning response given', 'The update raised warnings that need a response.', 'Review the warnings and resend.', OTHER],
  // GetObject
  [20400, 'Invalid resource', 'The Resource of the GetObject request does not exist.', 'Use a ResourceID from the metadata (e.g. Property).', OBJ],
  [20401, 'Invalid type', 'The object Type is not offered for this resource (names differ by server).', 'Use an ObjectType listed in METADATA-OBJECT for the resource.', OBJ],
  [20402, 'Invalid identifier', 'The ID is malformed or names an unknown record.', 'Use the resource KeyField value, e.g. ID=LN123:*.', OBJ],
  [20403, 'No object found', 'No object exists for the requested id. Usually not an error.', 'Check the listing has photos; try ID=key:* to fetch all.', OBJ],
  [20406, 'Unsupported MIME type', 'The server cannot supply the requested Accept type.', 'Send Accept: */* or a type listed in METADATA-OBJECT.', OBJ],
  [20407, 'Unauthorized retrieval', 'The account may not retrieve these objects.', 'Ask the MLS for access to this object type.', OBJ],
  [20408, 'Resource unavailable', 'The object resource is temporarily unavailable.', 'Retry later.', OBJ],
  [20409, 'Object unavailable', 'The object exists but cannot be delivered now.', 'Retry later.', OBJ],
  [20410, 'Request too large', 'Too many objects were asked for in one request.', 'Ask for fewer ids per request.', OBJ],
  [20411, 'Timeout', 'The server timed out gathering the objects.', 'Ask for fewer objects per request, or use Location=1.', OBJ],
  [20412, 'Too many outstanding requests', 'Too many GetObject requests are running at once.', 'Run fewer requests in parallel.', OBJ],
  [20413, 'Miscellaneous GetObject error', 'The GetObject request failed; the ReplyText says why.', 'Read the ReplyText.', OBJ],
  // GetMetadata
  [20500, 'Invalid resource', 'The metadata request names an unknown resource.', 'Use a ResourceID from METADATA-RESOURCE.', META],
  [20501, 'Invalid type', 'The metadata Type is not supported.', 'Use a METADATA-* type the server supports (SYSTEM, RESOURCE, CLASS, TABLE, LOOKUP_TYPE…).', META],
  [20502, 'Invalid identifier', 'The metadata ID is not known (wrong resource/class path).', 'Check the ID path, e.g. Property:RES for a TABLE, or use 0 / *.', META],
  [20503, 'No metadata found', 'The server has no metadata of this type at this level.', 'Nothing to show; try another type or level.', META],
  [20506, 'Unsupported MIME type', 'The metadata cannot be delivered in the requested MIME type.', 'Drop the Accept restriction.', META],
  [20507, 'Unauthorized retrieval', 'The account may not read this metadata.', 'Ask the MLS for access.', META],
  [20508, 'Resource unavailable', 'The metadata resource is temporarily unavailable.', 'Retry later.', META],
  [20509, 'Metadata unavailable', 'The metadata cannot be delivered now.', 'Retry later.', META],
  [20510, 'Request too large', 'The metadata request is too large (for example ID=* on a big system).', 'Fetch level by level: RESOURCE, then CLASS, then TABLE per class.', META],
  [20511, 'Timeout', 'The server timed out building the metadata.', 'Fetch smaller pieces (per resource or class).', META],
  [20512, 'Too many outstanding requests', 'Too many metadata requests are running at once.', 'Run fewer requests in parallel.', META],
  [20513, 'Miscellaneous metadata error', 'The metadata request failed; often an unsupported Format or a wildcard the server rejects.', 'Read the ReplyText; try Format=STANDARD-XML or a narrower ID.', META],
  [20514, 'DTD version unavailable', 'The requested format or DTD version is not offered (some servers answer this to COMPACT).', 'Ask again in STANDARD-XML (or COMPACT), without a DTD version.', ['GetMetadata', 'Search']],
  // Logout
  [20701, 'Not logged in', 'The session is not (or no longer) logged in.', 'Log in again; the session may have timed out.', ANY],
  [20702, 'Miscellaneous logout error', 'The logout failed on the server.', 'Nothing to do on the client; the session will time out.', ['Logout']],
  // PostObject (1.8)
  [20800, 'Unknown resource', 'PostObject names an unknown resource.', 'Use a ResourceID from the metadata.', OTHER],
  [20801, 'Invalid object type', 'PostObject names an object type the resource does not have.', 'Use an ObjectType from METADATA-OBJECT.', OTHER],
  [20802, 'Invalid identifier', 'PostObject names an unknown record.', 'Check the record key.', OTHER],
  [20803, 'Invalid update action', 'The PostObject UpdateAction is not valid.', 'Use Add, Replace or Delete.', OTHER],
  [20804, 'Inconsistent request parameters', 'The PostObject parameters contradict each other.', 'Check the arguments.', OTHER],
  [20805, 'Delete target not found', 'The object to delete does not exist.', 'Check the object id.', OTHER],
  [20806, 'Unsupported MIME type', 'The uploaded object type is not accepted.', 'Upload a supported type (e.g. image/jpeg).', OTHER],
  [20807, 'Unauthorized', 'The account may not post objects here.', 'Ask the MLS for access.', OTHER],
  [20808, 'Some objects not deleted', 'Only part of the delete succeeded.', 'Check which objects remain and retry them.', OTHER],
  [20809, 'Business rules violation', 'The object breaks a server business rule.', 'Read the ReplyText and fix the object.', OTHER],
  [20810, 'File size too large', 'The object is larger than the server accepts.', 'Upload a smaller file (see OBJECT MaxFileSize).', OTHER],
  [20811, 'Timeout', 'The upload timed out.', 'Retry, perhaps with a smaller file.', OTHER],
  [20812, 'Too many outstanding requests', 'Too many uploads are running at once.', 'Run fewer in parallel.', OTHER],
  [20813, 'Miscellaneous PostObject error', 'The upload failed; the ReplyText says why.', 'Read the ReplyText.', OTHER],
];

const CATALOGUE = new Map<number, ReplyCodeInfo>(
  ROWS.map(([code, name, meaning, action, transactions]) => [code, { code, name, meaning, action, transactions }]),
);

/** Every known reply code, in numeric order. */
export const REPLY_CODES: readonly ReplyCodeInfo[] = [...CATALOGUE.values()];

const RANGES: Array<[number, number, string, RetsTransaction[]]> = [
  [20000, 20099, 'login', LOGIN],
  [20100, 20199, 'change-password', OTHER],
  [20200, 20299, 'search', SEARCH],
  [20300, 20399, 'update', OTHER],
  [20400, 20499, 'GetObject', OBJ],
  [20500, 20599, 'metadata', META],
  [20600, 20699, 'server-information', OTHER],
  [20700, 20799, 'logout', ['Logout']],
  [20800, 20899, 'PostObject', OTHER],
];

/** The catalogue entry for a code; unknown codes get a generic entry naming their range. */
export function replyCodeInfo(code: number): ReplyCodeInfo {
  const known = CATALOGUE.get(code);
  if (known) return known;
  const range = RANGES.find(([lo, hi]) => code >= lo && code <= hi);
  const area = range ? range[2] : 'unknown';
  const prefix = String(code).slice(0, 3);
  return {
    code,
    name: range ? `Unlisted ${area} error (${prefix}xx)` : 'Unknown reply code',
    meaning: range
      ? `The server answered with a ${area} reply code (${prefix}xx range) that the RETS standard does not list; its ReplyText says what it means.`
      : 'The server answered with a reply code outside the RETS ranges; its ReplyText says what it means.',
    action: 'Read the ReplyText; if unclear, ask the MLS support desk what this code means.',
    transactions: range ? range[3] : ANY,
  };
}

/** True for codes that mean "nothing matched" rather than failure. */
export function isEmptyResultCode(code: number): boolean {
  return code === 20201 || code === 20403 || code === 20503;
}
