import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { WebDeps } from '../web/http.js';
import type { SystemActor } from './actor.js';
import type { Dataset, Deprecation } from './dataset.js';
import type { FileAccessCheck } from './file-access.js';
import type { AnyPageSection, PageSections } from './page-sections.js';
import type { ModulePersonalData, PersonalDataDeclaration } from './personal-data.js';
import type { FieldDisplay, NameLookup, RecordCatalog, RecordTypeDeclaration } from './records.js';

/** A module's texts: Spanish (es-MX) and English with the same keys (see web/i18n/define-messages.ts). */
export interface ModuleMessages {
  es: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/** What the routes of every module receive: the web's needs, the database, the clock and the registry's catalogues. */
export interface ModuleDeps extends WebDeps {
  db: Db;
  now: () => Date;
  /** Comment and follow targets, owners of changes and value labels declared by every module. */
  records: RecordCatalog;
  /** The open-data catalogue: every module's datasets. */
  datasets: readonly Dataset[];
  /** What every module announced it will withdraw (or has withdrawn) from the open data and the API. */
  deprecations: readonly Deprecation[];
  /** Every module's say on who may download a stored file. */
  fileAccessChecks: readonly FileAccessCheck[];
  /** Sections later modules add to a module's pages (see page-sections.ts). */
  sections: PageSections;
  /** Every module's personal data (see personal-data.ts): the download and the cancellation of an account. */
  personalData: readonly ModulePersonalData[];
}

/** The subset of pino (Fastify's logger) that jobs write to. */
export interface JobLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface JobContext {
  db: Db;
  config: Config;
  logger: JobLogger;
  records: RecordCatalog;
}

/** Work a module runs on a schedule through pg-boss (one job per tick, however many processes run). */
export interface ScheduledJob {
  /** The pg-boss queue, unique across modules. */
  queue: string;
  /** Cron expression, in UTC. */
  cron: string;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  /** Also run once when the process starts (a failure is logged, the schedule still starts). */
  runAtStart?: boolean;
  run(context: JobContext): Promise<void>;
}

/** What a module's demo seed receives: the clock the demo's dates hang from and the actor its writes are logged as. */
export interface DemoContext {
  now: Date;
  actor: SystemActor;
}

/** A module's part of the demo: the records it seeds and the public pages those records make exist. */
export interface DemoContribution {
  /** Seeds its records through its use cases, inside the demo's one transaction; modules seed in registry order. */
  seed?: (tx: Db, context: DemoContext) => Promise<void>;
  /** Public pages a visitor can reach in the demo (the browser tests open each one and run axe on it). */
  pages?: readonly string[];
}

/**
 * What a module contributes to the portal. The registry (src/registry.ts) lists every module's manifest; the
 * application, the jobs, the open-data catalogue, the participation and audit modules and the tests read it, so
 * that adding a module is its folder, its migration and one line of the registry.
 */
export interface ModuleManifest {
  name: string;
  /** Its texts, merged into the catalogs of both languages. */
  messages?: readonly ModuleMessages[];
  /** Registers its HTTP routes; each route declares its access (src/kernel/access.ts). */
  routes?: (app: FastifyInstance, deps: ModuleDeps) => void;
  /** Its record types as the change log names them: status labels, comment/follow targets, owners of changes. */
  records?: Readonly<Record<string, RecordTypeDeclaration>>;
  /**
   * How the public history shows a field any record may hold, unless its record type says otherwise (e.g. an
   * exercise's `phase`, or `institutionId`: a reference to an institution, shown by its name).
   */
  fieldLabels?: Readonly<Record<string, FieldDisplay>>;
  /** Names of codes it keeps, for the public history's `lookup` fields (e.g. municipalities by INEGI code). */
  nameLookups?: Readonly<Record<string, NameLookup>>;
  /** Its open-data datasets, listed at /datos. */
  datasets?: readonly Dataset[];
  /**
   * Datasets, dataset fields, API routes or API properties it publishes (or published) and withdraws: each with a
   * date, a reason and a replacement, shown on /datos and in the OpenAPI document (see kernel/dataset.ts).
   */
  deprecations?: readonly Deprecation[];
  /** Its say on who may download a stored file it references. */
  fileAccess?: FileAccessCheck;
  /** Sections it adds to pages of modules earlier in the order (see page-sections.ts). */
  sections?: readonly AnyPageSection[];
  /** Its scheduled jobs. */
  jobs?: readonly ScheduledJob[];
  /** Work to finish when a process starts (e.g. mailings interrupted by a stop). */
  onStart?: (context: JobContext) => Promise<void>;
  /** Its part of the demo data and the public pages the demo shows. */
  demo?: DemoContribution;
  /** The personal data it keeps: its tables that refer to people and what cancelling an account does to them. */
  personalData?: PersonalDataDeclaration;
}
