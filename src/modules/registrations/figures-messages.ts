import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

/** The public figures of a call's registrations (/ejercicios/:slug/convocatoria/cifras). */
export const registrationFiguresMessages = defineMessages(
  {
    'figures.crumb': 'Cifras',
    'figures.title': 'Cifras de la convocatoria',
    'figures.lead': 'Cuántas personas se han sumado a «{call}», por sector y por municipio.',
    'figures.total.one': 'persona inscrita',
    'figures.total.other': 'personas inscritas',
    'figures.asOf': 'Cifras al {date}.',
    'figures.none':
      'Todavía no hay inscripciones confirmadas. Cuando alguien se inscriba y confirme su correo, aparecerá aquí.',
    'figures.aboutTitle': 'Cómo contamos',
    'figures.about.counted':
      'Contamos solo las inscripciones confirmadas: las que esperan que la persona abra el enlace de su correo todavía no cuentan, y tampoco las retiradas ni las no aceptadas.',
    'figures.about.private': 'Esta página no muestra datos personales: solo totales por sector y por municipio.',
    'figures.bySector.title': 'Por sector',
    'figures.bySector.caption': 'Personas inscritas por sector',
    'figures.bySector.sector': 'Sector',
    'figures.bySector.count': 'Personas',
    'figures.bySector.share': '% del total',
    'figures.bySector.total': 'Total',
    'figures.byMunicipality.title': 'Por municipio',
    'figures.byMunicipality.summary': 'Hay personas inscritas en {count} de los {total} municipios.',
    'figures.byMunicipality.caption': 'Personas inscritas por municipio',
    'figures.byMunicipality.municipality': 'Municipio',
    'figures.byMunicipality.count': 'Personas',
    'figures.map.title': 'Mapa de personas inscritas por municipio',
    'figures.map.description':
      'Cada municipio tiene un color según cuántas personas se inscribieron: entre más oscuro, más personas. Los municipios en blanco no tienen inscripciones. La tabla junto al mapa tiene las mismas cifras.',
    'figures.map.legend': 'Personas inscritas',
    'figures.map.zero': 'Ninguna',
    'figures.map.range': '{from} a {to}',
    'figures.map.source': 'Límites municipales: {source}.',
    'figures.people.one': '{count} persona',
    'figures.people.other': '{count} personas',
    'figures.readCall': 'Leer la convocatoria',
    'figures.sector.civil_society_org': 'Organización de la sociedad civil',
    'figures.sector.academia': 'Academia o investigación',
    'figures.sector.private_sector': 'Sector privado o empresa',
    'figures.sector.professional_college': 'Colegio de profesionistas',
    'figures.sector.autonomous_body': 'Órgano autónomo',
    'figures.sector.public_body': 'Institución pública',
    'figures.sector.individual': 'Persona a título individual',
  },
  {
    'figures.crumb': 'Figures',
    'figures.title': 'Call figures',
    'figures.lead': 'How many people have signed up for “{call}”, by sector and by municipality.',
    'figures.total.one': 'person signed up',
    'figures.total.other': 'people signed up',
    'figures.asOf': 'Figures as of {date}.',
    'figures.none':
      'No confirmed registrations yet. When someone signs up and confirms their e-mail, they will be counted here.',
    'figures.aboutTitle': 'How we count',
    'figures.about.counted':
      'We count only confirmed registrations: those still waiting for the person to open the link in their e-mail do not count yet, nor do withdrawn or rejected ones.',
    'figures.about.private': 'This page shows no personal data: only totals by sector and by municipality.',
    'figures.bySector.title': 'By sector',
    'figures.bySector.caption': 'People signed up, by sector',
    'figures.bySector.sector': 'Sector',
    'figures.bySector.count': 'People',
    'figures.bySector.share': '% of total',
    'figures.bySector.total': 'Total',
    'figures.byMunicipality.title': 'By municipality',
    'figures.byMunicipality.summary': 'People have signed up in {count} of the {total} municipalities.',
    'figures.byMunicipality.caption': 'People signed up, by municipality',
    'figures.byMunicipality.municipality': 'Municipality',
    'figures.byMunicipality.count': 'People',
    'figures.map.title': 'Map of people signed up, by municipality',
    'figures.map.description':
      'Each municipality is coloured by how many people signed up: the darker, the more people. Municipalities in white have none. The table beside the map has the same figures.',
    'figures.map.legend': 'People signed up',
    'figures.map.zero': 'None',
    'figures.map.range': '{from} to {to}',
    'figures.map.source': 'Municipal boundaries: {source}.',
    'figures.people.one': '{count} person',
    'figures.people.other': '{count} people',
    'figures.readCall': 'Read the call',
    'figures.sector.civil_society_org': 'Civil-society organisation',
    'figures.sector.academia': 'Academia or research',
    'figures.sector.private_sector': 'Private sector or business',
    'figures.sector.professional_college': 'Professional association',
    'figures.sector.autonomous_body': 'Autonomous body',
    'figures.sector.public_body': 'Public institution',
    'figures.sector.individual': 'Individual',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof registrationFiguresMessages> {}
}
