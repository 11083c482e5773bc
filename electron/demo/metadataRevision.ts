// A later edition of the Demo MLS's metadata, for seeing a metadata change for real: a new
// MetadataVersion with a field added to every Property class, a longer PublicRemarks and a
// renamed STATUS value; the Web API's $metadata gains the same field. The data stay as they are
// (the new field has no values).
import type { MetadataField, RetsMetadata } from '../../shared/rets/metadata/model';
import type { WebModel } from './webapi/entities';

export const REVISED_METADATA_VERSION = '01.72.10043';
export const REVISED_METADATA_DATE = '2026-12-01T08:15:00Z';
/** The metadata editions the Demo MLS can serve. */
export const METADATA_REVISIONS = [1, 2] as const;
export type MetadataRevision = (typeof METADATA_REVISIONS)[number];

function addedField(like: MetadataField): MetadataField {
  const raw = { ...like.raw, SystemName: 'L_GreenVerification', StandardName: 'GreenBuildingVerificationType', LongName: 'Green Verification', DBName: 'LGREENVERI', ShortName: 'Green Verif', MaximumLength: '50', DataType: 'Character', Interpretation: '', LookupName: '', Searchable: '1', Precision: '' };
  return { ...like, systemName: raw.SystemName, standardName: raw.StandardName, longName: raw.LongName, dbName: raw.DBName, shortName: raw.ShortName, dataType: 'Character', interpretation: '', lookupName: '', maximumLength: 50, precision: undefined, searchable: true, raw };
}

/** The model as revision `n` serves it (1: as built). */
export function reviseMetadata(md: RetsMetadata, n: MetadataRevision): RetsMetadata {
  if (n === 1) return md;
  const system = md.system ? { ...md.system, version: REVISED_METADATA_VERSION, date: REVISED_METADATA_DATE } : md.system;
  const resources = md.resources.map((r) => {
    if (r.id !== 'Property') return r;
    const classes = r.classes.map((c) => {
      const like = c.fields.find((f) => f.dataType === 'Character' && !f.lookupName);
      const fields = c.fields.map((f) => (f.standardName === 'PublicRemarks' ? { ...f, maximumLength: (f.maximumLength ?? 0) * 2, raw: { ...f.raw, MaximumLength: String((f.maximumLength ?? 0) * 2) } } : f));
      return { ...c, fields: like ? [...fields, addedField(like)] : fields };
    });
    const lookups = r.lookups.map((l) => (l.name !== 'STATUS' ? l : {
      ...l, values: l.values.map((v) => (v.value === 'AC' ? { ...v, longValue: 'Active Contingent', raw: { ...v.raw, LongValue: 'Active Contingent' } } : v)),
    }));
    return { ...r, classes, lookups };
  });
  return { ...md, ...(system ? { system } : {}), resources };
}

/** The Web API's model as revision `n` publishes it: the new field on Property (always null). */
export function reviseWebModel(model: WebModel, n: MetadataRevision): WebModel {
  if (n === 1) return model;
  const tables = model.tables.map((t) => (t.entitySet !== 'Property' ? t : {
    ...t,
    props: [...t.props, { name: 'GreenBuildingVerificationType', edm: 'Edm.String', collection: false, nullable: true, maxLength: 50, displayName: 'Green Verification', get: () => null }],
  }));
  return { ...model, tables };
}
