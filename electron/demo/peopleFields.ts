// Agent, Office, OpenHouse and Media fields. Rows link back to listings, agents and offices by key.
import type { Dataset } from './dataset';
import * as m_dataset from './dataset';
import type { FieldSpec } from './fieldSpec';
import * as m_fieldSpec from './fieldSpec';
import type { LookupDef } from './lookups';
import * as m_lookups from './lookups';
import * as m_pools from './pools';
import * as m_rng from './rng';
// Imported bindings copied once: tsx turns each use of an import into a getter call, which cost
// about a quarter of a search's time when made for every cell.
const { KEY_BASE, ownerOf } = m_dataset;
const { field, fromList, intRange, isoDay, isoSec, lookupMulti, lookupPick, phone, yesNo } = m_fieldSpec;
const { AGENT_LOOKUPS, OFFICE_LOOKUPS, OPENHOUSE_LOOKUPS } = m_lookups;
const { CITIES, FIRST_NAMES, LAST_NAMES, OFFICE_BRANDS, OFFICE_WORDS, STREETS } = m_pools;
const { hash3 } = m_rng;

const find = (defs: readonly LookupDef[], name: string): LookupDef => {
  const d = defs.find((x) => x.name === name);
  if (!d) throw new Error(`demo MLS: no lookup ${name}`);
  return d;
};
const lk = (lookupName: string, multi = false) => ({ interpretation: multi ? 'LookupMulti' : 'Lookup', lookupName, maximumLength: multi ? 100 : 10 });

export const agentFirst = (ds: Dataset, a: number) => FIRST_NAMES[hash3(ds.seed, a, 501) % FIRST_NAMES.length];
export const agentLast = (ds: Dataset, a: number) => LAST_NAMES[hash3(ds.seed, a, 502) % LAST_NAMES.length];
export const agentName = (ds: Dataset, a: number) => `${agentFirst(ds, a)} ${agentLast(ds, a)}`;
export const officeName = (ds: Dataset, o: number) =>
  `${OFFICE_BRANDS[hash3(ds.seed, o, 601) % OFFICE_BRANDS.length]} ${OFFICE_WORDS[hash3(ds.seed, o, 602) % OFFICE_WORDS.length]}${o >= OFFICE_BRANDS.length ? ` ${CITIES[o % CITIES.length][0]}` : ''}`;

export function agentFields(ds: Dataset): FieldSpec[] {
  const s = ds.seed;
  return [
    field('U_AgentKey', 'MemberKey', 'Agent Key', 'Int', (a) => String(KEY_BASE.agent + a), { required: true, interpretation: '' }),
    field('U_AgentID', 'MemberMlsId', 'Agent MLS ID', 'Character', (a) => `A${String(31000 + a * 7)}`, { maximumLength: 10 }),
    field('U_FirstName', 'MemberFirstName', 'First Name', 'Character', (a) => agentFirst(ds, a), { maximumLength: 30 }),
    field('U_LastName', 'MemberLastName', 'Last Name', 'Character', (a) => agentLast(ds, a), { maximumLength: 30 }),
    field('U_UserFullName', 'MemberFullName', 'Full Name', 'Character', (a) => agentName(ds, a), { maximumLength: 60 }),
    field('U_Status', 'MemberStatus', 'Status', 'Character', (a) => (hash3(s, a, 503) % 10 ? 'A' : 'I'), lk('AGENTSTATUS')),
    field('U_Type', 'MemberType', 'Member Type', 'Character', lookupPick(s, 504, find(AGENT_LOOKUPS, 'MEMBERTYPE')), lk('MEMBERTYPE')),
    field('U_OfficeKey', 'OfficeKey', 'Office Key', 'Int', (a) => String(KEY_BASE.office + ds.agentOffice[a]), { interpretation: '' }),
    field('U_OfficeName', 'OfficeName', 'Office Name', 'Character', (a) => officeName(ds, ds.agentOffice[a]), { maximumLength: 60 }),
    field('U_Email', 'MemberEmail', 'Email', 'Character', (a) => `${agentFirst(ds, a)}.${agentLast(ds, a)}${a}@example.com`.toLowerCase().replace(/'/g, ''), { maximumLength: 80 }),
    field('U_PhoneMobile', 'MemberMobilePhone', 'Mobile Phone', 'Character', phone(s, 505), { maximumLength: 14, editMaskId: 'PHONE' }),
    field('U_PhoneOffice', 'MemberOfficePhone', 'Office Phone', 'Character', phone(s, 506), { maximumLength: 14, editMaskId: 'PHONE' }),
    field('U_License', 'MemberStateLicense', 'License #', 'Character', (a) => `475.${String(100000 + hash3(s, a, 507) % 900000)}`, { maximumLength: 12 }),
    field('U_Designations', 'MemberDesignation', 'Designations', 'Character', lookupMulti(s, 508, find(AGENT_LOOKUPS, 'DESIGNATION'), 3), lk('DESIGNATION', true)),
    field('U_Languages', 'MemberLanguages', 'Languages', 'Character', lookupMulti(s, 509, find(AGENT_LOOKUPS, 'LANGUAGE'), 2), lk('LANGUAGE', true)),
    field('U_Website', '', 'Web Site', 'Character', (a) => (hash3(s, a, 510) % 3 ? '' : `https://agents.example.com/${KEY_BASE.agent + a}`), { maximumLength: 120, interpretation: 'URI' }),
    field('U_StartDate', '', 'Member Since', 'Date', (a) => isoDay(hash3(s, a, 511) % 1000)),
    field('U_UpdateDate', 'ModificationTimestamp', 'Last Modified', 'DateTime', (a) => isoSec(hash3(s, a, 512) % (1060 * 86400))),
    field('U_City', 'MemberCity', 'City', 'Character', (a) => CITIES[hash3(s, a, 513) % CITIES.length][0], { maximumLength: 30 }),
    field('U_State', 'MemberStateOrProvince', 'State', 'Character', () => 'IL', { maximumLength: 2 }),
    field('U_Fax', 'MemberFax', 'Fax', 'Character', (a) => (hash3(s, a, 514) % 4 ? '' : phone(s, 515)(a)), { maximumLength: 14 }),
    field('U_NRDS', 'MemberNationalAssociationId', 'NRDS ID', 'Character', (a) => String(110000000 + hash3(s, a, 516) % 9000000), { maximumLength: 10 }),
    field('U_IDXOptIn', '', 'IDX Participant', 'Boolean', yesNo(s, 517, 0.85)),
  ];
}

export function officeFields(ds: Dataset): FieldSpec[] {
  const s = ds.seed;
  return [
    field('O_OfficeKey', 'OfficeKey', 'Office Key', 'Int', (o) => String(KEY_BASE.office + o), { required: true, interpretation: '' }),
    field('O_OfficeID', 'OfficeMlsId', 'Office MLS ID', 'Character', (o) => `O${String(4100 + o * 3)}`, { maximumLength: 10 }),
    field('O_OrganizationName', 'OfficeName', 'Office Name', 'Character', (o) => officeName(ds, o), { maximumLength: 60 }),
    field('O_Type', 'OfficeType', 'Office Type', 'Character', lookupPick(s, 601, find(OFFICE_LOOKUPS, 'OFFICETYPE')), lk('OFFICETYPE')),
    field('O_Status', 'OfficeStatus', 'Status', 'Character', (o) => (hash3(s, o, 603) % 12 ? 'A' : 'I'), lk('OFFICESTATUS')),
    field('O_Address1', 'OfficeAddress1', 'Address', 'Character', (o) => `${100 + hash3(s, o, 604) % 9000} ${STREETS[hash3(s, o, 605) % STREETS.length]} St`, { maximumLength: 60 }),
    field('O_City', 'OfficeCity', 'City', 'Character', (o) => CITIES[o % CITIES.length][0], { maximumLength: 30 }),
    field('O_State', 'OfficeStateOrProvince', 'State', 'Character', () => 'IL', { maximumLength: 2 }),
    field('O_Zip', 'OfficePostalCode', 'Zip', 'Character', (o) => `${CITIES[o % CITIES.length][2]}${String(10 + o % 80)}`, { maximumLength: 10 }),
    field('O_Phone', 'OfficePhone', 'Phone', 'Character', phone(s, 606), { maximumLength: 14, editMaskId: 'PHONE' }),
    field('O_Email', 'OfficeEmail', 'Email', 'Character', (o) => `office${KEY_BASE.office + o}@example.com`, { maximumLength: 80 }),
    field('O_BrokerKey', 'OfficeBrokerKey', 'Managing Broker', 'Int', (o) => String(KEY_BASE.agent + (o % ds.agents)), { interpretation: '' }),
    field('O_MainOfficeKey', 'MainOfficeKey', 'Main Office', 'Int', (o) => String(KEY_BASE.office + (o - (o % 4))), { interpretation: '' }),
    field('O_License', 'OfficeCorporateLicense', 'Firm License', 'Character', (o) => `478.${String(10000 + hash3(s, o, 607) % 90000)}`, { maximumLength: 12 }),
    field('O_UpdateDate', 'ModificationTimestamp', 'Last Modified', 'DateTime', (o) => isoSec(hash3(s, o, 608) % (1060 * 86400))),
    field('O_Website', '', 'Web Site', 'Character', (o) => `https://office${o}.example.com`, { maximumLength: 120, interpretation: 'URI' }),
    field('O_AgentCount', '', 'Agents', 'Small', (o) => String(4 + hash3(s, o, 609) % 30)),
    field('O_IDXOptIn', '', 'IDX Participant', 'Boolean', yesNo(s, 610, 0.9)),
  ];
}

export function openHouseFields(ds: Dataset): FieldSpec[] {
  const s = ds.seed;
  const listing = (j: number) => ownerOf(ds.ohStart, j);
  const day = (j: number) => Math.min(1100, ds.listDay[listing(j)] + 3 + (j - ds.ohStart[listing(j)]) * 7);
  return [
    field('OH_Key', 'OpenHouseKey', 'Open House Key', 'Int', (j) => String(KEY_BASE.openHouse + j), { required: true, interpretation: '' }),
    field('OH_ListingKey', 'ListingKey', 'Listing Key', 'Int', (j) => String(KEY_BASE.listing + listing(j)), { interpretation: '' }),
    field('OH_ListingId', 'ListingId', 'MLS Number', 'Character', (j) => { const i = listing(j); return `MLS${24000000 + i * 3 + (hash3(s, i, 60) % 3)}`; }, { maximumLength: 12 }),
    field('OH_Date', 'OpenHouseDate', 'Date', 'Date', (j) => isoDay(day(j))),
    field('OH_StartTime', 'OpenHouseStartTime', 'Start', 'DateTime', (j) => isoSec(day(j) * 86400 + (11 + (hash3(s, j, 701) % 4)) * 3600)),
    field('OH_EndTime', 'OpenHouseEndTime', 'End', 'DateTime', (j) => isoSec(day(j) * 86400 + (13 + (hash3(s, j, 701) % 4)) * 3600)),
    field('OH_Type', 'OpenHouseType', 'Type', 'Character', lookupPick(s, 702, find(OPENHOUSE_LOOKUPS, 'OHTYPE')), lk('OHTYPE')),
    field('OH_Status', 'OpenHouseStatus', 'Status', 'Character', (j) => (hash3(s, j, 703) % 9 ? 'A' : 'C'), lk('OHSTATUS')),
    field('OH_Refreshments', 'Refreshments', 'Refreshments', 'Character', fromList(s, 704, ['', 'Cookies', 'Coffee & donuts', 'Lemonade', '']), { maximumLength: 30 }),
    field('OH_Remarks', 'OpenHouseRemarks', 'Remarks', 'Character', fromList(s, 705, ['Come see it!', 'Park on the street.', 'Shoes off please.', 'Masks optional.', '']), { maximumLength: 250 }),
    field('OH_AgentKey', 'ShowingAgentKey', 'Hosting Agent', 'Int', (j) => String(KEY_BASE.agent + ds.agent[listing(j)]), { interpretation: '' }),
    field('OH_UpdateDate', 'ModificationTimestamp', 'Last Modified', 'DateTime', (j) => isoSec(Math.max(0, day(j) - 5) * 86400 + hash3(s, j, 706) % 86400)),
    field('OH_Virtual', '', 'Virtual URL', 'Character', (j) => (hash3(s, j, 707) % 6 ? '' : `https://live.example.com/oh/${KEY_BASE.openHouse + j}`), { maximumLength: 120, interpretation: 'URI' }),
  ];
}

export function mediaFields(ds: Dataset, baseUrl: () => string): FieldSpec[] {
  const s = ds.seed;
  const listing = (m: number) => ownerOf(ds.mediaStart, m);
  const order = (m: number) => m - ds.mediaStart[listing(m)] + 1;
  return [
    field('M_MediaKey', 'MediaKey', 'Media Key', 'Int', (m) => String(KEY_BASE.media + m), { required: true, interpretation: '' }),
    field('M_ResourceRecordKey', 'ResourceRecordKey', 'Listing Key', 'Int', (m) => String(KEY_BASE.listing + listing(m)), { interpretation: '' }),
    field('M_ResourceName', 'ResourceName', 'Resource', 'Character', () => 'Property', { maximumLength: 20 }),
    field('M_Order', 'Order', 'Display Order', 'Small', (m) => String(order(m))),
    field('M_Category', 'MediaCategory', 'Category', 'Character', () => 'PHOTO', lk('MEDIACAT')),
    field('M_MimeType', 'MimeType', 'MIME Type', 'Character', () => 'image/png', { maximumLength: 30 }),
    field('M_URL', 'MediaURL', 'URL', 'Character', (m) => `${baseUrl()}/rets/media/${KEY_BASE.listing + listing(m)}/${order(m)}.png`, { maximumLength: 200, interpretation: 'URI', searchable: false }),
    field('M_Caption', 'ShortDescription', 'Caption', 'Character', fromList(s, 801, ['Front', 'Kitchen', 'Living Room', 'Primary Bedroom', 'Bath', 'Back Yard', 'Dining Room', 'Street View', 'Aerial']), { maximumLength: 60 }),
    field('M_Width', 'ImageWidth', 'Width', 'Small', () => '320'),
    field('M_Height', 'ImageHeight', 'Height', 'Small', () => '240'),
    field('M_Preferred', 'PreferredPhotoYN', 'Preferred', 'Boolean', (m) => (order(m) === 1 ? '1' : '0')),
    field('M_UpdateDate', 'MediaModificationTimestamp', 'Last Modified', 'DateTime', (m) => isoSec(ds.listDay[listing(m)] * 86400 + hash3(s, m, 802) % 172800)),
    field('M_Private', '', 'Private', 'Boolean', () => '0'),
    field('M_Size', '', 'File Size', 'Int', intRange(s, 803, 20000, 90000)),
  ];
}
