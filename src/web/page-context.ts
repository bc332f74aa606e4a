import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Formatters, Locale, Translate } from './i18n/i18n.js';

/** What every view may read about the request it renders for. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  format: Formatters;
  /** The path of the current page, without query, used for the language switch and active navigation. */
  path: string;
  siteName: string;
  requestId: string;
  /** The header's exercise and convening body, when one is published. */
  header?: { exerciseTitle: string; exerciseHref: string; convenerName: string; isDemo: boolean } | undefined;
  /** Whether the current exercise has a call to link from the navigation. */
  callHref?: string | undefined;
  /** The change log's newest entry, published in every footer so that anyone can keep it (verify-log --head). */
  logHead?: { seq: number; hash: string } | undefined;
  assets: { css: string; js: string };
  /** The signed-in person, for the header's account links. */
  /** `hasWork`: a staff role other than admin (liaison, Secretariat member, evaluator, facilitator): "my work". */
  user?: { name: string; isAdmin: boolean; hasWork?: boolean } | undefined;
  /** Sent back by every state-changing form (see CsrfField). */
  csrfToken: string;
}

export const PageContextProvider = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const value = useContext(PageContextProvider);
  if (!value) throw new Error('usePage() outside a page render');
  return value;
}
