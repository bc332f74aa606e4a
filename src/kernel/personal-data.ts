import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';

/**
 * What each module declares about the personal data it keeps (its manifest's `personalData`), so that the privacy
 * module can hand a person everything held about them (the ARCO access right) and anonymise it all when they cancel
 * their account, without importing any module above it. The privacy tests compare these declarations with the
 * database's own catalogue: a table with a column that refers to a person and that no module declares fails them.
 * See docs/decisions/0029-personal-data-declared-by-modules.md.
 */

/** The person whose data are gathered or anonymised, and what identifies them in free text. */
export interface PersonalDataSubject {
  userId: string;
  /** Their e-mail addresses, lower-case: the account's and any other a module knows them by (a sign-up's). */
  emails: readonly string[];
  /** Phone numbers they gave (as typed). */
  phones: readonly string[];
  /** Names they used (the account's, a sign-up's full name). */
  names: readonly string[];
}

/** A table of a module that refers to people: how to find one person's rows in it. */
export interface PersonalDataTable {
  table: PgTable;
  /** Columns holding a user id (a foreign key to `users`, or a copy of one). */
  byUser?: readonly PgColumn[];
  /** Columns holding an e-mail address, compared lower-case with the person's. */
  byEmail?: readonly PgColumn[];
  /** Columns holding a phone number, compared by their last ten digits with the person's. */
  byPhone?: readonly PgColumn[];
  /** Columns that hold the person's data inside a value (e.g. a JSON list of contacts), and how to find them. */
  byMatch?: { columns: readonly PgColumn[]; where: (subject: PersonalDataSubject) => SQL };
  /** Columns left out of the download: secrets (hashes of tokens and passwords) and file contents. */
  omit?: readonly PgColumn[];
}

/** What the cancellation's steps receive besides the transaction and the person. */
export interface AnonymiseContext {
  now: Date;
}

/** A module's personal data: its tables, and what cancelling an account does to them. */
export interface PersonalDataDeclaration {
  /** Every table of the module with a column that refers to a person. */
  tables?: readonly PersonalDataTable[];
  /**
   * Identifiers of the person this module holds that other modules must look for too (a sign-up's phone number or
   * full name), read before anything is anonymised.
   */
  identify?: (db: Db, subject: PersonalDataSubject) => Promise<Partial<Omit<PersonalDataSubject, 'userId'>>>;
  /**
   * Removes or anonymises the person's data in this module, inside the cancellation's one transaction. Modules run
   * from the last in the registry to the first (accounts, which keeps the placeholder row, runs last).
   */
  anonymise?: (tx: Db, subject: PersonalDataSubject, context: AnonymiseContext) => Promise<void>;
  /**
   * Columns whose name speaks of an e-mail or a phone but that never hold a person's (an institution's contact
   * address), as `table.column`, each with the reason.
   */
  notPersonal?: Readonly<Record<string, string>>;
}

/** A module's declaration as the registry gathers it. */
export interface ModulePersonalData extends PersonalDataDeclaration {
  module: string;
}

/** The digits a phone number is compared by: the last ten (the number in Mexico, whatever prefix was typed). */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '').slice(-10);

/** What replaces an identifier found in text that stays (a comment, a problem's description). */
export const REDACTED = '[dato eliminado]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phone number as a pattern: its last ten digits with the separators people type between them, after any country
 * prefix ("+52 (618) 555-0199", "618 555 0199" and "6185550199" are one number).
 */
const phonePattern = (phone: string) => {
  const local = phoneDigits(phone);
  return local.length >= 7 ? `(?:\\+?\\d{1,3}[\\s().-]*)?\\(?${[...local].join('[\\s().-]*')}` : undefined;
};

/**
 * A text with the person's e-mail addresses, phone numbers and names replaced by `REDACTED` (case-insensitive).
 * Names shorter than six characters are left alone: they would match inside other words.
 */
export function redactPerson(text: string, subject: Pick<PersonalDataSubject, 'emails' | 'phones' | 'names'>) {
  const patterns = [
    ...subject.emails.filter(Boolean).map(escapeRegExp),
    ...subject.phones.map(phonePattern).filter((pattern): pattern is string => Boolean(pattern)),
    ...subject.names.filter((name) => name.trim().length >= 6).map((name) => escapeRegExp(name.trim())),
  ];
  if (patterns.length === 0) return text;
  return text.replace(new RegExp(patterns.join('|'), 'giu'), REDACTED);
}
