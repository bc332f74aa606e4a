import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { usePage } from '../../../web/page-context.js';

/** The part of the OpenAPI document the page reads. */
export interface ApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId?: string; parameters?: { name: string; in: string; required?: boolean }[] }>
  >;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: { name: string; required: boolean }[];
}

/** Every GET operation of the document, in its order. */
export function operationsOf(document: ApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method === 'get')
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? '',
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          required: parameter.required === true,
        })),
      })),
  );
}

/** `/api`: how to use the public API, and the list of its routes read from the same OpenAPI document it serves. */
export function ApiReferencePage(props: {
  document: ApiDocument;
  origin: string;
  sampleCommitmentId: string | undefined;
  licenceUrl: string;
}) {
  const { t } = usePage();
  const example = `curl ${props.origin}/api/v1/commitments/${props.sampleCommitmentId ?? '3f2b8c1e-5a4d-4e7f-9b6a-2c1d0e9f8a7b'}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/datos', label: t('openData.title') },
          { label: t('api.title') },
        ]}
      />
      <PageHeading title={t('api.title')} lead={t('api.lead')} />
      <section aria-labelledby="api-start">
        <h2 id="api-start">{t('api.start.title')}</h2>
        <p>{t('api.start.body')}</p>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('api.start.example')}>
          <pre>
            <code>{example}</code>
          </pre>
        </div>
        <p>{t('api.start.ids')}</p>
        <p>
          {t('api.start.document')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
      </section>
      <section aria-labelledby="api-routes">
        <h2 id="api-routes">{t('api.endpoints.title')}</h2>
        <Table
          caption={t('api.endpoints.caption')}
          rowKey={(operation) => `${operation.method} ${operation.path}`}
          rows={operationsOf(props.document)}
          columns={[
            {
              header: t('api.column.route'),
              cell: (operation) => (
                <code>
                  {operation.method} {operation.path}
                </code>
              ),
            },
            {
              header: t('api.column.description'),
              cell: (operation) => t(`api.op.${operation.operationId}` as MessageKey),
            },
            {
              header: t('api.column.parameters'),
              cell: (operation) =>
                operation.parameters.length === 0 ? (
                  t('api.parameters.none')
                ) : (
                  <ul class="plain-list">
                    {operation.parameters.map((parameter) => (
                      <li key={parameter.name}>
                        <code>{parameter.name}</code> {parameter.required ? t('api.parameters.required') : null}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="api-pages">
        <h2 id="api-pages">{t('api.pagination.title')}</h2>
        <p>{t('api.pagination.body')}</p>
      </section>
      <section aria-labelledby="api-caching">
        <h2 id="api-caching">{t('api.caching.title')}</h2>
        <p>{t('api.caching.body')}</p>
      </section>
      <section aria-labelledby="api-errors">
        <h2 id="api-errors">{t('api.errors.title')}</h2>
        <p>{t('api.errors.body')}</p>
        <ul>
          <li id="bad-parameter">{t('api.errors.badParameter')}</li>
          <li id="not-found">{t('api.errors.notFound')}</li>
          <li id="method-not-allowed">{t('api.errors.methodNotAllowed')}</li>
          <li id="server-error">{t('api.errors.server')}</li>
        </ul>
      </section>
      <section aria-labelledby="api-licence">
        <h2 id="api-licence">{t('api.licence.title')}</h2>
        <p>{t('api.licence.body')}</p>
        <p>
          <a href={props.licenceUrl}>{t('api.licence.link')}</a>
        </p>
      </section>
    </>
  );
}
