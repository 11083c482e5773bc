// Lookup tables of the demo MLS: codes as a vendor would send them, with short and long values.
import { CITIES } from './pools';

export interface LookupDef {
  name: string;
  visibleName: string;
  /** [Value (the code in DMQL and COMPACT), ShortValue, LongValue] */
  values: readonly (readonly [string, string, string])[];
}

const simple = (name: string, visibleName: string, longs: string[], codes?: string[]): LookupDef => ({
  name,
  visibleName,
  values: longs.map((l, i) => [codes ? codes[i] : String(i + 1), l.slice(0, 10), l] as const),
});

const AREA_NAMES = ['Northside', 'Southside', 'Eastgate', 'Westend', 'Downtown', 'Old Town', 'Lakefront', 'Riverbend',
  'Hillside', 'Meadows', 'Country Club', 'University', 'Airport', 'Industrial Park', 'Harbor', 'Woodlands'];

function areas(): LookupDef {
  const values: [string, string, string][] = [];
  for (let i = 0; i < 120; i++) {
    const code = String(100 + i);
    const city = CITIES[i % CITIES.length][0];
    const part = AREA_NAMES[Math.floor(i / CITIES.length) % AREA_NAMES.length];
    values.push([code, `${code} ${part}`.slice(0, 14), `${code} - ${city} ${part}`]);
  }
  return { name: 'AREA', visibleName: 'Area', values };
}

export const PROPERTY_LOOKUPS: readonly LookupDef[] = [
  { name: 'STATUS', visibleName: 'Listing Status', values: [
    ['A', 'Active', 'Active'], ['AC', 'Act Cont', 'Active Under Contract'], ['P', 'Pending', 'Pending'],
    ['S', 'Sold', 'Closed'], ['X', 'Expired', 'Expired'], ['W', 'Withdrawn', 'Withdrawn'], ['T', 'Temp Off', 'Temporarily Off Market'],
    ['C', 'Canceled', 'Canceled'] ] },
  { name: 'PROPTYPE', visibleName: 'Property Sub Type', values: [
    ['SFD', 'Detached', 'Single Family Detached'], ['TWN', 'Townhouse', 'Townhouse'], ['DUP', 'Duplex', 'Duplex'],
    ['CND', 'Condo', 'Condominium'], ['COOP', 'Co-op', 'Cooperative'], ['LOT', 'Lot', 'Residential Lot'], ['FARM', 'Farm', 'Farm/Ranch'],
    ['ACRE', 'Acreage', 'Acreage'], ['RET', 'Retail', 'Retail'], ['OFF', 'Office', 'Office'], ['IND', 'Industrial', 'Industrial'],
    ['MXU', 'Mixed Use', 'Mixed Use'], ['APT', 'Apartment', 'Apartment'], ['HOUSE', 'House', 'House for Rent'] ] },
  areas(),
  simple('CITY', 'City', CITIES.map((c) => c[0]), CITIES.map((c) => c[0].toUpperCase().replace(/ /g, '').slice(0, 8))),
  simple('COUNTY', 'County', ['Cook', 'DuPage', 'Kane', 'Kendall', 'Lake', 'McHenry', 'Will'], ['COOK', 'DUPAGE', 'KANE', 'KENDALL', 'LAKE', 'MCHENRY', 'WILL']),
  simple('FEATURES', 'Interior Features', ['Bar', 'Built-in Features', 'Cathedral Ceiling(s)', 'Ceiling Fan(s)', 'Crown Molding',
    'Eat-in Kitchen', 'Granite Counters', 'High Ceilings', 'Kitchen Island', 'Open Floorplan', 'Pantry', 'Quartz Counters',
    'Skylight(s)', 'Smart Home', 'Solid Surface Counters', 'Walk-In Closet(s)', 'Wet Bar', 'Wired for Sound', 'Wine Cellar',
    'Sauna', 'Elevator', 'In-Law Floorplan', 'Recessed Lighting', 'Home Office', 'Workshop', 'Fireplace', 'Hardwood Floors',
    'Heated Floors', 'Jetted Tub', 'Security System', 'Laundry Chute', 'Beamed Ceilings', 'Coffered Ceiling(s)', 'Storage',
    'Sump Pump', 'Water Softener', 'Generator', 'EV Charger', 'Solar Panels', 'Radon Mitigation']),
  simple('STYLE', 'Architectural Style', ['Ranch', 'Colonial', 'Cape Cod', 'Contemporary', 'Craftsman', 'Victorian', 'Tudor',
    'Split Level', 'Bungalow', 'Farmhouse', 'Prairie', 'Traditional', 'Mid-Century Modern', 'Georgian']),
  simple('HEATING', 'Heating', ['Forced Air', 'Radiant', 'Baseboard', 'Heat Pump', 'Geothermal', 'Steam', 'Space Heater', 'Natural Gas', 'Electric', 'Propane']),
  simple('COOLING', 'Cooling', ['Central Air', 'Window Unit(s)', 'Ductless', 'Attic Fan', 'None', 'Zoned']),
  simple('ROOF', 'Roof', ['Asphalt Shingle', 'Metal', 'Slate', 'Tile', 'Rubber', 'Cedar Shake', 'Tar/Gravel']),
  simple('BASEMENT', 'Basement', ['Full', 'Partial', 'Crawl', 'Slab', 'Walkout', 'English', 'None'], ['F', 'P', 'C', 'S', 'W', 'E', 'N']),
  simple('GARAGE', 'Garage Type', ['Attached', 'Detached', 'Carport', 'Tandem', 'Heated', 'None'], ['ATT', 'DET', 'CP', 'TAN', 'HTD', 'NO']),
  simple('CONSTRUCTION', 'Construction Materials', ['Brick', 'Vinyl Siding', 'Wood Siding', 'Stone', 'Stucco', 'Fiber Cement', 'Aluminum Siding', 'Block', 'Log']),
  simple('FLOORING', 'Flooring', ['Hardwood', 'Carpet', 'Tile', 'Laminate', 'Vinyl', 'Bamboo', 'Concrete', 'Marble']),
  simple('APPLIANCES', 'Appliances', ['Range', 'Microwave', 'Dishwasher', 'Refrigerator', 'Washer', 'Dryer', 'Disposal', 'Freezer',
    'Double Oven', 'Wine Refrigerator', 'Range Hood', 'Trash Compactor', 'Cooktop', 'Water Purifier']),
  simple('VIEW', 'View', ['City', 'Lake', 'Park', 'Golf Course', 'Woods', 'River', 'Skyline', 'Pasture', 'None']),
  simple('FINANCING', 'Possible Financing', ['Cash', 'Conventional', 'FHA', 'VA', 'USDA', 'Contract', 'Assumable', 'Lease Option']),
  simple('SHOWING', 'Showing Instructions', ['Appointment Only', 'Lockbox', 'Call Listing Agent', 'Vacant', '24 Hour Notice', 'Pets on Premises', 'Alarm', 'Use ShowingTime']),
  simple('HOAFREQ', 'HOA Fee Frequency', ['Monthly', 'Quarterly', 'Semi-Annually', 'Annually'], ['M', 'Q', 'S', 'A']),
  simple('SCHOOLDIST', 'School District', Array.from({ length: 24 }, (_, i) => `District ${200 + i * 3}`), Array.from({ length: 24 }, (_, i) => String(200 + i * 3))),
  simple('ZONING', 'Zoning', ['R-1 Residential', 'R-2 Residential', 'R-3 Multi-Family', 'C-1 Commercial', 'C-2 General Commercial', 'M-1 Light Industrial', 'AG Agricultural', 'PUD'],
    ['R1', 'R2', 'R3', 'C1', 'C2', 'M1', 'AG', 'PUD']),
  simple('LEASETERM', 'Lease Term', ['Month to Month', '6 Months', '12 Months', '18 Months', '24 Months', 'Short Term'], ['MTM', '6M', '12M', '18M', '24M', 'ST']),
  simple('PETS', 'Pets Allowed', ['Cats OK', 'Dogs OK', 'Small Dogs Only', 'No Pets', 'Negotiable'], ['CAT', 'DOG', 'SDOG', 'NO', 'NEG']),
  simple('ROOMLEVEL', 'Room Level', ['Main', 'Upper', 'Lower', 'Basement', 'Attic'], ['M', 'U', 'L', 'B', 'A']),
  simple('WATERSRC', 'Water Source', ['Public', 'Well', 'Shared Well', 'Cistern'], ['PUB', 'WELL', 'SHWL', 'CIS']),
  simple('SEWER', 'Sewer', ['Public Sewer', 'Septic', 'Holding Tank'], ['PUB', 'SEP', 'HT']),
  simple('TOPO', 'Lot Topography', ['Level', 'Rolling', 'Sloped', 'Wooded', 'Cleared', 'Waterfront'], ['LVL', 'ROL', 'SLP', 'WDD', 'CLR', 'WTR']),
  simple('YN', 'Yes/No', ['Yes', 'No'], ['Y', 'N']),
];

export const AGENT_LOOKUPS: readonly LookupDef[] = [
  simple('AGENTSTATUS', 'Member Status', ['Active', 'Inactive', 'Suspended'], ['A', 'I', 'S']),
  simple('DESIGNATION', 'Designations', ['ABR', 'CRS', 'GRI', 'SRES', 'e-PRO', 'CRB', 'SRS', 'PSA', 'GREEN', 'CIPS']),
  simple('LANGUAGE', 'Languages', ['English', 'Spanish', 'Mandarin', 'Polish', 'Hindi', 'Arabic', 'Tagalog', 'Korean', 'Russian', 'French']),
  simple('MEMBERTYPE', 'Member Type', ['Agent', 'Broker', 'Managing Broker', 'Assistant', 'Appraiser'], ['AG', 'BR', 'MB', 'AS', 'AP']),
];
export const OFFICE_LOOKUPS: readonly LookupDef[] = [
  simple('OFFICETYPE', 'Office Type', ['Main', 'Branch', 'Franchise', 'Independent'], ['MAIN', 'BR', 'FR', 'IND']),
  simple('OFFICESTATUS', 'Office Status', ['Active', 'Inactive'], ['A', 'I']),
];
export const OPENHOUSE_LOOKUPS: readonly LookupDef[] = [
  simple('OHTYPE', 'Open House Type', ['Public', 'Broker', 'Virtual', 'Office Tour'], ['PUB', 'BRK', 'VIR', 'OFT']),
  simple('OHSTATUS', 'Open House Status', ['Active', 'Canceled', 'Ended'], ['A', 'C', 'E']),
];
export const MEDIA_LOOKUPS: readonly LookupDef[] = [
  simple('MEDIACAT', 'Media Category', ['Photo', 'Floor Plan', 'Virtual Tour', 'Document'], ['PHOTO', 'FLOOR', 'VTOUR', 'DOC']),
];
