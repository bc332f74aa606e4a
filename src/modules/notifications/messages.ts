import { defineMessages } from '../../web/i18n/define-messages.js';

export const notificationsMessages = defineMessages(
  {
    'notifications.placeholder': '',
  },
  {
    'notifications.placeholder': '',
  },
);
