// The built-in $filter functions (URL Conventions 5.1.1.5-5.1.1.11): signatures for the
// validator, completion snippets and hover text. Names are lower case, as 4.0 servers require.
import type { EdmKind } from './schema';

/** A parameter accepts any of these kinds; `number` stands for int, decimal and double. */
export type ParamKind = EdmKind | 'number' | 'any';

export interface FunctionSignature { params: ParamKind[][]; returns: EdmKind | 'same' }

export interface FunctionInfo {
  name: string;
  signature: FunctionSignature;
  /** Fewest and most arguments. */
  min: number;
  max: number;
  /** Human signature for hover and completion detail. */
  display: string;
  doc: string;
  /** Monaco snippet for completion. */
  snippet: string;
}

const S: ParamKind[] = ['string'];
const DT: ParamKind[] = ['date', 'datetimeoffset'];
const TT: ParamKind[] = ['datetimeoffset', 'timeofday'];
const N: ParamKind[] = ['number'];

function fn(name: string, params: ParamKind[][], returns: EdmKind | 'same', display: string, doc: string, snippet: string, min = params.length): FunctionInfo {
  return { name, signature: { params, returns }, min, max: params.length, display, doc, snippet };
}

export const FUNCTIONS: FunctionInfo[] = [
  fn('contains', [S, S], 'boolean', 'contains(text, part) -> Boolean', 'True when `part` occurs in `text` (case-sensitive).', "contains(${1:Field}, '${2:text}')"),
  fn('startswith', [S, S], 'boolean', 'startswith(text, prefix) -> Boolean', 'True when `text` starts with `prefix` (case-sensitive).', "startswith(${1:Field}, '${2:text}')"),
  fn('endswith', [S, S], 'boolean', 'endswith(text, suffix) -> Boolean', 'True when `text` ends with `suffix` (case-sensitive).', "endswith(${1:Field}, '${2:text}')"),
  fn('indexof', [S, S], 'int', 'indexof(text, part) -> Int32', 'Zero-based position of `part` in `text`, or -1.', "indexof(${1:Field}, '${2:text}')"),
  fn('length', [S], 'int', 'length(text) -> Int32', 'Number of characters.', 'length(${1:Field})'),
  fn('substring', [S, ['int'], ['int']], 'string', 'substring(text, start[, length]) -> String', 'Part of `text` from zero-based `start`.', 'substring(${1:Field}, ${2:0}, ${3:1})', 2),
  fn('tolower', [S], 'string', 'tolower(text) -> String', 'Lower-cased text: `tolower(City) eq \'chicago\'` ignores case.', 'tolower(${1:Field})'),
  fn('toupper', [S], 'string', 'toupper(text) -> String', 'Upper-cased text.', 'toupper(${1:Field})'),
  fn('trim', [S], 'string', 'trim(text) -> String', 'Text without leading and trailing whitespace.', 'trim(${1:Field})'),
  fn('concat', [S, S], 'string', 'concat(a, b) -> String', 'The two texts joined.', 'concat(${1:Field}, ${2:Field})'),
  fn('matchespattern', [S, S], 'boolean', 'matchespattern(text, regex) -> Boolean', 'OData 4.01: ECMAScript regular expression match.', "matchespattern(${1:Field}, '${2:^A.*}')"),
  fn('year', [DT], 'int', 'year(date) -> Int32', 'Year of a Date or DateTimeOffset (in its own time zone).', 'year(${1:Field})'),
  fn('month', [DT], 'int', 'month(date) -> Int32', 'Month 1-12.', 'month(${1:Field})'),
  fn('day', [DT], 'int', 'day(date) -> Int32', 'Day of the month 1-31.', 'day(${1:Field})'),
  fn('hour', [TT], 'int', 'hour(time) -> Int32', 'Hour 0-23 of a DateTimeOffset or TimeOfDay.', 'hour(${1:Field})'),
  fn('minute', [TT], 'int', 'minute(time) -> Int32', 'Minute 0-59.', 'minute(${1:Field})'),
  fn('second', [TT], 'int', 'second(time) -> Int32', 'Second 0-59.', 'second(${1:Field})'),
  fn('fractionalseconds', [TT], 'decimal', 'fractionalseconds(time) -> Decimal', 'Fraction of the second, 0 <= x < 1.', 'fractionalseconds(${1:Field})'),
  fn('totaloffsetminutes', [['datetimeoffset']], 'int', 'totaloffsetminutes(datetime) -> Int32', 'Signed time zone offset in minutes.', 'totaloffsetminutes(${1:Field})'),
  fn('totalseconds', [['duration']], 'decimal', 'totalseconds(duration) -> Decimal', 'Length of a duration in seconds.', 'totalseconds(${1:Field})'),
  fn('date', [['datetimeoffset']], 'date', 'date(datetime) -> Date', 'Date part of a DateTimeOffset (in its own time zone).', 'date(${1:Field})'),
  fn('time', [['datetimeoffset']], 'timeofday', 'time(datetime) -> TimeOfDay', 'Time part of a DateTimeOffset.', 'time(${1:Field})'),
  fn('now', [], 'datetimeoffset', 'now() -> DateTimeOffset', 'The current date and time (UTC on most servers).', 'now()'),
  fn('maxdatetime', [], 'datetimeoffset', 'maxdatetime() -> DateTimeOffset', 'The latest possible point in time.', 'maxdatetime()'),
  fn('mindatetime', [], 'datetimeoffset', 'mindatetime() -> DateTimeOffset', 'The earliest possible point in time.', 'mindatetime()'),
  fn('round', [N], 'same', 'round(number) -> number', 'Nearest whole number; halves round away from zero.', 'round(${1:Field})'),
  fn('floor', [N], 'same', 'floor(number) -> number', 'Largest whole number not above.', 'floor(${1:Field})'),
  fn('ceiling', [N], 'same', 'ceiling(number) -> number', 'Smallest whole number not below.', 'ceiling(${1:Field})'),
  fn('cast', [['any'], ['any']], 'unknown', 'cast([value,] Type) -> Type', 'The value converted to a type, e.g. cast(ListPrice, Edm.String).', 'cast(${1:Field}, ${2:Edm.String})', 1),
  fn('isof', [['any'], ['any']], 'boolean', 'isof([value,] Type) -> Boolean', 'True when the value is of the type.', 'isof(${1:Field}, ${2:Edm.String})', 1),
  fn('geo.distance', [['geo'], ['geo']], 'double', 'geo.distance(a, b) -> Double', 'Distance between two points.', "geo.distance(${1:Coordinates}, geography'SRID=4326;POINT(${2:-87.6} ${3:41.9})')"),
  fn('geo.length', [['geo']], 'double', 'geo.length(line) -> Double', 'Length of a line string.', 'geo.length(${1:Field})'),
  fn('geo.intersects', [['geo'], ['geo']], 'boolean', 'geo.intersects(point, polygon) -> Boolean', 'True when the point lies in the polygon.', 'geo.intersects(${1:Coordinates}, ${2:polygon})'),
];

export const FUNCTION_BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));
