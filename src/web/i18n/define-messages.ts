/**
 * A module's own messages: Spanish (es-MX) is the source; English must have exactly the same keys (a missing or
 * extra key fails `npm run typecheck`). Keys are prefixed by the module's name, e.g. `accounts.signIn.title`.
 */
export function defineMessages<const Es extends Record<string, string>>(
  es: Es,
  en: { readonly [K in keyof Es]: string },
) {
  return { es, en };
}
