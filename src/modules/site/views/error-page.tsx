import { ButtonLink, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';

export function ErrorPage(props: { title: string; body: string; showHomeLink?: boolean }) {
  const { t } = usePage();
  return (
    <>
      <PageHeading title={props.title} lead={props.body} />
      {props.showHomeLink !== false ? <ButtonLink href="/">{t('error.notFound.home')}</ButtonLink> : null}
    </>
  );
}
