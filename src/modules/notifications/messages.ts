import { defineMessages } from '../../web/i18n/define-messages.js';
import type { KeysOf } from '../../web/i18n/catalog.js';

export const notificationsMessages = defineMessages(
  {
    'notifications.email.greeting': 'Hola, {name}:',
    'notifications.email.buttonFallback': 'Si el botón no funciona, copia esta dirección en tu navegador:',
    'notifications.email.expires': 'Este enlace vence en {duration} y solo se puede usar una vez.',
    'notifications.email.signOff': 'Saludos,',
    'notifications.email.team': 'El equipo de {site}',
    'notifications.email.automatic': 'Este es un mensaje automático de {site}; por favor no lo respondas.',
    'notifications.duration.minute': '1 minuto',
    'notifications.duration.minutes': '{count} minutos',
    'notifications.duration.hour': '1 hora',
    'notifications.duration.hours': '{count} horas',
    'notifications.duration.days': '{count} días',
    'notifications.confirmEmail.subject': 'Confirma tu correo en {site}',
    'notifications.confirmEmail.intro':
      'Gracias por crear tu cuenta en {site}. Para confirmar que este correo es tuyo, abre este enlace:',
    'notifications.confirmEmail.action': 'Confirmar mi correo',
    'notifications.confirmEmail.ignore':
      'Si no creaste una cuenta, ignora este mensaje: no haremos nada con tu correo.',
    'notifications.signInLink.subject': 'Tu enlace para entrar a {site}',
    'notifications.signInLink.intro': 'Pediste entrar a {site} sin contraseña. Abre este enlace para entrar:',
    'notifications.signInLink.action': 'Entrar a {site}',
    'notifications.signInLink.ignore':
      'Si no lo pediste, ignora este mensaje: sin este enlace nadie puede entrar a tu cuenta.',
    'notifications.resetPassword.subject': 'Elige una contraseña nueva para {site}',
    'notifications.resetPassword.intro':
      'Recibimos una solicitud para cambiar la contraseña de tu cuenta en {site}. Abre este enlace para elegir una nueva:',
    'notifications.resetPassword.action': 'Elegir una contraseña nueva',
    'notifications.resetPassword.ignore': 'Si no la pediste, ignora este mensaje: tu contraseña sigue siendo la misma.',
    'notifications.changeEmail.subject': 'Confirma tu nuevo correo en {site}',
    'notifications.changeEmail.intro':
      'Pediste usar esta dirección en tu cuenta de {site}. Para confirmarla, abre este enlace:',
    'notifications.changeEmail.action': 'Confirmar mi nuevo correo',
    'notifications.changeEmail.ignore':
      'Si no lo pediste, ignora este mensaje: tu cuenta seguirá usando el correo anterior.',
    'notifications.emailChanged.subject': 'El correo de tu cuenta en {site} cambió',
    'notifications.emailChanged.intro':
      'El correo de tu cuenta en {site} ahora es {email}. Desde ahora te escribiremos allá y se cerraron las demás sesiones abiertas de tu cuenta.',
    'notifications.emailChanged.notYou':
      'Si no fuiste tú, alguien más puede estar usando tu cuenta: escríbenos desde la página de contacto cuanto antes.',
    'notifications.emailChanged.action': 'Ir a la página de contacto',
    'notifications.invitation.subject': '{inviter} te invita a {site}',
    'notifications.invitation.intro':
      '{inviter} te invita a participar en {site} con el rol de {role}. Para aceptar, abre este enlace y elige tu contraseña:',
    'notifications.invitation.action': 'Aceptar la invitación',
    'notifications.invitation.ignore': 'Si no esperabas esta invitación, ignora este mensaje.',
    'notifications.confirmRegistration.subject': 'Confirma tu inscripción a la convocatoria (folio {reference})',
    'notifications.confirmRegistration.subjectUpdate': 'Confirma los cambios a tu inscripción (folio {reference})',
    'notifications.confirmRegistration.intro':
      'Recibimos tu manifestación de interés para participar, de manera honoraria, en «{call}». Para que tu inscripción cuente, confirma que este correo es tuyo:',
    'notifications.confirmRegistration.introUpdate':
      'Recibimos cambios a tu inscripción en «{call}». Solo se guardarán si confirmas que este correo es tuyo:',
    'notifications.confirmRegistration.action': 'Confirmar mi inscripción',
    'notifications.confirmRegistration.next':
      'Qué sigue: la convocatoria cierra el {closesOn}. Después, el órgano garante te escribirá a este correo con el siguiente paso. Tu folio es {reference}.',
    'notifications.confirmRegistration.ignore':
      'Si no te inscribiste, ignora este mensaje: sin tu confirmación no guardaremos nada.',
    'notifications.template.confirm_registration': 'Confirmación de inscripción',
    'notifications.template.confirm_email': 'Confirmación de correo',
    'notifications.template.sign_in_link': 'Enlace para entrar',
    'notifications.template.reset_password': 'Cambio de contraseña',
    'notifications.template.change_email': 'Cambio de correo',
    'notifications.template.email_changed': 'Aviso de cambio de correo',
    'notifications.template.invitation': 'Invitación',
    'notifications.template.notice': 'Aviso',
    'notifications.template.session_notice': 'Convocatoria a sesión del Secretariado',
    'notifications.template.follow_update': 'Novedad de lo que sigues',
    'notifications.template.follow_digest': 'Resumen semanal de lo que sigues',
    'notifications.status.queued': 'En cola',
    'notifications.status.sending': 'Enviándose',
    'notifications.status.sent': 'Enviado',
    'notifications.status.failed': 'No se pudo enviar',
    'notifications.outbox.title': 'Correo del portal',
    'notifications.outbox.lead': 'Cada correo que el portal envía o tiene pendiente, del más reciente al más antiguo.',
    'notifications.outbox.noSmtp':
      'No hay un servidor de correo configurado (SMTP_URL), así que el portal no envía correos: quedan aquí, en cola, para que los leas. Cuando se configure, se enviarán los que sigan en cola.',
    'notifications.outbox.filter': 'Mostrar',
    'notifications.outbox.all': 'Todos',
    'notifications.outbox.caption': 'Correos: {shown} de {total}',
    'notifications.outbox.empty': 'No hay correos con este estado.',
    'notifications.outbox.date': 'Fecha',
    'notifications.outbox.to': 'Para',
    'notifications.outbox.subject': 'Asunto',
    'notifications.outbox.template': 'Tipo',
    'notifications.outbox.status': 'Estado',
    'notifications.outbox.attempts': 'Intentos',
    'notifications.outbox.lastError': 'Último error',
    'notifications.outbox.nextAttempt': 'Próximo intento: {date}',
    'notifications.outbox.horizon':
      'Si el servidor de correo no responde, cada correo se vuelve a intentar, con esperas cada vez más largas (hasta 30 minutos), durante {hours} horas; después queda como «no se pudo enviar».',
    'notifications.outbox.alarmTitle': 'Hay correos sin enviar desde hace más de una hora',
    'notifications.outbox.alarm':
      'El correo más antiguo sin enviar se escribió el {date}. Revisa que el servidor de correo esté disponible; los correos se seguirán intentando.',
    'notifications.outbox.retryFailed': 'Volver a intentar los {count} correos que no se pudieron enviar',
    'notifications.outbox.retryFailedHint':
      'Se volverán a intentar en el próximo minuto, con el mismo contenido y el mismo enlace.',
    'notifications.outbox.retried': 'Se volverán a intentar {count} correos en el próximo minuto.',
    'notifications.email.title': 'Correo: {subject}',
    'notifications.email.details': 'Datos del envío',
    'notifications.email.language': 'Idioma',
    'notifications.email.sentAt': 'Enviado',
    'notifications.email.messageId': 'Message-ID',
    'notifications.email.text': 'Texto del mensaje',
    'notifications.email.html': 'Ver el HTML del mensaje como texto',
    'notifications.email.back': 'Volver al correo del portal',
  },
  {
    'notifications.email.greeting': 'Hello {name},',
    'notifications.email.buttonFallback': 'If the button does not work, copy this address into your browser:',
    'notifications.email.expires': 'This link expires in {duration} and can be used only once.',
    'notifications.email.signOff': 'Regards,',
    'notifications.email.team': 'The {site} team',
    'notifications.email.automatic': 'This is an automatic message from {site}; please do not reply to it.',
    'notifications.duration.minute': '1 minute',
    'notifications.duration.minutes': '{count} minutes',
    'notifications.duration.hour': '1 hour',
    'notifications.duration.hours': '{count} hours',
    'notifications.duration.days': '{count} days',
    'notifications.confirmEmail.subject': 'Confirm your e-mail address on {site}',
    'notifications.confirmEmail.intro':
      'Thank you for creating your account on {site}. To confirm that this address is yours, open this link:',
    'notifications.confirmEmail.action': 'Confirm my e-mail address',
    'notifications.confirmEmail.ignore':
      'If you did not create an account, ignore this message: nothing will be done with your address.',
    'notifications.signInLink.subject': 'Your link to sign in to {site}',
    'notifications.signInLink.intro': 'You asked to sign in to {site} without a password. Open this link to sign in:',
    'notifications.signInLink.action': 'Sign in to {site}',
    'notifications.signInLink.ignore':
      'If you did not ask for it, ignore this message: without this link nobody can get into your account.',
    'notifications.resetPassword.subject': 'Choose a new password for {site}',
    'notifications.resetPassword.intro':
      'We received a request to change the password of your account on {site}. Open this link to choose a new one:',
    'notifications.resetPassword.action': 'Choose a new password',
    'notifications.resetPassword.ignore':
      'If you did not ask for it, ignore this message: your password stays the same.',
    'notifications.emailChanged.subject': 'The e-mail address of your account on {site} has changed',
    'notifications.emailChanged.intro':
      'The e-mail address of your account on {site} is now {email}. From now on we will write to it, and the other open sessions of your account were closed.',
    'notifications.emailChanged.notYou':
      'If it was not you, someone else may be using your account: write to us from the contact page as soon as possible.',
    'notifications.emailChanged.action': 'Go to the contact page',
    'notifications.changeEmail.subject': 'Confirm your new e-mail address on {site}',
    'notifications.changeEmail.intro':
      'You asked to use this address for your account on {site}. To confirm it, open this link:',
    'notifications.changeEmail.action': 'Confirm my new address',
    'notifications.changeEmail.ignore':
      'If you did not ask for it, ignore this message: your account keeps its current address.',
    'notifications.invitation.subject': '{inviter} invites you to {site}',
    'notifications.invitation.intro':
      '{inviter} invites you to take part in {site} with the role of {role}. To accept, open this link and choose your password:',
    'notifications.invitation.action': 'Accept the invitation',
    'notifications.invitation.ignore': 'If you were not expecting this invitation, ignore this message.',
    'notifications.confirmRegistration.subject': 'Confirm your sign-up for the call (reference {reference})',
    'notifications.confirmRegistration.subjectUpdate': 'Confirm the changes to your sign-up (reference {reference})',
    'notifications.confirmRegistration.intro':
      'We received your request to take part, as an unpaid volunteer, in “{call}”. For your sign-up to count, confirm that this e-mail address is yours:',
    'notifications.confirmRegistration.introUpdate':
      'We received changes to your sign-up for “{call}”. They will only be saved if you confirm that this e-mail address is yours:',
    'notifications.confirmRegistration.action': 'Confirm my sign-up',
    'notifications.confirmRegistration.next':
      'What happens next: the call closes on {closesOn}. After that, the guarantor body will write to this address with the next step. Your reference is {reference}.',
    'notifications.confirmRegistration.ignore':
      'If you did not sign up, ignore this message: without your confirmation nothing is kept.',
    'notifications.template.confirm_registration': 'Sign-up confirmation',
    'notifications.template.confirm_email': 'E-mail confirmation',
    'notifications.template.sign_in_link': 'Sign-in link',
    'notifications.template.reset_password': 'Password change',
    'notifications.template.change_email': 'E-mail change',
    'notifications.template.email_changed': 'E-mail change notice',
    'notifications.template.invitation': 'Invitation',
    'notifications.template.notice': 'Notice',
    'notifications.template.session_notice': 'Notice of a Secretariat session',
    'notifications.template.follow_update': 'Update on something you follow',
    'notifications.template.follow_digest': 'Weekly digest of what you follow',
    'notifications.status.queued': 'Queued',
    'notifications.status.sending': 'Sending',
    'notifications.status.sent': 'Sent',
    'notifications.status.failed': 'Could not be sent',
    'notifications.outbox.title': 'Portal e-mail',
    'notifications.outbox.lead': 'Every e-mail the portal sends or has pending, newest first.',
    'notifications.outbox.noSmtp':
      'No mail server is configured (SMTP_URL), so the portal sends no e-mail: messages stay here, queued, for you to read. Once one is configured, those still queued will be sent.',
    'notifications.outbox.filter': 'Show',
    'notifications.outbox.all': 'All',
    'notifications.outbox.caption': 'E-mails: {shown} of {total}',
    'notifications.outbox.empty': 'There are no e-mails with this status.',
    'notifications.outbox.date': 'Date',
    'notifications.outbox.to': 'To',
    'notifications.outbox.subject': 'Subject',
    'notifications.outbox.template': 'Kind',
    'notifications.outbox.status': 'Status',
    'notifications.outbox.attempts': 'Attempts',
    'notifications.outbox.lastError': 'Last error',
    'notifications.outbox.nextAttempt': 'Next try: {date}',
    'notifications.outbox.horizon':
      'When the mail server does not answer, each e-mail is tried again, waiting longer each time (up to 30 minutes), for {hours} hours; after that it is marked “could not be sent”.',
    'notifications.outbox.alarmTitle': 'Some e-mails have been waiting for more than an hour',
    'notifications.outbox.alarm':
      'The oldest unsent e-mail was written on {date}. Check that the mail server is reachable; the portal keeps trying to send them.',
    'notifications.outbox.retryFailed': 'Retry the {count} e-mails that could not be sent',
    'notifications.outbox.retryFailedHint': 'They will be tried within a minute, with the same content and link.',
    'notifications.outbox.retried': '{count} e-mails will be tried again within a minute.',
    'notifications.email.title': 'E-mail: {subject}',
    'notifications.email.details': 'Delivery details',
    'notifications.email.language': 'Language',
    'notifications.email.sentAt': 'Sent',
    'notifications.email.messageId': 'Message-ID',
    'notifications.email.text': 'Text of the message',
    'notifications.email.html': 'View the HTML of the message as text',
    'notifications.email.back': 'Back to portal e-mail',
  },
);

declare module '../../web/i18n/catalog.js' {
  interface ModuleMessageKeys extends KeysOf<typeof notificationsMessages> {}
}
