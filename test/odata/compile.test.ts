// Evaluator: OData semantics over plain rows (null handling, three-valued logic, case-sensitive
// text, enums and flags, lambdas, dates in their own time zone, arithmetic).
import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilter, type Row } from '../../shared/odata/filter';
import { schema } from './fixture';

const now = () => new Date('2026-03-15T09:00:00Z');

function matches(q: string, row: Row, withSchema = true): boolean {
  const r = parseFilter(q);
  expect(r.errors, q).toEqual([]);
  return compileFilter(r.ast!, { schema: withSchema ? schema : undefined, now })(row);
}

const listing: Row = {
  ListingKey: 'K1', ListPrice: 525000, StandardStatus: 'Active', City: 'Chicago', PostalCode: '60614', BedroomsTotal: 3, LivingArea: 2100.5,
  ModificationTimestamp: '2024-01-31T10:00:00.125-05:00', ListingContractDate: '2024-01-15', ShowingStartTime: '09:30:00', DaysOnMarketDuration: 'P12D',
  WaterfrontYN: false, Appliances: ['Dishwasher', 'Range'], PropertyType: 'Residential', InteriorFeatures: ['Bar', 'Pantry'], Utilities: 'Electric,Water',
  PublicRemarks: "It's a lovely home", ListingGuid: '01234567-89AB-CDEF-0123-456789ABCDEF', MlsStatus: null,
  ListAgent: { MemberKey: 'M1', MemberLastName: 'Smith' }, Media: [{ MediaKey: 'A', Order: 1, MediaURL: 'https://x/1.jpg' }, { MediaKey: 'B', Order: 2, MediaURL: 'http://x/2.jpg' }],
};

describe('evaluate: RESO examples', () => {
  it.each([
    ["StandardStatus eq 'Active' and ListPrice gt 500000", true],
    ["StandardStatus eq 'active'", false],
    ['ModificationTimestamp gt 2024-01-31T14:59:59Z', true],
    ['ModificationTimestamp gt 2024-01-31T15:00:00.125Z', false],
    ['ModificationTimestamp eq 2024-01-31T15:00:00.125Z', true],
    ["Appliances/any(a: a eq 'Dishwasher')", true],
    ["Appliances/any(a: a eq 'Microwave')", false],
    ["Appliances/all(a: a ne 'Microwave')", true],
    ["StandardStatus in ('Active','Pending')", true],
    ["StandardStatus in ('Closed','Pending')", false],
    ["PropertyType eq Odata.Models.PropertyType'Residential'", true],
    ["PropertyType eq 'Residential'", true],
    ["PropertyType ne Odata.Models.PropertyType'Land'", true],
    ["InteriorFeatures/any(f: f eq org.reso.metadata.enums.InteriorFeatures'Pantry')", true],
    ["Utilities has org.reso.metadata.enums.Utilities'Electric'", true],
    ["Utilities has org.reso.metadata.enums.Utilities'Water,Electric'", true],
    ["Utilities has org.reso.metadata.enums.Utilities'Gas'", false],
    ["Utilities eq org.reso.metadata.enums.Utilities'Water,Electric'", true],
    ["ListAgent/MemberLastName eq 'Smith'", true],
    ['Media/any(m: m/Order eq 2)', true],
    ["Media/all(m: startswith(m/MediaURL, 'https'))", false],
    ['Media/$count eq 2', true],
    ['Media/any()', true],
    ["(ModificationTimestamp gt 2024-02-01T00:00:00Z or (ModificationTimestamp eq 2024-01-31T15:00:00.125Z and ListingKey gt 'K0'))", true],
    ['ListingContractDate ge 2024-01-15 and ListingContractDate lt 2024-01-16', true],
    ['ShowingStartTime lt 10:00', true],
    ["DaysOnMarketDuration gt duration'P10D'", true],
    ['ListingGuid eq 01234567-89ab-cdef-0123-456789abcdef', true],
    ['WaterfrontYN eq false and not WaterfrontYN', true],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, listing)).toBe(want);
  });
});

describe('evaluate: nested lambdas', () => {
  const row: Row = { A: [1, 2], B: [[3], [4, 5]], C: [5] };
  it.each([
    ['A/any(x: B/any(x: x/any(y: y eq 5)))', true], // the inner x shadows the outer one
    ['A/any(x: C/any(y: y eq x add 3))', true],
    ['A/all(x: C/any(y: y gt x))', true],
    ['A/any(x: B/any(b: b/any(y: y eq x add 3)))', true],
    ['A/any(x: B/any(b: b/any(y: y eq x add 10)))', false],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, row, false)).toBe(want);
  });
});

describe('evaluate: null semantics and three-valued logic', () => {
  const row: Row = { A: null, B: 5, S: 'x' };
  it.each([
    ['A eq null', true], ['A ne null', false], ['B eq null', false], ['B ne null', true], ['null eq null', true],
    ['A gt 1', false], ['A lt 1', false], ['A le null', false], ['A ge null', false],
    ['not (A gt 1)', true], // gt with null is false, so its negation is true
    ["contains(A, 'x')", false], ["not contains(A, 'x')", false], // a function of null is null; not null is null
    ["contains(A, 'x') or B eq 5", true], ["contains(A, 'x') and B eq 5", false], ["not (contains(A, 'x') and B eq 5)", false],
    ["not (contains(A, 'x') and B eq 4)", true], // null and false is false
    ['A add 1 eq null', true], ['Missing eq null', true], ["length(S) eq 1", true],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, row, false)).toBe(want);
  });
});

describe('evaluate: text functions (case-sensitive, linear)', () => {
  const row: Row = { City: 'Chicago', Remarks: "It's lovely", Pad: '  x  ' };
  it.each([
    ["contains(City, 'cag')", true], ["contains(City, 'CAG')", false], ["startswith(City, 'Chi')", true], ["endswith(City, 'go')", true],
    ["indexof(City, 'c') eq 3", true], ['length(City) eq 7', true], ["substring(City, 3) eq 'cago'", true], ["substring(City, 1, 2) eq 'hi'", true],
    ["tolower(City) eq 'chicago'", true], ["toupper(City) eq 'CHICAGO'", true], ["trim(Pad) eq 'x'", true], ["concat(City, '!') eq 'Chicago!'", true],
    ["Remarks eq 'It''s lovely'", true], ["City gt 'Boston'", true], ["City lt 'chicago'", true],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, row, false)).toBe(want);
  });

  it('a 1 MB value is searched with indexOf, no regular expression from the filter', () => {
    const big = `${'a'.repeat(1 << 20)}needle`;
    expect(matches("contains(Text, 'needle') and not contains(Text, '.*')", { Text: big }, false)).toBe(true);
  });
});

describe('evaluate: dates and times in their own time zone', () => {
  const row: Row = { T: '2024-12-31T23:30:15.25-05:00', D: '2024-02-29', H: '13:45:30.5' };
  it.each([
    ['year(T) eq 2024 and month(T) eq 12 and day(T) eq 31', true],
    ['hour(T) eq 23 and minute(T) eq 30 and second(T) eq 15', true],
    ['fractionalseconds(T) eq 0.25', true],
    ['totaloffsetminutes(T) eq -300', true],
    ['date(T) eq 2024-12-31', true],
    ['time(T) eq 23:30:15.25', true],
    ['T lt 2025-01-01T04:30:16Z and T gt 2025-01-01T04:30:15Z', true],
    ['year(D) eq 2024 and month(D) eq 2 and day(D) eq 29', true],
    ['hour(H) eq 13 and minute(H) eq 45 and second(H) eq 30', true],
    ['T lt now()', true],
    ['T lt maxdatetime() and T gt mindatetime()', true],
    ["T add duration'PT1H' gt 2025-01-01T05:00:00Z", true],
    ["D add duration'P1D' eq 2024-03-01", true],
    ["now() sub T gt duration'P365D'", true],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, row, false)).toBe(want);
  });
});

describe('evaluate: arithmetic', () => {
  const row: Row = { I: 7, J: 2, F: 2.5, Z: 0 };
  it.each([
    ['I add J eq 9', true], ['I sub J eq 5', true], ['I mul J eq 14', true], ['I mod J eq 1', true], ['-I eq -7', true],
    ['I divby J eq 3.5', true], ['F mul 2 eq 5', true], ['round(F) eq 3', true], ['round(-2.5) eq -3', true], ['floor(F) eq 2', true], ['ceiling(F) eq 3', true],
    ['I div Z eq null', true], ['I mod Z eq null', true],
    ['(4 add 5) mod (4 sub 1) eq 0', true],
  ] as const)('%s -> %s', (q, want) => {
    expect(matches(q, row, false)).toBe(want);
  });

  it('div of two integers is integer division (typed by the schema)', () => {
    expect(matches('BedroomsTotal div 2 eq 1', { BedroomsTotal: 3 })).toBe(true);
    expect(matches('ListPrice div 2 eq 1.5', { ListPrice: 3 })).toBe(true);
  });

  it('enum values held as numbers (member values) compare by member', () => {
    expect(matches("PropertyType eq Odata.Models.PropertyType'Commercial'", { PropertyType: 2 })).toBe(true);
    expect(matches("Utilities eq org.reso.metadata.enums.Utilities'Electric,Gas'", { Utilities: 3 })).toBe(true);
    expect(matches("Utilities has org.reso.metadata.enums.Utilities'Gas'", { Utilities: 6 })).toBe(true);
    expect(matches("Utilities has org.reso.metadata.enums.Utilities'Electric'", { Utilities: 6 })).toBe(false);
  });

  it('cast and isof', () => {
    expect(matches("cast(BedroomsTotal, Edm.String) eq '3'", { BedroomsTotal: 3 })).toBe(true);
    expect(matches('isof(City, Edm.String)', { City: 'x' })).toBe(true);
    expect(matches('isof(City, Edm.String)', { City: 5 }, false)).toBe(false);
  });
});
