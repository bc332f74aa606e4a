import type { esMX } from './es-MX.js';
import type { moduleMessages } from './module-messages.js';

type ModuleKeys = { [M in keyof typeof moduleMessages]: keyof (typeof moduleMessages)[M]['es'] }[keyof typeof moduleMessages];

/** Every message key: the shared web messages plus each module's. */
export type MessageKey = keyof typeof esMX | ModuleKeys;
/** A shared catalog must have exactly the keys of the Spanish source. */
export type Catalog = { readonly [K in keyof typeof esMX]: string };
