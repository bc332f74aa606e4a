import { describe, expect, it } from 'vitest';
import { renderEmail, templateNames, type TemplateName, type TemplateParams } from './templates.js';
// The modules' texts, installed as the server does.
import '../../registry.js';

const link = {
  name: 'Ana López',
  url: 'https://portal.example.mx/confirmar/abc',
  siteName: 'Cocrea Durango',
  expiresInHours: 24,
};
const examples: { [T in TemplateName]: TemplateParams[T] } = {
  confirm_email: link,
  sign_in_link: { ...link, expiresInHours: undefined, expiresInMinutes: 15 },
  reset_password: { ...link, expiresInHours: undefined, expiresInMinutes: 60 },
  change_email: link,
  email_changed: { name: 'Ana López', siteName: 'Cocrea Durango', newEmail: 'ana.nueva@example.mx', url: link.url },
  invitation: { ...link, expiresInHours: 7 * 24, inviterName: 'Luis Pérez', roleLabel: 'Facilitación' },
  confirm_registration: {
    ...link,
    callTitle: 'Convocatoria del Tercer PAL',
    reference: 'SUM-2026-00042',
    isUpdate: false,
    closesOn: '15 de noviembre de 2020',
  },
  notice: {
    name: 'Ana López',
    siteName: 'Cocrea Durango',
    subject: 'Sesión del Secretariado',
    body: 'La sesión será el lunes.\n\nTrae tu identificación.',
  },
  follow_update: {
    name: 'Ana López',
    siteName: 'Cocrea Durango',
    followsUrl: 'https://portal.example.mx/cuenta/seguimientos',
    targets: [
      {
        title: 'Red de apoyo',
        url: 'https://portal.example.mx/confirmar/abc',
        unfollowUrl: 'https://portal.example.mx/seguimientos/baja/x',
        changes: [{ kind: 'updated', actorLabel: 'Enlace institucional', when: '1 de diciembre de 2026, 6:00' }],
      },
    ],
  },
  follow_digest: {
    name: 'Ana López',
    siteName: 'Cocrea Durango',
    followsUrl: 'https://portal.example.mx/cuenta/seguimientos',
    targets: [
      {
        title: 'Red de apoyo',
        url: 'https://portal.example.mx/confirmar/abc',
        unfollowUrl: 'https://portal.example.mx/seguimientos/baja/x',
        changes: [{ kind: 'comment', actorLabel: 'Persona participante', when: '1 de diciembre de 2026, 6:00' }],
      },
    ],
  },
  session_notice: {
    ...link,
    sessionTitle: 'Sesión ordinaria 3',
    when: '3 de diciembre de 2020, 11:00',
    where: 'Sala de juntas',
    agenda: ['Lista y quórum'],
  },
};

describe('e-mail templates', () => {
  it.each(templateNames)(
    '%s has a subject, a text and an HTML body in Spanish and in English, signed with the site name',
    (name) => {
      for (const locale of ['es-MX', 'en'] as const) {
        const email = renderEmail(name, locale, examples[name] as never);
        expect(email.subject.length).toBeGreaterThan(5);
        expect(email.text).toContain('Ana López');
        expect(email.text).toContain('Cocrea Durango');
        expect(email.html).toContain(`<html lang="${locale}">`);
        expect(email.html).toContain('Cocrea Durango');
        if (name !== 'notice') {
          expect(email.text).toContain('https://portal.example.mx/confirmar/abc');
          expect(email.html).toContain('href="https://portal.example.mx/confirmar/abc"');
        }
      }
    },
  );

  it('says in the reader’s language when the link expires', () => {
    expect(renderEmail('confirm_email', 'es-MX', link).text).toContain('Este enlace vence en 24 horas');
    expect(renderEmail('confirm_email', 'en', link).text).toContain('This link expires in 24 hours');
    expect(renderEmail('sign_in_link', 'es-MX', examples.sign_in_link).text).toContain('vence en 15 minutos');
    expect(renderEmail('reset_password', 'es-MX', examples.reset_password).text).toContain('vence en 1 hora ');
    expect(renderEmail('reset_password', 'en', examples.reset_password).text).toContain('expires in 1 hour ');
    expect(renderEmail('invitation', 'es-MX', examples.invitation).text).toContain('vence en 7 días');
  });

  it('writes Spanish and English texts', () => {
    const es = renderEmail('confirm_email', 'es-MX', link);
    const en = renderEmail('confirm_email', 'en', link);
    expect(es.subject).toBe('Confirma tu correo en Cocrea Durango');
    expect(es.text).toMatch(/^Hola, Ana López:\n\n/);
    expect(en.subject).toBe('Confirm your e-mail address on Cocrea Durango');
    expect(en.text).toMatch(/^Hello Ana López,\n\n/);
    const invitation = renderEmail('invitation', 'es-MX', examples.invitation);
    expect(invitation.subject).toBe('Luis Pérez te invita a Cocrea Durango');
    expect(invitation.text).toContain('con el rol de Facilitación');
  });

  it('escapes every parameter in the HTML', () => {
    const hostile = '<script>alert("x")</script> & <b>Co</b>';
    const email = renderEmail('invitation', 'es-MX', {
      ...examples.invitation,
      name: hostile,
      inviterName: hostile,
      roleLabel: hostile,
      siteName: hostile,
      url: 'https://portal.example.mx/a?b=1&c="2"><script>',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(email.html).toContain('href="https://portal.example.mx/a?b=1&amp;c=&quot;2&quot;&gt;&lt;script&gt;"');
    // The plain text is plain: nothing to escape, nothing lost.
    expect(email.text).toContain(hostile);
  });

  it('keeps an admin notice’s paragraphs, escaped, and its subject on one line', () => {
    const email = renderEmail('notice', 'es-MX', {
      ...examples.notice,
      subject: 'Aviso\r\nBcc: otra@example.mx',
      body: 'Primera <i>línea</i>\nsegunda\n\n\nOtro párrafo',
    });
    expect(email.subject).toBe('Aviso Bcc: otra@example.mx');
    expect(email.html).toContain('Primera &lt;i&gt;línea&lt;/i&gt;<br>segunda</p>');
    expect(email.html).toContain('>Otro párrafo</p>');
    expect(email.text).toContain('Primera <i>línea</i>\nsegunda\n\nOtro párrafo');
  });

  it('refuses links that are not http(s)', () => {
    expect(() => renderEmail('sign_in_link', 'es-MX', { ...link, url: 'javascript:alert(1)' })).toThrow(/http/);
  });
});
