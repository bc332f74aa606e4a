import { Alert } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import type { CallWithExercise } from '../get-call.js';
import { CallPage } from './call-page.js';

/**
 * The public page of a call as it will read once published, under a banner that says it is a preview. A draft is
 * shown as if published, so its window and its sign-up button look as visitors will see them.
 */
export function CallPreviewPage(props: {
  call: CallWithExercise['call'];
  exercise: CallWithExercise['exercise'];
  history: RecordHistoryData;
  now: Date;
}) {
  const { t } = usePage();
  const isDraft = props.call.status === 'draft';
  return (
    <>
      <Alert kind="warning" title={isDraft ? t('calls.preview.banner') : t('calls.preview.publishedBanner')}>
        <p>{isDraft ? t('calls.preview.bannerBody') : t('calls.preview.publishedBody')}</p>
        <p>
          <a href={`/admin/convocatorias/${props.call.id}`}>{t('calls.preview.back')}</a>
        </p>
      </Alert>
      <CallPage
        call={isDraft ? { ...props.call, status: 'published' } : props.call}
        exercise={props.exercise}
        history={props.history}
        now={props.now}
      />
    </>
  );
}
