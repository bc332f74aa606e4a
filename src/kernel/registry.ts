import { installMessages } from '../web/i18n/i18n.js';
import type { Dataset, Deprecation } from './dataset.js';
import type { FileAccessCheck } from './file-access.js';
import type { ModuleManifest, ScheduledJob } from './manifest.js';
import { createPageSections, type PageSections } from './page-sections.js';
import type { ModulePersonalData } from './personal-data.js';
import {
  createRecordCatalog,
  installPublicFields,
  type FieldDisplay,
  type NameLookup,
  type RecordCatalog,
  type RecordTypeDeclaration,
} from './records.js';

/** Every module's contributions, gathered once from their manifests. */
export interface Registry {
  modules: readonly ModuleManifest[];
  records: RecordCatalog;
  datasets: readonly Dataset[];
  deprecations: readonly Deprecation[];
  fileAccessChecks: readonly FileAccessCheck[];
  jobs: readonly ScheduledJob[];
  sections: PageSections;
  personalData: readonly ModulePersonalData[];
}

function mergeUnique<T>(
  what: string,
  parts: [module: string, entries: Readonly<Record<string, T>> | undefined][],
): Record<string, T> {
  const merged: Record<string, T> = {};
  const owner: Record<string, string> = {};
  for (const [module, entries] of parts) {
    for (const [key, value] of Object.entries(entries ?? {})) {
      if (Object.hasOwn(merged, key))
        throw new Error(`${what} "${key}" is declared by both ${owner[key]} and ${module}`);
      merged[key] = value;
      owner[key] = module;
    }
  }
  return merged;
}

/**
 * Reads the manifests: installs their texts in the catalogs and builds the catalogues the cross-cutting modules
 * read. Two modules declaring the same record type, dataset, field label or job queue is a programming error.
 */
export function createRegistry(modules: readonly ModuleManifest[]): Registry {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Module "${module.name}" is registered twice`);
    names.add(module.name);
  }
  installMessages(modules.flatMap((module) => module.messages ?? []));
  const records = mergeUnique<RecordTypeDeclaration>(
    'Record type',
    modules.map((m) => [m.name, m.records]),
  );
  installPublicFields(records);
  const fieldLabels = mergeUnique<FieldDisplay>(
    'Field label',
    modules.map((m) => [m.name, m.fieldLabels]),
  );
  const nameLookups = mergeUnique<NameLookup>(
    'Name lookup',
    modules.map((m) => [m.name, m.nameLookups]),
  );
  const datasets = modules.flatMap((m) => m.datasets ?? []);
  mergeUnique(
    'Dataset',
    modules.map((m) => [m.name, Object.fromEntries((m.datasets ?? []).map((d) => [d.id, d]))]),
  );
  const deprecations = modules.flatMap((m) => m.deprecations ?? []);
  mergeUnique(
    'Deprecation of',
    modules.map((m) => [m.name, Object.fromEntries((m.deprecations ?? []).map((d) => [d.subject, d]))]),
  );
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  mergeUnique(
    'Job queue',
    modules.map((m) => [m.name, Object.fromEntries((m.jobs ?? []).map((j) => [j.queue, j]))]),
  );
  return {
    modules,
    records: createRecordCatalog(records, fieldLabels, nameLookups),
    datasets,
    deprecations,
    fileAccessChecks: modules.flatMap((m) => (m.fileAccess ? [m.fileAccess] : [])),
    jobs,
    sections: createPageSections(modules.flatMap((m) => m.sections ?? [])),
    personalData: modules.flatMap((m) => (m.personalData ? [{ module: m.name, ...m.personalData }] : [])),
  };
}
