import type { Deprecation } from '../../kernel/dataset.js';
import { translator } from '../../web/i18n/i18n.js';

/*
 * Deprecations the modules declare (kernel/dataset.ts) as the OpenAPI document and the answers show them: a route or
 * a property gets `deprecated: true` and a description with the date, the reason and the replacement (in English,
 * then Spanish); a deprecated route's answers carry `Deprecation` (RFC 9745) and, once a date is set, `Sunset`
 * (RFC 8594) headers.
 */

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; [key: string]: unknown };
type Operation = {
  deprecated?: boolean;
  description?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

function note(deprecation: Deprecation): string {
  const line = (locale: 'en' | 'es-MX') => {
    const t = translator(locale);
    return [
      t('openData.deprecated.since', { date: deprecation.since }),
      t(deprecation.reason),
      deprecation.sunset ? t('openData.deprecated.sunset', { date: deprecation.sunset }) : '',
      deprecation.replacement ? t('openData.deprecated.replacement', { replacement: deprecation.replacement }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
  return `${line('en')} / ${line('es-MX')}`;
}

const append = (text: unknown, addition: string) =>
  typeof text === 'string' && text ? `${text}\n\n${addition}` : addition;

/** The property at a dotted path under a schema (through nullable unions and arrays). */
function propertyAt(schema: Schema | undefined, path: string[]): Schema | undefined {
  if (!schema || path.length === 0) return schema;
  const [head, ...rest] = path;
  const candidates = [schema, ...(schema.anyOf ?? []), ...(schema.items ? [schema.items] : [])];
  for (const candidate of candidates) {
    const child = candidate.properties?.[head!];
    if (child) return propertyAt(child, rest);
    if (candidate.items?.properties?.[head!]) return propertyAt(candidate.items.properties[head!], rest);
  }
  return undefined;
}

/** Marks every deprecated route and property of the document (it is changed in place and returned). */
export function applyDeprecations<T>(document: T, deprecations: readonly Deprecation[]): T {
  const doc = document as Document;
  for (const deprecation of deprecations) {
    const subject: string = deprecation.subject;
    if (subject.startsWith('route:GET /api/v1/')) {
      const operation = doc.paths?.[subject.slice('route:GET '.length)]?.get;
      if (!operation) continue;
      operation.deprecated = true;
      operation.description = append(operation.description, note(deprecation));
    } else if (subject.startsWith('property:')) {
      const owner = subject.slice(9, subject.indexOf('/'));
      const path = subject.slice(subject.indexOf('/') + 1).split('.');
      const root = owner.startsWith('GET /api/v1/')
        ? doc.paths?.[owner.slice(4)]?.get?.responses?.['200']?.content?.['application/json']?.schema
        : doc.components?.schemas?.[owner];
      const property = propertyAt(root, path);
      if (!property) continue;
      property.deprecated = true;
      property.description = append(property.description, note(deprecation));
    }
  }
  return document;
}

/** The headers of a deprecated route's answers, or none. */
export function deprecationHeaders(deprecations: readonly Deprecation[], fastifyUrl: string): Record<string, string> {
  const route = fastifyUrl.replace(/:([A-Za-z]+)/g, '{$1}');
  const deprecation = deprecations.find((candidate) => candidate.subject === `route:GET ${route}`);
  if (!deprecation) return {};
  return {
    deprecation: `@${Math.floor(Date.parse(`${deprecation.since}T00:00:00Z`) / 1000)}`,
    ...(deprecation.sunset ? { sunset: new Date(`${deprecation.sunset}T00:00:00Z`).toUTCString() } : {}),
  };
}
