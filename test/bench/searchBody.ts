// The benchmark's search body: a COMPACT-DECODED response of N rows x 120 columns of realistic
// listing data (~300-character remarks with &amp; and other entities), generated deterministically
// and streamed block by block (a block of 1000 distinct rows is built once; each block sent is a
// copy with its ListingIDs renumbered), so the server never holds the whole ~176 MB body.
import { lcg } from '../fuzz/rng';

export const COLUMN_COUNT = 120;
export const BLOCK_ROWS = 1000;

const named = [
  'ListingID', 'ListPrice', 'Status', 'PropertyType', 'PropertySubType', 'City', 'StateOrProvince', 'PostalCode',
  'StreetNumber', 'StreetName', 'StreetSuffix', 'UnitNumber', 'County', 'SubdivisionName', 'Bedrooms', 'BathsFull',
  'BathsHalf', 'LivingArea', 'LotSizeAcres', 'YearBuilt', 'ListDate', 'ModificationTimestamp', 'ListAgentFullName',
  'ListAgentEmail', 'ListOfficeName', 'ListOfficePhone', 'Latitude', 'Longitude', 'Heating', 'Cooling', 'Appliances',
  'InteriorFeatures', 'ExteriorFeatures', 'Roof', 'Sewer', 'WaterSource', 'Zoning', 'TaxAnnualAmount', 'TaxYear',
  'AssociationFee', 'PublicRemarks', 'PrivateRemarks', 'Directions', 'VirtualTourURL',
];
export const COLUMNS: string[] = [...named, ...Array.from({ length: COLUMN_COUNT - named.length }, (_, i) => `Field${String(i + named.length + 1).padStart(3, '0')}`)];


const words = ['spacious', 'sunny', 'updated', 'kitchen', 'granite', 'hardwood', 'floors', 'backyard', 'quiet', 'street',
  'close', 'to', 'schools', 'park', 'shopping', 'views', 'open', 'plan', 'vaulted', 'ceilings', 'master', 'suite', 'walk-in',
  'closet', 'two-car', 'garage', 'new', 'roof', 'HVAC', 'lake', 'access', 'patio', 'deck', 'fireplace', 'basement', 'finished'];
const cities = ['Chicago', 'Evanston', 'Oak Park', 'Naperville', 'Skokie', 'Wilmette', 'Aurora', 'Joliet'];
const features = ['Dishwasher', 'Disposal', 'Microwave', 'Range', 'Refrigerator', 'Washer', 'Dryer', 'Central Air', 'Ceiling Fan'];

function remarks(r: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    const w = words[Math.floor(r() * words.length)];
    const x = r();
    s += x < 0.04 ? ` ${w} &amp; ${words[Math.floor(r() * words.length)]}` : x < 0.06 ? ` &quot;${w}&quot;` : x < 0.07 ? ` caf&#233;` : ` ${w}`;
  }
  return s.trim();
}

function cell(col: number, row: number, r: () => number): string {
  const name = COLUMNS[col];
  switch (name) {
    case 'ListingID': return `L${String(row).padStart(9, '0')}`; // renumbered per block, fixed width
    case 'ListPrice': return String(100000 + Math.floor(r() * 900) * 1000);
    case 'Status': return ['Active', 'Pending', 'Closed', 'Expired'][Math.floor(r() * 4)];
    case 'City': return cities[Math.floor(r() * cities.length)];
    case 'PostalCode': return String(60000 + Math.floor(r() * 999));
    case 'ListDate': case 'ModificationTimestamp': return `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T12:3${Math.floor(r() * 9)}:00`;
    case 'ListAgentEmail': return `agent${Math.floor(r() * 5000)}@example-realty.com`;
    case 'Appliances': case 'InteriorFeatures': case 'ExteriorFeatures':
      return features.filter(() => r() < 0.4).join(',');
    case 'PublicRemarks': return remarks(r, 280 + Math.floor(r() * 40));
    case 'PrivateRemarks': return remarks(r, 290 + Math.floor(r() * 40));
    case 'Directions': return remarks(r, 130);
    case 'ListOfficeName': return `Smith &amp; ${cities[Math.floor(r() * cities.length)]} Realty`;
    default: {
      const x = r();
      if (x < 0.2) return '';
      if (x < 0.5) return String(Math.floor(r() * 100000));
      if (x < 0.7) return ['Y', 'N', 'Yes', 'No', 'None', 'Public', 'Septic', 'Well'][Math.floor(r() * 8)];
      if (x < 0.85) return (r() * 1000).toFixed(2);
      return `${words[Math.floor(r() * words.length)]} ${words[Math.floor(r() * words.length)]} ${words[Math.floor(r() * words.length)]}`;
    }
  }
}

export interface SearchBody {
  head: Buffer;
  tail: Buffer;
  /** A fresh copy of the template block with ListingIDs for rows block*1000 … block*1000+999. */
  block(block: number): Buffer;
  bytesFor(rows: number): number;
}

export function searchBody(): SearchBody {
  const r = lcg(2024);
  const idOffsets: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < BLOCK_ROWS; i++) {
    const cells = COLUMNS.map((_, c) => cell(c, 0, r));
    const line = `<DATA>\t${cells.join('\t')}\t</DATA>\n`;
    idOffsets.push(length + '<DATA>\tL'.length);
    parts.push(line);
    length += Buffer.byteLength(line);
  }
  const template = Buffer.from(parts.join(''), 'utf8');
  const head = Buffer.from(`<?xml version="1.0" ?>\n<RETS ReplyCode="0" ReplyText="Operation Successful">\n<COUNT Records="100000"/>\n<DELIMITER value="09"/>\n<COLUMNS>\t${COLUMNS.join('\t')}\t</COLUMNS>\n`);
  const tail = Buffer.from('<MAXROWS/>\n</RETS>\n');
  return {
    head, tail,
    block(block: number): Buffer {
      const b = Buffer.from(template);
      for (let i = 0; i < BLOCK_ROWS; i++) b.write(String(block * BLOCK_ROWS + i).padStart(9, '0'), idOffsets[i], 'latin1');
      return b;
    },
    bytesFor(rows: number): number { return head.length + tail.length + template.length * Math.ceil(rows / BLOCK_ROWS); },
  };
}
