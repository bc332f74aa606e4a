import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { quorumRules } from '../schema.js';
import { ACCEPTED_FILES } from './labels.js';
import type { FormState } from '../../../web/forms.js';

export interface SecretariatListEntry {
  exercise: { id: string; title: string; slug: string };
  secretariatId: string | undefined;
}

/** Admin list of exercises and their Secretariat, with the installation form for those that lack one. */
export function AdminSecretariatsPage(props: {
  entries: SecretariatListEntry[];
  form: FormState;
  canInstall: boolean;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  const notInstalled = props.entries.filter((e) => !e.secretariatId);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('secretariat.admin.title') },
        ]}
      />
      <PageHeading title={t('secretariat.admin.title')} lead={t('secretariat.admin.lead')} />
      <Notices notice={props.notice} problem={props.problem} />
      <Table
        caption={t('secretariat.admin.caption')}
        rows={props.entries}
        rowKey={(e) => e.exercise.id}
        columns={[
          { header: t('secretariat.admin.exercise'), cell: (e) => e.exercise.title },
          {
            header: t('secretariat.admin.secretariat'),
            cell: (e) =>
              e.secretariatId ? (
                <a href={`/admin/secretariado/${e.secretariatId}`}>
                  {t('secretariat.admin.manage', { exercise: e.exercise.title })}
                </a>
              ) : (
                t('secretariat.admin.notInstalled')
              ),
          },
        ]}
      />
      {props.canInstall && notInstalled.length > 0 ? (
        <section class="panel" aria-labelledby="install-heading">
          <h2 id="install-heading">{t('secretariat.install.title')}</h2>
          <p>{t('secretariat.install.lead')}</p>
          <form method="post" action="/admin/secretariado" enctype="multipart/form-data" novalidate>
            <ErrorSummary errors={summary} />
            {summary.length > 0 ? <p>{t('secretariat.install.fileAgain')}</p> : null}
            <CsrfField />
            <SelectField
              id="exerciseId"
              name="exerciseId"
              label={t('secretariat.install.exercise')}
              value={values.exerciseId}
              error={errors.exerciseId}
              options={[
                { value: '', label: t('secretariat.install.chooseExercise') },
                ...notInstalled.map((e) => ({ value: e.exercise.id, label: e.exercise.title })),
              ]}
            />
            <TextField
              id="installedOn"
              name="installedOn"
              type="date"
              label={t('secretariat.install.installedOn')}
              value={values.installedOn}
              error={errors.installedOn}
            />
            <SelectField
              id="quorumRule"
              name="quorumRule"
              label={t('secretariat.install.quorumRule')}
              value={values.quorumRule ?? 'more_than_half'}
              error={errors.quorumRule}
              options={quorumRules.map((rule) => ({ value: rule, label: t(`secretariat.quorum.${rule}`) }))}
            />
            <fieldset class="form-section">
              <legend class="form-section__legend">{t('secretariat.document.installationAct')}</legend>
              <FileField
                id="installationActFile"
                name="installationActFile"
                accept={ACCEPTED_FILES}
                label={t('secretariat.install.actFile')}
                hint={t('secretariat.install.fileHint')}
                error={errors.installationActFile}
                isOptional
              />
              <TextField
                id="installationActUrl"
                name="installationActUrl"
                type="url"
                label={t('secretariat.install.actUrl')}
                hint={t('secretariat.install.urlHint')}
                value={values.installationActUrl}
                error={errors.installationActUrl}
                isOptional
              />
            </fieldset>
            <fieldset class="form-section">
              <legend class="form-section__legend">{t('secretariat.document.operatingRules')}</legend>
              <FileField
                id="operatingRulesFile"
                name="operatingRulesFile"
                accept={ACCEPTED_FILES}
                label={t('secretariat.install.rulesFile')}
                hint={t('secretariat.install.fileHint')}
                error={errors.operatingRulesFile}
                isOptional
              />
              <TextField
                id="operatingRulesUrl"
                name="operatingRulesUrl"
                type="url"
                label={t('secretariat.install.rulesUrl')}
                hint={t('secretariat.install.urlHint')}
                value={values.operatingRulesUrl}
                error={errors.operatingRulesUrl}
                isOptional
              />
            </fieldset>
            <Button>{t('secretariat.install.submit')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
