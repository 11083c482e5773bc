// Regexes allowed to run over long server text (or a long query), each reviewed as linear: it is
// anchored or sticky (one attempt), or it starts only at a literal and its quantifiers are
// bounded or cannot match the same characters twice, so one exec backtracks a bounded amount.
// Anything else over long text fails the fuzz run (meter.ts): scan with indexOf instead.
import { odataCsdlReviewedRegexes } from '../odata-csdl/fuzzTargets';
import { odataFilterReviewedRegexes } from '../odata/fuzzTargets';

export const REVIEWED_REGEXES = new Set<string>([
  // The OData parsers' own, reviewed beside their targets.
  ...odataCsdlReviewedRegexes,
  ...odataFilterReviewedRegexes,
  // WWW-Authenticate challenges: each attempt starts at "," or the start; tokens between commas are disjoint.
  "/(?:^|,)\\s*([A-Za-z][\\w!#$%&'*+.^`|~-]*)(?!\\s*=)(?=\\s|,|$)/g",
  // The realm of one challenge: a literal start; an unterminated quote fails once, then the bare form matches.
  '/\\brealm\\s*=\\s*(?:"([^"]*)"|([^\\s,]+))/i',
  // XML entities and windows-1252 repair: a literal "&" start and bounded quantifiers; one character class.
  '/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z]{2,6});/g',
  '/&amp;(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10});/g',
  '/[\\x80-\\x9f]/g',
  '/[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/g',
  // Metadata format and envelope checks: a literal start, then one bounded step.
  '/<(COLUMNS|DATA)[\\s>]/i',
  '/<METADATA/i',
  '/<html[\\s>]/',
  '/<rets[\\s/>]/',
  // HTTP status lines: anchored, the reason phrase sliced off (rawHttp.ts).
  '/^HTTP\\/\\d(?:\\.\\d)?\\s+(\\d{3})(?=\\s|$)/',
  '/^(\\d{3})(?=\\s|$)/',
  // A multipart's first line for an error message: "^" at line starts, the rest bounded by the line.
  '/^--[^\\r\\n]*/m',
  // Words looked for in an error page's first 2,000 characters.
  '/user[- ]?agent|\\bUA\\b/i',
  // DMQL2 lexer: sticky, fixed-width dates and times.
  '/\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?/y',
  '/\\d{4}-\\d{2}-\\d{2}(?![0-9A-Za-z_])/y',
  '/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?(?:Z|[+-]\\d{2}:\\d{2}(?!:))?/y',
  '/\\.(EMPTY|ANY)\\./iy',
  // Line splitting (String.prototype.split runs these sticky at each position).
  '/\\r?\\n/y',
  '/\\r\\n|\\r|\\n/y',
  // Blank runs collapsed: matches are disjoint runs.
  '/\\s+/g',
  // Anchored at the start: one attempt.
  '/^\\s*([/?!]?[^\\s/>]*)/',
  '/^\\uFEFF/',
]);
