import { defineMessages } from '../../web/i18n/define-messages.js';

export const auditMessages = defineMessages(
  {
    'audit.placeholder': '',
  },
  {
    'audit.placeholder': '',
  },
);
