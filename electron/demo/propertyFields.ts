// Property fields in the style of a real vendor: descriptive L_* names for the core, cryptic
// LIST_nn numbers for the rest (as Rapattoni/Paragon feeds look), LFD_* for feature lookups, and
// RESO StandardNames where one exists.
import type { Dataset, PropertyClass } from './dataset';
import * as m_dataset from './dataset';
import type { FieldSpec } from './fieldSpec';
import * as m_fieldSpec from './fieldSpec';
import type { LookupDef } from './lookups';
import * as m_lookups from './lookups';
import * as m_peopleFields from './peopleFields';
import * as m_pools from './pools';
import * as m_rng from './rng';
// Imported bindings copied once: tsx turns each use of an import into a getter call, which cost
// about a quarter of a search's time when made for every cell.
const { KEY_BASE, PROPERTY_CLASSES } = m_dataset;
const { dayCell, decRange, field, fromList, fromTable, intRange, isoDay, lookupMulti, lookupPick, secCell, uintCell, yesNo } = m_fieldSpec;
const { PROPERTY_LOOKUPS } = m_lookups;
const { agentName, officeName } = m_peopleFields;
const { CITIES, LAST_NAMES, REMARK_CLOSERS, REMARK_FEATURES, REMARK_OPENERS, REMARK_SUBJECTS, STREETS, STREET_SUFFIXES } = m_pools;
const { hash3 } = m_rng;

const L = (name: string): LookupDef => {
  const d = PROPERTY_LOOKUPS.find((x) => x.name === name);
  if (!d) throw new Error(`demo MLS: no lookup ${name}`);
  return d;
};
const STATUS_CODES = L('STATUS').values.map((v) => v[0]);
const SUBTYPE_CODES = L('PROPTYPE').values.map((v) => v[0]);
const AREA_CODES = L('AREA').values.map((v) => v[0]);
const CITY_CODES = L('CITY').values.map((v) => v[0]);
const COUNTY_CODES = L('COUNTY').values.map((v) => v[0]);
/** County code of each city, by city index (the county lookup's code or blank). */
const CITY_COUNTY_CODES = CITIES.map((c) => COUNTY_CODES.find((code) => code === c[1].toUpperCase()) ?? '');
const CITY_NAMES = CITIES.map((c) => c[0]);
/** 0..999 zero-padded to three digits (parcel numbers), built once instead of padStart per cell. */
const PAD3 = Array.from({ length: 1000 }, (_, k) => String(k).padStart(3, '0'));

const lk = (lookupName: string, multi = false) => ({ interpretation: multi ? 'LookupMulti' : 'Lookup', lookupName, maximumLength: multi ? 250 : 10, maxSelect: multi ? '10' : '' });
const money = { interpretation: 'Currency', useSeparator: true, editMaskId: 'MONEY', searchHelpId: 'PRICE' };

/** City of a listing: areas are spread over cities in order (AREA 100+k lies in city k mod 20). */
const cityOf = (ds: Dataset, i: number) => ds.area[i] % CITIES.length;
const isSold = (ds: Dataset, i: number) => ds.status[i] === 3;

function streetNumber(ds: Dataset, i: number): string { return String(100 + (hash3(ds.seed, i, 30) % 9800)); }
function streetName(ds: Dataset, i: number): string { return STREETS[hash3(ds.seed, i, 31) % STREETS.length]; }
function streetSuffix(ds: Dataset, i: number): string { return STREET_SUFFIXES[hash3(ds.seed, i, 32) % STREET_SUFFIXES.length]; }
function unitNumber(ds: Dataset, i: number): string { return ds.cls[i] === 1 ? String(100 * (1 + (hash3(ds.seed, i, 33) % 20)) + (hash3(ds.seed, i, 34) % 12) + 1) : ''; }

function remarks(ds: Dataset, i: number): string {
  const h = hash3(ds.seed, i, 40);
  const subject = ds.cls[i] === 2 ? 'building lot' : ds.cls[i] === 3 ? 'commercial building' : REMARK_SUBJECTS[(h >>> 4) % REMARK_SUBJECTS.length];
  const f1 = REMARK_FEATURES[(h >>> 8) % REMARK_FEATURES.length];
  const f2 = REMARK_FEATURES[(h >>> 14) % REMARK_FEATURES.length];
  const beds = ds.beds[i] ? `${ds.beds[i]}-bedroom ` : '';
  return `${REMARK_OPENERS[h % REMARK_OPENERS.length]} ${beds}${subject} in ${CITIES[cityOf(ds, i)][0]} featuring ${f1} and ${f2}. ${REMARK_CLOSERS[(h >>> 20) % REMARK_CLOSERS.length]}`;
}

/** Lot size in acres, two decimals. */
const lotAcresOf = (lot: number) => (lot ? (lot / 43560).toFixed(2) : '');

/** Annual taxes: 1.20% to 2.19% of the price, none for rentals. */
const taxes = (ds: Dataset, i: number) => (ds.cls[i] === 4 ? '' : (ds.price[i] * (0.012 + (hash3(ds.seed, i, 77) % 100) / 10000)).toFixed(2));

const DIRECTIONS = ['North', 'South', 'East', 'West'];
const SUBDIVISIONS = ['Estates', 'Farms', 'Park', 'Commons', 'Highlands', 'Woods'];

/** A pool word followed by a fixed suffix ("Oak Elementary"). */
const suffixed = (pool: readonly string[], word: (i: number) => number, suffix: string) => (i: number) => `${pool[word(i)]}${suffix}`;

const ROOMS: readonly [string, string][] = [['LIV', 'Living Room'], ['DIN', 'Dining Room'], ['KIT', 'Kitchen'], ['FAM', 'Family Room'],
  ['PRI', 'Primary Bedroom'], ['BR2', 'Bedroom 2'], ['BR3', 'Bedroom 3'], ['BR4', 'Bedroom 4'], ['OFF', 'Office'], ['LAU', 'Laundry Room'],
  ['REC', 'Recreation Room'], ['MUD', 'Mud Room']];

/** Whether listing i has room k: every built listing has the first five, half have each other. */
const hasRoom = (ds: Dataset, i: number, k: number) => ds.sqft[i] > 0 && hash3(ds.seed, i, 200 + k) % 10 < (k < 5 ? 10 : 5);

function roomFields(ds: Dataset): FieldSpec[] {
  const out: FieldSpec[] = [];
  const s = ds.seed;
  const lvl = L('ROOMLEVEL').values.map((v) => v[0]);
  const flr = L('FLOORING').values.map((v) => v[0]);
  ROOMS.forEach(([code, name], k) => {
    const dim = (i: number) => (hasRoom(ds, i, k) ? `${10 + (hash3(s, i, 220 + k) % 14)}X${9 + (hash3(s, i, 240 + k) % 12)}` : '');
    const level = (i: number) => (hasRoom(ds, i, k) ? lvl[hash3(s, i, 260 + k) % 3] : '');
    // The floor as lookupPick(s, 280 + k, FLOORING) picks it, blank without the room.
    const floor = (i: number) => (hasRoom(ds, i, k) ? flr[hash3(s, i, 280 + k) % flr.length] : '');
    out.push(field(`ROOM_${code}_DIM`, '', `${name} Dimensions`, 'Character', dim, { maximumLength: 10, shortName: `${code} Dim` }));
    out.push(field(`ROOM_${code}_LVL`, '', `${name} Level`, 'Character', level, { ...lk('ROOMLEVEL'), shortName: `${code} Lvl` }));
    out.push(field(`ROOM_${code}_FLR`, '', `${name} Flooring`, 'Character', floor, { ...lk('FLOORING'), shortName: `${code} Flr` }));
  });
  return out;
}

export function commonPropertyFields(ds: Dataset): FieldSpec[] {
  const s = ds.seed;
  const price = uintCell((i) => ds.price[i]);
  const origPrice = uintCell((i) => ds.price[i] + (hash3(s, i, 50) % 4 === 0 ? (ds.cls[i] === 4 ? 100 : 10000) * (1 + (hash3(s, i, 51) % 5)) : 0));
  const closeDay = (i: number) => Math.min(ds.listDay[i] + 10 + (hash3(s, i, 52) % 120), 1060);
  return [
    field('L_ListingKey', 'ListingKey', 'Listing Key', 'Int', uintCell((i) => KEY_BASE.listing + i), { required: true, interpretation: '', maximumLength: 10 }),
    field('L_DisplayId', 'ListingId', 'MLS Number', 'Character', (i) => `MLS${24000000 + i * 3 + (hash3(s, i, 60) % 3)}`, { maximumLength: 12, required: true }),
    field('L_Class', 'PropertyType', 'Property Class', 'Character', fromTable(PROPERTY_CLASSES, (i) => ds.cls[i]), { maximumLength: 3 }),
    field('L_Type_', 'PropertySubType', 'Property Sub Type', 'Character', fromTable(SUBTYPE_CODES, (i) => ds.subtype[i]), lk('PROPTYPE')),
    field('L_Status', 'StandardStatus', 'Status', 'Character', fromTable(STATUS_CODES, (i) => ds.status[i]), { ...lk('STATUS'), required: true }),
    field('L_ListPrice', 'ListPrice', 'List Price', 'Int', price, { ...money, required: true }),
    field('L_OriginalListPrice', 'OriginalListPrice', 'Original List Price', 'Int', origPrice, money),
    field('L_SoldPrice', 'ClosePrice', 'Sold Price', 'Int', uintCell((i) => (isSold(ds, i) ? Math.round(ds.price[i] * (0.93 + (hash3(s, i, 53) % 90) / 1000) / 100) * 100 : -1)), money),
    field('L_ListDate', 'ListingContractDate', 'List Date', 'Date', dayCell((i) => ds.listDay[i])),
    field('L_StatusDate', 'StatusChangeTimestamp', 'Status Change Date', 'DateTime', secCell((i) => Math.max(ds.listDay[i] * 86400, ds.modSec[i] - (hash3(s, i, 54) % 864000)))),
    field('L_UpdateDate', 'ModificationTimestamp', 'Last Modified', 'DateTime', secCell((i) => ds.modSec[i]), { required: true }),
    field('L_PictureCount', 'PhotosCount', 'Photo Count', 'Small', uintCell((i) => ds.photos[i])),
    field('L_Last_Photo_updt', 'PhotosChangeTimestamp', 'Photos Updated', 'DateTime', secCell((i) => (ds.photos[i] ? ds.listDay[i] * 86400 + 3600 * (hash3(s, i, 55) % 48) : -1))),
    field('L_Area', 'MLSAreaMajor', 'Area', 'Character', fromTable(AREA_CODES, (i) => ds.area[i]), { ...lk('AREA'), searchHelpId: 'AREA' }),
    field('L_City', 'City', 'City', 'Character', fromTable(CITY_CODES, (i) => cityOf(ds, i)), lk('CITY')),
    field('LIST_41', 'CountyOrParish', 'County', 'Character', fromTable(CITY_COUNTY_CODES, (i) => cityOf(ds, i)), lk('COUNTY')),
    field('L_AddressNumber', 'StreetNumber', 'Street Number', 'Character', uintCell((i) => 100 + (hash3(ds.seed, i, 30) % 9800)), { maximumLength: 10 }),
    field('L_AddressStreet', 'StreetName', 'Street Name', 'Character', fromTable(STREETS, (i) => hash3(ds.seed, i, 31) % STREETS.length), { maximumLength: 40 }),
    field('L_AddressSuffix', 'StreetSuffix', 'Street Suffix', 'Character', fromTable(STREET_SUFFIXES, (i) => hash3(ds.seed, i, 32) % STREET_SUFFIXES.length), { maximumLength: 6 }),
    field('L_AddressUnit', 'UnitNumber', 'Unit #', 'Character', uintCell((i) => (ds.cls[i] === 1 ? 100 * (1 + (hash3(ds.seed, i, 33) % 20)) + (hash3(ds.seed, i, 34) % 12) + 1 : -1)), { maximumLength: 8 }),
    field('L_Address', 'UnparsedAddress', 'Full Address', 'Character', (i) => {
      const u = unitNumber(ds, i);
      return `${streetNumber(ds, i)} ${streetName(ds, i)} ${streetSuffix(ds, i)}${u ? ` Unit ${u}` : ''}`;
    }, { maximumLength: 80 }),
    field('L_Zip', 'PostalCode', 'Zip Code', 'Character', (i) => `${CITIES[cityOf(ds, i)][2]}${String(10 + (ds.area[i] % 80)).padStart(2, '0')}`, { maximumLength: 10, editMaskId: 'ZIP' }),
    field('L_State', 'StateOrProvince', 'State', 'Character', () => 'IL', { maximumLength: 2 }),
    field('LMD_MP_Latitude', 'Latitude', 'Latitude', 'Decimal', (i) => (41.6 + (ds.area[i] % 20) * 0.04 + (hash3(s, i, 61) % 1000) / 40000).toFixed(6), { precision: '6', interpretation: '' }),
    field('LMD_MP_Longitude', 'Longitude', 'Longitude', 'Decimal', (i) => (-88.3 + Math.floor(ds.area[i] / 20) * 0.05 + (hash3(s, i, 62) % 1000) / 40000).toFixed(6), { precision: '6', interpretation: '' }),
    field('L_ListAgent1', 'ListAgentKey', 'List Agent ID', 'Int', uintCell((i) => KEY_BASE.agent + ds.agent[i]), { interpretation: '' }),
    field('LA1_UserFullName', 'ListAgentFullName', 'List Agent Name', 'Character', (i) => agentName(ds, ds.agent[i]), { maximumLength: 60 }),
    field('L_ListOffice1', 'ListOfficeKey', 'List Office ID', 'Int', uintCell((i) => KEY_BASE.office + ds.agentOffice[ds.agent[i]]), { interpretation: '' }),
    field('LO1_OrganizationName', 'ListOfficeName', 'List Office Name', 'Character', (i) => officeName(ds, ds.agentOffice[ds.agent[i]]), { maximumLength: 60 }),
    field('L_ListAgent2', 'CoListAgentKey', 'Co-List Agent ID', 'Int', uintCell((i) => (ds.coAgent[i] >= 0 ? KEY_BASE.agent + ds.coAgent[i] : -1)), { interpretation: '' }),
    field('L_SellingAgent1', 'BuyerAgentKey', 'Selling Agent ID', 'Int', uintCell((i) => (isSold(ds, i) ? KEY_BASE.agent + (hash3(s, i, 63) % ds.agents) : -1)), { interpretation: '' }),
    field('LIST_66', 'BedroomsTotal', 'Bedrooms', 'Tiny', uintCell((i) => (ds.sqft[i] ? ds.beds[i] : -1)), { searchHelpId: 'BEDS' }),
    field('LIST_67', 'BathroomsFull', 'Full Baths', 'Tiny', uintCell((i) => (ds.sqft[i] ? ds.baths[i] : -1))),
    field('LIST_68', 'BathroomsHalf', 'Half Baths', 'Tiny', uintCell((i) => (ds.sqft[i] ? ds.halfBaths[i] : -1))),
    field('LIST_69', 'BathroomsTotalDecimal', 'Total Baths', 'Decimal', (i) => (ds.sqft[i] ? (ds.baths[i] + ds.halfBaths[i] * 0.5).toFixed(1) : ''), { precision: '1' }),
    field('LIST_48', 'LivingArea', 'Approx Square Feet', 'Int', uintCell((i) => (ds.sqft[i] ? ds.sqft[i] : -1)), { units: 'SqFt', useSeparator: true }),
    field('LIST_56', 'LotSizeSquareFeet', 'Lot Size SqFt', 'Int', uintCell((i) => (ds.lotSqft[i] ? ds.lotSqft[i] : -1)), { units: 'SqFt', useSeparator: true }),
    field('LIST_57', 'LotSizeAcres', 'Lot Acres', 'Decimal', (i) => lotAcresOf(ds.lotSqft[i]), { units: 'Acres' }),
    field('LIST_53', 'YearBuilt', 'Year Built', 'Small', uintCell((i) => (ds.year[i] ? ds.year[i] : -1)), { editMaskId: 'YEAR' }),
    field('LIST_22', 'DaysOnMarket', 'Days On Market', 'Small', uintCell((i) => Math.max(0, (isSold(ds, i) ? closeDay(i) : 1060) - ds.listDay[i]))),
    field('LIST_119', 'CumulativeDaysOnMarket', 'Cumulative DOM', 'Small', uintCell((i) => Math.max(0, 1060 - ds.listDay[i]) + (hash3(s, i, 64) % 30))),
    field('LIST_115', 'CloseDate', 'Closed Date', 'Date', dayCell((i) => (isSold(ds, i) ? closeDay(i) : -1))),
    field('LIST_116', 'ExpirationDate', 'Expiration Date', 'Date', dayCell((i) => ds.listDay[i] + 180)),
    field('LIST_117', 'OnMarketDate', 'On Market Date', 'Date', dayCell((i) => ds.listDay[i] + (hash3(s, i, 65) % 4))),
    field('LIST_78', 'PublicRemarks', 'Public Remarks', 'Character', (i) => remarks(ds, i), { maximumLength: 4000, searchable: false }),
    field('LIST_79', 'PrivateRemarks', 'Agent Remarks', 'Character', (i) => (hash3(s, i, 66) % 3 ? '' : `Call ${agentName(ds, ds.agent[i])} with questions. ${REMARK_CLOSERS[hash3(s, i, 67) % REMARK_CLOSERS.length]}`), { maximumLength: 2000, searchable: false }),
    field('LIST_81', 'Directions', 'Directions', 'Character', (i) => `${DIRECTIONS[hash3(s, i, 68) % 4]} on ${STREETS[hash3(s, i, 69) % STREETS.length]} to ${streetName(ds, i)}`, { maximumLength: 250 }),
    field('LIST_130', 'SubdivisionName', 'Subdivision', 'Character', (i) => `${LAST_NAMES[hash3(s, i, 70) % LAST_NAMES.length]} ${SUBDIVISIONS[hash3(s, i, 71) % 6]}`, { maximumLength: 50 }),
    field('LIST_132', '', 'Township', 'Character', fromList(s, 72, ['Avon', 'Bristol', 'Cuba', 'Dundee', 'Elgin', 'Fremont', 'Grant', 'Hanover']), { maximumLength: 30 }),
    field('LIST_103', 'ParcelNumber', 'PIN', 'Character', (i) => `${PAD3[hash3(s, i, 73) % 100].slice(1)}-${PAD3[hash3(s, i, 74) % 100].slice(1)}-${PAD3[hash3(s, i, 75) % 1000]}-${PAD3[hash3(s, i, 76) % 1000]}`, { maximumLength: 20, editMaskId: 'PIN' }),
    field('LIST_101', 'TaxAnnualAmount', 'Taxes', 'Decimal', (i) => taxes(ds, i), money),
    field('LIST_102', 'TaxYear', 'Tax Year', 'Small', uintCell((i) => 2023 + (hash3(s, i, 78) % 3))),
    field('LIST_104', 'ElementarySchool', 'Elementary School', 'Character', suffixed(STREETS, (i) => hash3(s, i, 79) % STREETS.length, ' Elementary'), { maximumLength: 50 }),
    field('LIST_105', 'MiddleOrJuniorSchool', 'Middle School', 'Character', suffixed(LAST_NAMES, (i) => hash3(s, i, 80) % LAST_NAMES.length, ' Middle'), { maximumLength: 50 }),
    field('LIST_106', 'HighSchool', 'High School', 'Character', suffixed(CITY_NAMES, (i) => cityOf(ds, i), ' High'), { maximumLength: 50 }),
    field('LIST_107', 'HighSchoolDistrict', 'High School District', 'Character', lookupPick(s, 81, L('SCHOOLDIST')), lk('SCHOOLDIST')),
    field('LFD_INTERIOR', 'InteriorFeatures', 'Interior Features', 'Character', lookupMulti(s, 82, L('FEATURES'), 8), lk('FEATURES', true)),
    field('LFD_HEATING', 'Heating', 'Heating', 'Character', lookupMulti(s, 83, L('HEATING'), 2), lk('HEATING', true)),
    field('LFD_COOLING', 'Cooling', 'Cooling', 'Character', lookupMulti(s, 84, L('COOLING'), 2), lk('COOLING', true)),
    field('LFD_APPLIANCES', 'Appliances', 'Appliances', 'Character', lookupMulti(s, 85, L('APPLIANCES'), 7), lk('APPLIANCES', true)),
    field('LFD_FLOORING', 'Flooring', 'Flooring', 'Character', lookupMulti(s, 86, L('FLOORING'), 3), lk('FLOORING', true)),
    field('LFD_CONSTRUCTION', 'ConstructionMaterials', 'Exterior', 'Character', lookupMulti(s, 87, L('CONSTRUCTION'), 2), lk('CONSTRUCTION', true)),
    field('LFD_VIEW', 'View', 'View', 'Character', lookupMulti(s, 88, L('VIEW'), 2), lk('VIEW', true)),
    field('LFD_FINANCING', 'ListingTerms', 'Possible Financing', 'Character', lookupMulti(s, 89, L('FINANCING'), 4), lk('FINANCING', true)),
    field('LFD_SHOWING', '', 'Showing Instructions', 'Character', lookupMulti(s, 90, L('SHOWING'), 3), lk('SHOWING', true)),
    field('LFD_ROOF', 'Roof', 'Roof', 'Character', lookupPick(s, 91, L('ROOF'), 0.1), lk('ROOF')),
    field('LFD_STYLE', 'ArchitecturalStyle', 'Style', 'Character', lookupPick(s, 92, L('STYLE'), 0.05), lk('STYLE')),
    field('LFD_BASEMENT', 'Basement', 'Basement', 'Character', lookupPick(s, 93, L('BASEMENT')), lk('BASEMENT')),
    field('LFD_GARAGE', 'GarageType', 'Garage Type', 'Character', lookupPick(s, 94, L('GARAGE')), lk('GARAGE')),
    field('LFD_WATER', 'WaterSource', 'Water', 'Character', lookupPick(s, 95, L('WATERSRC')), lk('WATERSRC')),
    field('LFD_SEWER', 'Sewer', 'Sewer', 'Character', lookupPick(s, 96, L('SEWER')), lk('SEWER')),
    field('LIST_85', 'GarageSpaces', 'Garage Spaces', 'Decimal', (i) => (ds.sqft[i] ? String(hash3(s, i, 97) % 4) + '.0' : ''), { precision: '1' }),
    field('LIST_86', 'ParkingTotal', 'Parking Spaces', 'Small', intRange(s, 98, 0, 6)),
    field('LIST_90', 'StoriesTotal', 'Stories', 'Tiny', uintCell((i) => (ds.sqft[i] ? 1 + (hash3(s, i, 99) % 3) : -1))),
    field('LIST_93', 'FireplacesTotal', 'Fireplaces', 'Tiny', intRange(s, 100, 0, 3)),
    field('LIST_94', 'FireplaceYN', 'Fireplace Y/N', 'Boolean', yesNo(s, 101, 0.45)),
    field('LIST_95', 'PoolPrivateYN', 'Pool', 'Boolean', yesNo(s, 102, 0.08)),
    field('LIST_96', 'WaterfrontYN', 'Waterfront', 'Boolean', yesNo(s, 103, 0.06)),
    field('LIST_97', 'NewConstructionYN', 'New Construction', 'Boolean', uintCell((i) => (ds.year[i] >= 2024 ? 1 : 0))),
    field('LIST_98', 'AssociationYN', 'HOA', 'Boolean', uintCell((i) => (ds.cls[i] === 1 || hash3(s, i, 104) % 4 === 0 ? 1 : 0))),
    field('LIST_99', 'AssociationFee', 'HOA Fee', 'Int', uintCell((i) => (ds.cls[i] === 1 || hash3(s, i, 104) % 4 === 0 ? 50 + (hash3(s, i, 105) % 60) * 10 : -1)), money),
    field('LIST_100', 'AssociationFeeFrequency', 'HOA Frequency', 'Character', fromTable(['M'], (i) => (ds.cls[i] === 1 || hash3(s, i, 104) % 4 === 0 ? 0 : -1)), lk('HOAFREQ')),
    field('LIST_110', 'Zoning', 'Zoning', 'Character', lookupPick(s, 106, L('ZONING')), lk('ZONING')),
    field('LIST_111', 'VirtualTourURLUnbranded', 'Virtual Tour', 'Character', (i) => (hash3(s, i, 107) % 5 ? '' : `https://tours.example.com/${KEY_BASE.listing + i}`), { maximumLength: 200, interpretation: 'URI', searchable: false }),
    field('LIST_112', 'BuyerAgencyCompensation', 'Co-op Compensation', 'Character', fromList(s, 108, ['2.5%', '2%', '2.25%', '$5,000', '3%', '1.5%']), { maximumLength: 20 }),
    field('LIST_114', 'SpecialListingConditions', 'Sale Type', 'Character', fromList(s, 109, ['Standard', 'Standard', 'Standard', 'Short Sale', 'REO', 'Auction', 'Estate']), { maximumLength: 20 }),
    field('L_IdxInclude', 'InternetEntireListingDisplayYN', 'IDX Include', 'Boolean', yesNo(s, 110, 0.92)),
    field('L_AVMInclude', 'InternetAutomatedValuationDisplayYN', 'AVM Include', 'Boolean', yesNo(s, 111, 0.8)),
    field('LIST_140', 'LotFeatures', 'Lot Description', 'Character', lookupMulti(s, 112, L('TOPO'), 2), lk('TOPO', true)),
    ...roomFields(ds),
  ];
}

/** Fields only some classes carry (as vendors split RES/CND/LND/COM/RNT tables). */
export function classPropertyFields(ds: Dataset, cls: PropertyClass): FieldSpec[] {
  const s = ds.seed;
  switch (cls) {
    case 'RES': return [
      field('LIST_150', 'FencingYN', 'Fenced Yard', 'Boolean', yesNo(s, 150, 0.5)),
      field('LIST_151', 'BelowGradeFinishedArea', 'Basement Finished SqFt', 'Int', (i) => String((hash3(s, i, 151) % 12) * 100), { units: 'SqFt' }),
      field('LIST_152', 'AttachedGarageYN', 'Attached Garage', 'Boolean', yesNo(s, 152, 0.6)),
    ];
    case 'CND': return [
      field('LIST_160', 'EntryLevel', 'Unit Floor', 'Small', intRange(s, 160, 1, 30)),
      field('LIST_161', 'NumberOfUnitsInCommunity', 'Units in Complex', 'Small', intRange(s, 161, 8, 400)),
      field('LIST_162', 'PetsAllowed', 'Pets Allowed', 'Character', lookupMulti(s, 162, L('PETS'), 2), lk('PETS', true)),
      field('LIST_163', '', 'Elevator', 'Boolean', yesNo(s, 163, 0.6)),
    ];
    case 'LND': return [
      field('LIST_170', 'RoadFrontageType', 'Road Frontage', 'Character', fromList(s, 170, ['County Road', 'City Street', 'Private Road', 'State Highway']), { maximumLength: 20 }),
      field('LIST_171', 'FrontageLength', 'Frontage Ft', 'Int', intRange(s, 171, 50, 1200), { units: 'Feet' }),
      field('LIST_172', 'CropsIncludedYN', 'Crops Included', 'Boolean', yesNo(s, 172, 0.2)),
      field('LIST_173', 'PossibleUse', 'Possible Use', 'Character', fromList(s, 173, ['Residential', 'Agricultural', 'Commercial', 'Recreational']), { maximumLength: 20 }),
    ];
    case 'COM': return [
      field('LIST_180', 'BusinessType', 'Business Type', 'Character', fromList(s, 180, ['Retail', 'Office', 'Restaurant', 'Warehouse', 'Medical', 'Mixed']), { maximumLength: 20 }),
      field('LIST_181', 'GrossIncome', 'Gross Income', 'Int', (i) => String(Math.round(ds.price[i] * 0.11 / 100) * 100), money),
      field('LIST_182', 'NetOperatingIncome', 'NOI', 'Int', (i) => String(Math.round(ds.price[i] * 0.065 / 100) * 100), money),
      field('LIST_183', '', 'Cap Rate', 'Decimal', decRange(s, 183, 4, 10)),
      field('LIST_184', 'NumberOfUnitsTotal', 'Units', 'Small', intRange(s, 184, 1, 40)),
      field('LIST_185', 'LeasableArea', 'Leasable SqFt', 'Int', (i) => String(Math.floor(ds.sqft[i] * 0.85)), { units: 'SqFt' }),
    ];
    case 'RNT': return [
      field('LIST_190', 'LeaseTerm', 'Lease Term', 'Character', lookupPick(s, 190, L('LEASETERM')), lk('LEASETERM')),
      field('LIST_191', 'PetsAllowed', 'Pets', 'Character', lookupMulti(s, 191, L('PETS'), 2), lk('PETS', true)),
      field('LIST_192', 'Furnished', 'Furnished', 'Character', fromList(s, 192, ['Furnished', 'Unfurnished', 'Partially']), { maximumLength: 12 }),
      field('LIST_193', 'AvailabilityDate', 'Date Available', 'Date', (i) => isoDay(Math.min(ds.listDay[i] + (hash3(s, i, 193) % 60), 1100))),
      field('LIST_194', '', 'Security Deposit', 'Int', (i) => String(ds.price[i]), money),
    ];
  }
}
