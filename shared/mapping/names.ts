// Name handling for mapping proposals: normalized names ("List Price" = "LIST_PRICE" =
// "ListPrice"), words of a name ("L_ListPrice" -> list, price), a few abbreviations MLSs use, and
// a similarity of two word sets. Every function is one pass over its input.
import { normalizeName } from '../metadata/diff';

export { normalizeName };

/** Abbreviations MLSs put in field names, spelled out the way the Data Dictionary names things. */
const ABBREVIATIONS: Record<string, string[]> = {
  sqft: ['square', 'feet'], sf: ['square', 'feet'], sq: ['square'], ft: ['feet'],
  br: ['bedrooms'], bd: ['bedrooms'], beds: ['bedrooms'], bed: ['bedrooms'], bedroom: ['bedrooms'],
  ba: ['bathrooms'], bath: ['bathrooms'], baths: ['bathrooms'], bathroom: ['bathrooms'],
  dom: ['days', 'on', 'market'], cdom: ['cumulative', 'days', 'on', 'market'],
  zip: ['postal', 'code'], zipcode: ['postal', 'code'], st: ['street'], addr: ['address'],
  num: ['number'], no: ['number'], nbr: ['number'], yr: ['year'], dt: ['date'],
  hoa: ['association'], assoc: ['association'], desc: ['description'], pct: ['percent'],
  lat: ['latitude'], lng: ['longitude'], lon: ['longitude'], long: ['longitude'],
  mls: ['mls'], id: ['id'], yn: ['yn'], tot: ['total'], ttl: ['total'], amt: ['amount'],
  apn: ['parcel', 'number'], pin: ['parcel', 'number'], subdiv: ['subdivision'], elem: ['elementary'],
  agt: ['agent'], ofc: ['office'], off: ['office'], co: ['co'], pic: ['photos'], pics: ['photos'],
  photo: ['photos'], picture: ['photos'], pictures: ['photos'], county: ['county'],
};

/** Words too common to tell fields apart: they never make a similarity on their own. */
const WEAK_WORDS = new Set(['l', 'list', 'listing', 'lm', 'lfd', 'lmd', 'the', 'of', 'and', 'or', 'y', 'n', 'yn', 'id', 'key', 'a']);

function isUpper(c: number): boolean { return c >= 65 && c <= 90; }
function isLower(c: number): boolean { return c >= 97 && c <= 122; }
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/** Words of a name: split at non-alphanumerics, lower-to-upper and letter-digit changes; lower case. */
export function splitWords(name: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => { if (word) out.push(word.toLowerCase()); word = ''; };
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isUpper(c) && !isLower(c) && !isDigit(c)) { flush(); continue; }
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 0;
    const boundary = word !== '' && (
      (isUpper(c) && isLower(prev))
      || (isUpper(c) && isUpper(prev) && isLower(next)) // "MLSArea" -> MLS, Area
      || (isDigit(c) !== isDigit(prev))
    );
    if (boundary) flush();
    word += name[i];
  }
  flush();
  return out;
}

/** The words that carry meaning, abbreviations spelled out, each once. */
export function meaningfulWords(name: string): string[] {
  const out = new Set<string>();
  for (const w of splitWords(name)) {
    for (const x of ABBREVIATIONS[w] ?? [w]) if (!WEAK_WORDS.has(x)) out.add(x);
  }
  return [...out];
}

/** Dice coefficient of two word sets: 1 the same words, 0 none shared. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  let shared = 0;
  for (const w of a) if (set.has(w)) shared++;
  return (2 * shared) / (a.length + b.length);
}

/**
 * Names the Data Dictionary gives under another name on many MLSs, ours to keep: used when no
 * Data Dictionary file brings its own synonyms. Keys are normalized MLS names.
 */
export const KNOWN_SYNONYMS: Record<string, string> = {
  soldprice: 'ClosePrice', saleprice: 'ClosePrice', solddate: 'CloseDate', closeddate: 'CloseDate',
  status: 'StandardStatus', listingstatus: 'StandardStatus', mlsnumber: 'ListingId', mlsnum: 'ListingId',
  beds: 'BedroomsTotal', bedrooms: 'BedroomsTotal', totalbedrooms: 'BedroomsTotal',
  fullbaths: 'BathroomsFull', halfbaths: 'BathroomsHalf', totalbaths: 'BathroomsTotalInteger',
  sqft: 'LivingArea', squarefeet: 'LivingArea', approxsquarefeet: 'LivingArea', livingsqft: 'LivingArea',
  zip: 'PostalCode', zipcode: 'PostalCode', state: 'StateOrProvince', county: 'CountyOrParish',
  area: 'MLSAreaMajor', remarks: 'PublicRemarks', agentremarks: 'PrivateRemarks', pin: 'ParcelNumber', apn: 'ParcelNumber',
  taxes: 'TaxAnnualAmount', hoafee: 'AssociationFee', hoa: 'AssociationYN', dom: 'DaysOnMarket', cdom: 'CumulativeDaysOnMarket',
  photocount: 'PhotosCount', picturecount: 'PhotosCount', lastmodified: 'ModificationTimestamp', listdate: 'ListingContractDate',
  subdivision: 'SubdivisionName', stories: 'StoriesTotal', fireplaces: 'FireplacesTotal', pool: 'PoolPrivateYN',
  virtualtour: 'VirtualTourURLUnbranded', lotacres: 'LotSizeAcres', yearbuilt: 'YearBuilt', fulladdress: 'UnparsedAddress',
  exterior: 'ConstructionMaterials', style: 'ArchitecturalStyle', water: 'WaterSource', financing: 'ListingTerms',
  agentid: 'MemberMlsId', officeid: 'OfficeMlsId', firstname: 'MemberFirstName', lastname: 'MemberLastName',
};
