import { pageSection } from '../../kernel/page-sections.js';
import { emptyForm, type FormState } from '../../web/forms.js';
import { formatters, translator } from '../../web/i18n/i18n.js';
import { adminCallSlot } from '../calls/admin-call-slot.js';
import type { CallWithExercise } from '../calls/get-call.js';
import { countMailingRecipients } from './count-mailing-recipients.js';
import { listCallMailings } from './list-call-mailings.js';
import { MailingSection } from './views/mailing-section.js';

/** The section's id in the admin-call slot: the mailing route shows the page again with its refused form under it. */
export const MAILING_SECTION = 'registrations.mailing';

/** The next-step message prefilled in both languages, to be completed by the admin. */
function defaultMailing(call: CallWithExercise['call'], zone: string): Record<string, string> {
  const texts = (locale: 'es-MX' | 'en') => {
    const t = translator(locale);
    const params = { call: call.title, date: formatters(locale, zone).date(call.closesAt), contact: call.contactEmail };
    return { subject: t('mailing.defaultSubject', params), body: t('mailing.defaultBody', params) };
  };
  const es = texts('es-MX');
  const en = texts('en');
  return { subjectEs: es.subject, bodyEs: es.body, subjectEn: en.subject, bodyEn: en.body };
}

/** The next-step message and its mailings, on the admin page of a call. */
export const mailingSection = pageSection({
  slot: adminCallSlot,
  id: MAILING_SECTION,
  async load({ db, config, now, subject: { call }, state }) {
    const [recipients, mailings] = await Promise.all([
      countMailingRecipients(db, call.id),
      listCallMailings(db, call.id),
    ]);
    const form = (state as FormState | undefined) ?? emptyForm(defaultMailing(call, config.TIME_ZONE));
    return <MailingSection call={call} now={now} recipients={recipients} mailings={mailings} form={form} />;
  },
});
