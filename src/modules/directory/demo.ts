// The demo's content is written in our own words around the public facts of Durango's exercises (DOMAIN.md and
// the 2020 call in shared/reference), once, in Spanish, as the convening body would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/client.js';
import type { DemoContext, DemoContribution } from '../../kernel/manifest.js';
import { seedDataDir } from '../../paths.js';
import { createInstitution } from './create-institution.js';
import { importMunicipalities } from './import-municipalities.js';

/** The guarantor body of the demonstration exercise (a made-up institution, said so in its name). */
export const DEMO_GUARANTOR_NAME = 'Órgano Garante Local (institución de demostración)';
/** Durango's real guarantor body, which convened the second and third exercises. */
export const IDAIP_ACRONYM = 'IDAIP';

/** Durango's 39 municipalities (INEGI) and the institutions of its exercises. */
async function seed(tx: Db, { actor }: DemoContext) {
  await importMunicipalities(tx, readFileSync(join(seedDataDir, 'municipios-durango.csv'), 'utf8'));
  await createInstitution(
    tx,
    {
      name: 'Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales',
      acronym: IDAIP_ACRONYM,
      kind: 'guarantor',
      isGovernment: true,
      municipalityCvegeo: '10005',
      contactEmail: 'gobiernoabierto@idaip.org.mx',
    },
    actor,
  );
  await createInstitution(
    tx,
    {
      name: DEMO_GUARANTOR_NAME,
      kind: 'guarantor',
      isGovernment: true,
      municipalityCvegeo: '10005',
      contactEmail: 'gobiernoabierto@example.org',
    },
    actor,
  );
  for (const [name, cvegeo] of [
    ['Ayuntamiento de Durango', '10005'],
    ['Ayuntamiento de Gómez Palacio', '10007'],
    ['Ayuntamiento de Tepehuanes', '10035'],
  ] as const) {
    await createInstitution(
      tx,
      { name, kind: 'municipal_government', isGovernment: true, municipalityCvegeo: cvegeo },
      actor,
    );
  }
  await createInstitution(
    tx,
    { name: 'Poder Ejecutivo del Estado de Durango', kind: 'state_executive', isGovernment: true },
    actor,
  );
  await createInstitution(
    tx,
    { name: 'Congreso del Estado de Durango', kind: 'state_legislative', isGovernment: true },
    actor,
  );
  await createInstitution(
    tx,
    { name: 'Poder Judicial del Estado de Durango', kind: 'state_judicial', isGovernment: true },
    actor,
  );
}

export const directoryDemo: DemoContribution = { seed };
