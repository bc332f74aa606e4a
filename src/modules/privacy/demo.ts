// The demo's content is written in our own words around the public facts of Durango's exercises (DOMAIN.md and
// the 2020 call in shared/reference), once, in Spanish, as the convening body would.
import type { Db } from '../../db/client.js';
import type { DemoContext, DemoContribution } from '../../kernel/manifest.js';
import { DEMO_GUARANTOR_NAME } from '../directory/demo.js';
import { publishPrivacyNotice } from './publish-privacy-notice.js';

const simplified =
  'El órgano garante local, responsable del tratamiento, usará tu nombre, correo electrónico, municipio de residencia, sector y, si lo das, tu teléfono para registrar tu interés en participar en el ejercicio de gobierno abierto, avisarte de sus siguientes pasos y elaborar estadísticas que nunca te identifican.\n\nNo transferimos tus datos personales, salvo las excepciones que prevé la ley. Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición (ARCO) en este portal o ante la Unidad de Transparencia. Consulta el aviso de privacidad integral en esta misma página.';

const integral =
  'Este aviso explica cómo se tratan los datos personales que recaba este portal, conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.\n\nDatos que recabamos: nombre completo, correo electrónico, teléfono (opcional), municipio de residencia, sector al que perteneces, organización (opcional), temas de interés y la manifestación de tu intención de participar. No solicitamos datos personales sensibles.\n\nFinalidades: registrar tu inscripción a la convocatoria, verificar que cumples los requisitos, comunicarte los siguientes pasos del ejercicio, integrar el Secretariado Técnico Local y las mesas de co-creación, y elaborar estadísticas agregadas que se publican sin identificar a nadie.\n\nFundamento: la ley de transparencia y la de protección de datos personales aplicables en el estado, y las bases de la convocatoria.\n\nTransferencias: no se transfieren tus datos personales, salvo las que sean necesarias para atender requerimientos de autoridades competentes, debidamente fundados y motivados.\n\nDerechos ARCO: puedes acceder a tus datos, rectificarlos, cancelarlos u oponerte a su tratamiento desde tu cuenta en este portal o con un escrito ante la Unidad de Transparencia. La respuesta se emite en un máximo de veinte días hábiles, ampliable una sola vez por diez días hábiles más cuando esté justificado. Al cancelar tu cuenta se eliminan tus datos personales; se conservan, sin tus datos de contacto, los actos públicos: tu nombre como integrante del Secretariado Técnico en su integración y en sus minutas aprobadas, y tu nombre en las evaluaciones que firmaste.\n\nUnidad de Transparencia: domicilio del órgano garante local, en la ciudad de Victoria de Durango, Durango. Correo: gobiernoabierto@example.org.\n\nCambios a este aviso: cualquier cambio se publicará en esta página como una nueva versión; cada consentimiento guarda la versión que se aceptó.';

/** The demonstration guarantor's privacy notices, integral and simplified. */
async function seed(tx: Db, { actor }: DemoContext) {
  await publishPrivacyNotice(tx, { kind: 'integral', responsible: DEMO_GUARANTOR_NAME, body: integral }, actor);
  await publishPrivacyNotice(tx, { kind: 'simplified', responsible: DEMO_GUARANTOR_NAME, body: simplified }, actor);
}

export const privacyDemo: DemoContribution = { seed, pages: ['/privacidad'] };
