import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../config.js';
import { defaultSender, messageIdFor, senderDomain } from './mailer.js';

describe('mail settings', () => {
  it('accepts smtp:// and smtps:// URLs and refuses anything else with a message that says what is expected', () => {
    expect(parseConfig({ SMTP_URL: 'smtp://cocrea:secret@mail.example.mx:587' }).SMTP_URL).toBe(
      'smtp://cocrea:secret@mail.example.mx:587',
    );
    expect(parseConfig({ SMTP_URL: 'smtps://mail.example.mx' }).SMTP_URL).toBe('smtps://mail.example.mx');
    expect(parseConfig({}).SMTP_URL).toBeUndefined();
    expect(() => parseConfig({ SMTP_URL: 'mail.example.mx' })).toThrow(ConfigError);
    expect(() => parseConfig({ SMTP_URL: 'http://mail.example.mx' })).toThrow(/smtp:\/\/ or smtps:\/\//);
  });

  it('accepts a sender as "Name <address>" or a bare address', () => {
    expect(parseConfig({ MAIL_FROM: 'Cocrea Durango <no-reply@example.mx>' }).MAIL_FROM).toBe(
      'Cocrea Durango <no-reply@example.mx>',
    );
    expect(parseConfig({ MAIL_FROM: 'no-reply@example.mx' }).MAIL_FROM).toBe('no-reply@example.mx');
    expect(() => parseConfig({ MAIL_FROM: 'Cocrea' })).toThrow(/MAIL_FROM/);
  });

  it('has retry settings with sensible defaults and bounds', () => {
    expect(parseConfig({})).toMatchObject({ EMAIL_RETRY_LIMIT: 5, EMAIL_RETRY_DELAY_SECONDS: 30 });
    expect(() => parseConfig({ EMAIL_RETRY_LIMIT: '-1' })).toThrow(/EMAIL_RETRY_LIMIT/);
    expect(() => parseConfig({ EMAIL_RETRY_DELAY_SECONDS: 'soon' })).toThrow(/EMAIL_RETRY_DELAY_SECONDS/);
  });

  it('signs with the site name at the public host by default, and builds Message-IDs on the sender’s domain', () => {
    expect(defaultSender('Cocrea "Durango"', 'https://gobiernoabierto.example.mx')).toBe(
      '"Cocrea Durango" <no-reply@gobiernoabierto.example.mx>',
    );
    expect(defaultSender('Cocrea', undefined)).toBe('"Cocrea" <no-reply@localhost>');
    expect(senderDomain('Cocrea <no-reply@Example.MX>')).toBe('example.mx');
    expect(senderDomain('no-reply@example.mx')).toBe('example.mx');
    expect(messageIdFor('6f1c', 'example.mx')).toBe('<6f1c@example.mx>');
  });
});
