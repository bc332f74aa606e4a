/** The addresses of the evaluation's pages that more than one of its rooms (and the site) link to. */

/** An exercise's published results report, and each version's page and frozen source. */
export const reportHref = (slug: string) => `/ejercicios/${slug}/informe-de-resultados`;
export const versionHref = (slug: string, version: number) => `${reportHref(slug)}/versiones/${version}`;
export const sourceHref = (slug: string, version: number) => `${versionHref(slug, version)}/fuente.json`;
/** The authors' page of an exercise's results report (admins, evaluators). */
export const staffReportHref = (slug: string) => `/evaluacion/informes/${slug}`;
/** The staff's page of an exercise's lessons (admins, evaluators). */
export const staffLessonsHref = (slug: string) => `/evaluacion/lecciones/${slug}`;
/** An exercise's public process indicators. */
export const indicatorsHref = (slug: string) => `/ejercicios/${slug}/indicadores`;
/** An exercise's public lessons (and those of the exercise it started from). */
export const lessonsHref = (slug: string) => `/ejercicios/${slug}/lecciones`;
/** An admin's page of what an exercise started from another carried over. */
export const startingPointHref = (slug: string) => `/admin/evaluacion/ejercicios/${slug}/punto-de-partida`;
