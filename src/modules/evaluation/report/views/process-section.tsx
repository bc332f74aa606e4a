import { StatusBadge, Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { ProcessFigures } from '../process-figures.js';

/** A share (0-1) as a percentage with one decimal, or a dash when there is nothing to share. */
export function useShare() {
  const { format } = usePage();
  return (share: number | null) => (share === null ? '—' : format.percent(Math.round(share * 1000) / 10));
}

/** An indicator: its name, its value, its flag in words (never colour alone) and its formula. */
function Indicator(props: { name: string; value: string; formula: string; flag?: string | undefined }) {
  const { t } = usePage();
  return (
    <>
      <dt>{props.name}</dt>
      <dd>
        {props.value}
        {props.flag ? (
          <>
            {' '}
            <StatusBadge tone="warning">{t('evaluationReport.indicator.flag')}</StatusBadge> <span>{props.flag}</span>
          </>
        ) : null}
        <span class="plan-document__detail">{props.formula}</span>
      </dd>
    </>
  );
}

function SignUps(props: { signUps: NonNullable<ProcessFigures['signUps']>; level: 2 | 3 | 4 }) {
  const { t, format } = usePage();
  const H = `h${props.level}` as 'h3';
  const { signUps } = props;
  return (
    <>
      <H>{t('evaluationReport.process.signUps')}</H>
      <p>{t('evaluationReport.process.signUps.total', { count: format.number(signUps.total) })}</p>
      <Table
        caption={t('evaluationReport.process.signUps.bySector')}
        rowKey={(r) => r.sector}
        rows={signUps.bySector}
        columns={[
          { header: t('evaluationReport.process.sector'), cell: (r) => t(`registrations.sector.${r.sector}`) },
          { header: t('evaluationReport.process.people'), cell: (r) => format.number(r.count), isNumeric: true },
        ]}
      />
      {signUps.byMunicipality.length ? (
        <Table
          caption={t('evaluationReport.process.signUps.byMunicipality', {
            count: format.number(signUps.municipalitiesReached),
          })}
          rowKey={(r) => r.cvegeo}
          rows={signUps.byMunicipality}
          columns={[
            { header: t('evaluationReport.process.municipality'), cell: (r) => r.name },
            { header: t('evaluationReport.process.people'), cell: (r) => format.number(r.count), isNumeric: true },
          ]}
        />
      ) : null}
      <p class="hint">{t('evaluationReport.process.signUps.aggregate')}</p>
    </>
  );
}

/**
 * The process of an exercise as the portal recorded it, with the process indicators and their formulas: used by the
 * results report and by the public page of indicators.
 */
export function ProcessSection(props: {
  process: Omit<ProcessFigures, 'portal'> & { portal?: ProcessFigures['portal'] };
  level: 2 | 3 | 4;
}) {
  const { t, format } = usePage();
  const share = useShare();
  const H = `h${props.level}` as 'h3';
  const { signUps, secretariat, inputs, sessionGap, portal } = props.process;
  const days = (n: number) => t('evaluationReport.indicator.days', { days: format.number(n) });
  return (
    <>
      {signUps ? <SignUps signUps={signUps} level={props.level} /> : null}
      <H>{t('evaluationReport.process.secretariat')}</H>
      {secretariat ? (
        <dl class="plan-document__facts">
          <dt>{t('evaluationReport.process.installedOn')}</dt>
          <dd>{format.calendarDate(secretariat.installedOn)}</dd>
          <Indicator
            name={t('evaluationReport.process.sessionsHeld')}
            value={format.number(secretariat.sessionsHeld)}
            formula={t('evaluationReport.process.sessionsHeld.formula')}
          />
          <Indicator
            name={t('evaluationReport.process.quorumRate')}
            value={`${share(secretariat.quorumRate)} (${format.number(secretariat.sessionsWithQuorum)} / ${format.number(secretariat.sessionsWithAttendance)})`}
            formula={t('evaluationReport.process.quorumRate.formula')}
          />
          <Indicator
            name={t('evaluationReport.process.agreementsFulfilled')}
            value={`${share(secretariat.fulfilmentRate)} (${format.number(secretariat.agreementsFulfilled)} / ${format.number(secretariat.agreementsAdopted - secretariat.agreementsCancelled)})`}
            formula={t('evaluationReport.process.agreementsFulfilled.formula', {
              cancelled: format.number(secretariat.agreementsCancelled),
            })}
          />
        </dl>
      ) : (
        <p>{t('evaluationReport.process.noSecretariat')}</p>
      )}
      <H>{t('evaluationReport.process.indicators')}</H>
      <dl class="plan-document__facts">
        <Indicator
          name={t('evaluationReport.indicator.inputsAnswered')}
          value={
            inputs.received
              ? `${share(inputs.share)} (${format.number(inputs.answered)} / ${format.number(inputs.received)})`
              : t('evaluationReport.indicator.noInputs')
          }
          formula={t('evaluationReport.indicator.inputsAnswered.formula')}
        />
        <Indicator
          name={t('evaluationReport.indicator.medianDays')}
          value={inputs.medianDaysToAnswer === null ? '—' : days(inputs.medianDaysToAnswer)}
          formula={t('evaluationReport.indicator.medianDays.formula')}
        />
        <Indicator
          name={t('evaluationReport.indicator.sessionGap')}
          value={
            sessionGap
              ? t(
                  sessionGap.isOpen
                    ? 'evaluationReport.indicator.sessionGap.open'
                    : 'evaluationReport.indicator.sessionGap.value',
                  {
                    days: format.number(sessionGap.days),
                    from: format.calendarDate(sessionGap.from),
                    to: format.calendarDate(sessionGap.to),
                  },
                )
              : t('evaluationReport.indicator.noSessions')
          }
          flag={sessionGap?.isFlagged ? t('evaluationReport.indicator.sessionGap.flag') : undefined}
          formula={t('evaluationReport.indicator.sessionGap.formula')}
        />
        {portal === undefined ? null : (
          <Indicator
            name={t('evaluationReport.indicator.portal')}
            value={
              portal
                ? t('evaluationReport.indicator.portal.value', {
                    days: format.number(portal.days),
                    date: format.calendarDate(portal.lastChangedOn),
                  })
                : '—'
            }
            flag={portal?.isFlagged ? t('evaluationReport.indicator.portal.flag') : undefined}
            formula={t('evaluationReport.indicator.portal.formula')}
          />
        )}
      </dl>
      <p class="hint">{t('evaluationReport.process.asOf', { date: format.calendarDate(props.process.asOf) })}</p>
    </>
  );
}
