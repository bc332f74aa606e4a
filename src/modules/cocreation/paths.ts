/** The public addresses of co-creation pages. */
export const problemsPath = (slug: string) => `/ejercicios/${slug}/problemas`;
export const problemPath = (slug: string, number: number) => `/ejercicios/${slug}/problemas/${number}`;
export const newProblemPath = (slug: string) => `/ejercicios/${slug}/problemas/nuevo`;
export const reasonedResponsePath = (slug: string) => `/ejercicios/${slug}/respuesta-razonada`;
