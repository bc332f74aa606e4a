import type { esMX } from './es-MX.js';

export type MessageKey = keyof typeof esMX;
/** A catalog must have exactly the keys of the Spanish source. */
export type Catalog = { readonly [K in MessageKey]: string };
