import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enumField, referenceTo, type FieldDisplay, type NameLookup } from '../../kernel/records.js';
import { institutionKinds, municipalities } from './schema.js';

/** The 32 states of Mexico by their INEGI code (Marco Geoestadístico), as the public history names them. */
export const stateNames: Readonly<Record<string, string>> = {
  '01': 'Aguascalientes',
  '02': 'Baja California',
  '03': 'Baja California Sur',
  '04': 'Campeche',
  '05': 'Coahuila de Zaragoza',
  '06': 'Colima',
  '07': 'Chiapas',
  '08': 'Chihuahua',
  '09': 'Ciudad de México',
  '10': 'Durango',
  '11': 'Guanajuato',
  '12': 'Guerrero',
  '13': 'Hidalgo',
  '14': 'Jalisco',
  '15': 'México',
  '16': 'Michoacán de Ocampo',
  '17': 'Morelos',
  '18': 'Nayarit',
  '19': 'Nuevo León',
  '20': 'Oaxaca',
  '21': 'Puebla',
  '22': 'Querétaro',
  '23': 'Quintana Roo',
  '24': 'San Luis Potosí',
  '25': 'Sinaloa',
  '26': 'Sonora',
  '27': 'Tabasco',
  '28': 'Tamaulipas',
  '29': 'Tlaxcala',
  '30': 'Veracruz de Ignacio de la Llave',
  '31': 'Yucatán',
  '32': 'Zacatecas',
};

/** Names of the codes the directory keeps: municipalities (one query) and states. */
export const directoryNameLookups: Record<string, NameLookup> = {
  async municipality(db: Db, codes) {
    const valid = codes.filter((code) => /^\d{5}$/.test(code));
    if (valid.length === 0) return new Map();
    const rows = await db
      .select({ cvegeo: municipalities.cvegeo, name: municipalities.name })
      .from(municipalities)
      .where(inArray(municipalities.cvegeo, valid));
    return new Map(rows.map((row) => [row.cvegeo, row.name]));
  },
  async state(_db, codes) {
    return new Map(codes.flatMap((code) => (Object.hasOwn(stateNames, code) ? [[code, stateNames[code]!]] : [])));
  },
};

const institution = referenceTo('institution');
const municipality: FieldDisplay = { kind: 'lookup', lookup: 'municipality' };
const state: FieldDisplay = { kind: 'lookup', lookup: 'state' };

/** Fields any record may hold that refer to the directory: institutions by name, municipalities and states too. */
export const directoryFieldLabels: Record<string, FieldDisplay> = {
  institutionId: institution,
  leadInstitutionId: institution,
  responsibleInstitutionId: institution,
  convenerInstitutionId: institution,
  municipalityCvegeo: municipality,
  municipalities: municipality,
  municipality,
  stateCode: state,
  eligibleStateCode: state,
};

/** An institution's kind in words. */
export const institutionFields: Record<string, FieldDisplay> = {
  kind: enumField(institutionKinds, 'directory.kind.'),
};
