import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';

export interface ContactEntry {
  callTitle: string;
  email: string;
  institution: string;
}

export function ContactPage(props: { contacts: ContactEntry[] }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('contact.title') }]} />
      <PageHeading title={t('contact.title')} lead={t('contact.intro')} />
      {props.contacts.length === 0 ? <p>{t('contact.none')}</p> : null}
      {props.contacts.map((contact) => (
        <section class="panel" key={contact.callTitle}>
          <h2>{contact.institution}</h2>
          <p>{t('contact.emailFor', { title: contact.callTitle })}</p>
          <p>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </p>
        </section>
      ))}
    </>
  );
}
