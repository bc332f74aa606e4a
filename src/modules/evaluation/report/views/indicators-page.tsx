import { Breadcrumbs, PageHeading } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { reportHref } from '../../paths.js';
import type { ProcessFigures } from '../process-figures.js';
import { ProcessSection } from './process-section.js';

/** An exercise's process indicators, computed today from the portal's data, each with its formula. */
export function IndicatorsPage(props: { exercise: { slug: string; title: string }; process: ProcessFigures }) {
  const { t } = usePage();
  const { exercise } = props;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('evaluationReport.indicators.crumb') },
        ]}
      />
      <PageHeading title={t('evaluationReport.indicators.title')} lead={exercise.title}>
        <p>{t('evaluationReport.indicators.lead')}</p>
      </PageHeading>
      <ProcessSection process={props.process} level={2} />
      <p>
        <a href={reportHref(exercise.slug)}>{t('evaluationReport.indicators.report')}</a>
      </p>
    </>
  );
}
