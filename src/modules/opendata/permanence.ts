import type { Dataset, Deprecation } from '../../kernel/dataset.js';

/*
 * Permanence (Guía de datos abiertos MX; issue 15, item 7): what the portal has published stays published unless its
 * module announced the withdrawal with a deprecation (date, reason, replacement). `published.json` beside this file is
 * the committed list of everything published (datasets and their fields, API routes and the properties of their
 * answers); a test compares it with what the portal publishes now.
 */

/** Everything published, in a form that diffs well: each dataset's fields, each API route, each schema's properties. */
export interface PublishedCatalogue {
  datasets: Record<string, string[]>;
  routes: string[];
  /** By schema name in the OpenAPI document (or the route, for its page wrapper): dotted property paths. */
  properties: Record<string, string[]>;
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** The dotted paths of an answer's properties; a `$ref` stops the walk (the schema it names is listed by itself). */
export function propertyPaths(schema: JsonSchema | undefined, prefix = '', out: string[] = []): string[] {
  if (!schema || schema.$ref) return out;
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    propertyPaths(part, prefix, out);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push(`${prefix}${name}`);
    propertyPaths(child, `${prefix}${name}.`, out);
  }
  if (schema.items) propertyPaths(schema.items, prefix, out);
  if (typeof schema.additionalProperties === 'object') propertyPaths(schema.additionalProperties, `${prefix}*.`, out);
  return [...new Set(out)];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** What the portal publishes now: the registry's datasets and the API's OpenAPI document. */
export function currentCatalogue(datasets: readonly Dataset[], document: OpenApiDocument): PublishedCatalogue {
  const routes: string[] = [];
  const properties: Record<string, string[]> = {};
  // The schemas of answers (the zod provider adds an `…Input` twin of some, for parameters: not published data).
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    if (!name.endsWith('Input')) properties[name] = propertyPaths(schema);
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const route = `${method.toUpperCase()} ${path}`;
      routes.push(route);
      const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
      const paths = propertyPaths(schema);
      if (paths.length > 0) properties[route] = paths;
    }
  }
  return {
    datasets: Object.fromEntries(datasets.map((dataset) => [dataset.id, dataset.fields.map((field) => field.name)])),
    routes: routes.sort(),
    properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Every published item as the subject a deprecation would name. */
export function subjectsOf(catalogue: PublishedCatalogue): string[] {
  return [
    ...Object.entries(catalogue.datasets).flatMap(([id, fields]) => [
      `dataset:${id}`,
      ...fields.map((field) => `field:${id}/${field}`),
    ]),
    ...catalogue.routes.map((route) => `route:${route}`),
    ...Object.entries(catalogue.properties).flatMap(([owner, paths]) =>
      paths.map((path) => `property:${owner}/${path}`),
    ),
  ];
}

/** Whether a deprecation covers a subject: itself, its dataset, its route, or a property it lies under. */
export function covers(deprecation: Deprecation, subject: string): boolean {
  const announced: string = deprecation.subject;
  if (announced === subject) return true;
  if (subject.startsWith('field:') && announced === `dataset:${subject.slice(6).split('/')[0]}`) return true;
  if (subject.startsWith('property:')) {
    const [owner, path] = [subject.slice(9, subject.indexOf('/')), subject.slice(subject.indexOf('/') + 1)];
    if (announced === `route:${owner}`) return true;
    if (announced.startsWith(`property:${owner}/`) && path.startsWith(`${announced.slice(10 + owner.length)}.`))
      return true;
  }
  return false;
}

/** Published items that are gone without a deprecation entry (the test fails on any). */
export function withdrawnWithoutNotice(
  published: PublishedCatalogue,
  current: PublishedCatalogue,
  deprecations: readonly Deprecation[],
): string[] {
  const now = new Set(subjectsOf(current));
  return subjectsOf(published).filter(
    (subject) => !now.has(subject) && !deprecations.some((deprecation) => covers(deprecation, subject)),
  );
}

/** Items published now that the committed snapshot does not list yet (add them to published.json). */
export function notYetInSnapshot(published: PublishedCatalogue, current: PublishedCatalogue): string[] {
  const before = new Set(subjectsOf(published));
  return subjectsOf(current).filter((subject) => !before.has(subject));
}
