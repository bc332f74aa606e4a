import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  ErrorSummary,
  PageHeading,
  Pagination,
  ProgressBar,
  StatusBadge,
  Table,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';

/** A living style guide: every design-system component once, so the browser tests check them all with axe. */
export function ComponentsPage(props: { topMunicipalities: { cvegeo: string; name: string; population: number }[] }) {
  const { t, format } = usePage();
  const errors = [
    { field: 'demo-name', message: t('design.nameError') },
    { field: 'demo-email', message: t('design.emailError') },
  ];
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('design.title') }]} />
      <PageHeading title={t('design.title')} lead={t('design.intro')} />
      <section aria-labelledby="buttons">
        <h2 id="buttons">{t('design.buttons')}</h2>
        <div class="actions">
          <Button type="button">{t('design.primary')}</Button>
          <Button type="button" variant="secondary">
            {t('design.secondary')}
          </Button>
          <Button type="button" variant="warning">
            {t('design.warning')}
          </Button>
        </div>
      </section>
      <section aria-labelledby="form">
        <h2 id="form">{t('design.form')}</h2>
        <form method="get" action="/componentes" novalidate>
          <ErrorSummary errors={errors} />
          <TextField
            id="demo-name"
            name="name"
            label={t('design.nameLabel')}
            hint={t('design.nameHint')}
            error={t('design.nameError')}
            autocomplete="name"
          />
          <TextField
            id="demo-email"
            name="email"
            type="email"
            label={t('design.emailLabel')}
            error={t('design.emailError')}
            value="nombre@"
            autocomplete="email"
          />
          <Button>{t('design.primary')}</Button>
        </form>
      </section>
      <section aria-labelledby="progress">
        <h2 id="progress">{t('design.progress')}</h2>
        <ProgressBar id="demo-progress" value={62.5} label={t('design.progressLabel')} />
      </section>
      <section aria-labelledby="alerts">
        <h2 id="alerts">{t('design.alerts')}</h2>
        <Alert kind="info">
          <p>{t('design.alertInfo')}</p>
        </Alert>
        <Alert kind="success">
          <p>{t('design.alertSuccess')}</p>
        </Alert>
        <Alert kind="warning">
          <p>{t('design.alertWarning')}</p>
        </Alert>
        <Alert kind="error">
          <p>{t('design.alertError')}</p>
        </Alert>
      </section>
      <section aria-labelledby="badges">
        <h2 id="badges">{t('design.badges')}</h2>
        <p class="inline-list">
          <StatusBadge tone="success">{t('badge.done')}</StatusBadge>{' '}
          <StatusBadge tone="info">{t('badge.onTrack')}</StatusBadge>{' '}
          <StatusBadge tone="danger">{t('badge.delayed')}</StatusBadge>{' '}
          <StatusBadge tone="warning">{t('badge.demo')}</StatusBadge>{' '}
          <StatusBadge tone="neutral">{t('call.status.closed')}</StatusBadge>
        </p>
      </section>
      <section aria-labelledby="table">
        <h2 id="table">{t('design.table')}</h2>
        <Table
          caption={t('design.tableCaption')}
          rows={props.topMunicipalities}
          rowKey={(row) => row.cvegeo}
          columns={[
            { header: t('design.municipality'), cell: (row) => row.name },
            { header: t('design.population'), cell: (row) => format.number(row.population), isNumeric: true },
          ]}
        />
      </section>
      <section aria-labelledby="cards">
        <h2 id="cards">{t('design.cards')}</h2>
        <div class="card-grid">
          <Card title={t('nav.exercises')} href="/ejercicios" headingLevel={3}>
            <p>{t('design.cardBody')}</p>
          </Card>
          <Card title={t('nav.openData')} href="/datos" headingLevel={3}>
            <p>{t('design.cardBody')}</p>
          </Card>
        </div>
      </section>
      <section aria-labelledby="pagination">
        <h2 id="pagination">{t('design.pagination')}</h2>
        <Pagination page={3} pages={9} hrefFor={(page) => `/componentes?pagina=${page}`} />
      </section>
    </>
  );
}
