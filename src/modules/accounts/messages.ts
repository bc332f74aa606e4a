import { defineMessages } from '../../web/i18n/define-messages.js';

export const accountsMessages = defineMessages(
  {
    'accounts.placeholder': '',
  },
  {
    'accounts.placeholder': '',
  },
);
