import type { esMX } from './es-MX.js';

/**
 * The keys of every module's messages. Each module's `messages.ts` adds its own here by declaration merging
 * (`declare module '../../web/i18n/catalog.js' { interface ModuleMessageKeys extends KeysOf<typeof x> {} }`), so
 * keys are type-checked everywhere while the web layer imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleMessageKeys {}

/** The keys of a module's messages, as ModuleMessageKeys members. */
export type KeysOf<M extends { es: Record<string, string> }> = { readonly [K in keyof M['es']]: true };

/** Every message key: the shared web messages plus each module's. */
export type MessageKey = keyof typeof esMX | keyof ModuleMessageKeys;
/** A shared catalog must have exactly the keys of the Spanish source. */
export type Catalog = { readonly [K in keyof typeof esMX]: string };
