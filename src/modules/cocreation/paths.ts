/** The public addresses of co-creation pages. */
export const problemsPath = (slug: string) => `/ejercicios/${slug}/problemas`;
export const problemPath = (slug: string, number: number) => `/ejercicios/${slug}/problemas/${number}`;
export const newProblemPath = (slug: string) => `/ejercicios/${slug}/problemas/nuevo`;
export const reasonedResponsePath = (slug: string) => `/ejercicios/${slug}/respuesta-razonada`;
export const proposalsPath = (slug: string) => `/ejercicios/${slug}/propuestas`;
export const proposalPath = (slug: string, number: number) => `/ejercicios/${slug}/propuestas/${number}`;
export const newProposalPath = (slug: string, problemNumber?: number) =>
  `/ejercicios/${slug}/propuestas/nueva${problemNumber ? `?problema=${problemNumber}` : ''}`;
/** A commitment's public page (the plan module's), where a problem or proposal that became it links to. */
export const commitmentPagePath = (slug: string, number: number) => `/ejercicios/${slug}/plan/compromisos/${number}`;
export const rankingPath = (slug: string) => `/ejercicios/${slug}/priorizacion`;
export const tablesPath = (slug: string) => `/ejercicios/${slug}/mesas`;
export const tablePath = (slug: string, number: number) => `/ejercicios/${slug}/mesas/${number}`;
/** The staff pages where paper forms are captured (all exercises, then one). */
export const paperCapturesPath = '/admin/problemas/papel';
export const paperCapturePath = (slug: string) => `/admin/problemas/papel/${slug}`;
