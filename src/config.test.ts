import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, publicBaseUrl } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded database in ./data, demo on, Durango time zone', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      DEMO_DATA: true,
      TIME_ZONE: 'America/Monterrey',
      DEFAULT_LOCALE: 'es-MX',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 15000,
      DATABASE_START_TIMEOUT_SECONDS: 120,
      READYZ_TIMEOUT_MS: 2000,
    });
  });

  it('names the wrong setting and what it expects', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'abc', TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT="abc": expected a port number');
      expect(message).toContain('TIME_ZONE="Mars/Olympus": expected an IANA time zone');
      expect(message).toContain('DATABASE_URL="mysql://x": expected a postgres:// URL');
    }
  });

  it('reads booleans and treats empty values as unset', () => {
    expect(parseConfig({ DEMO_DATA: 'false', PORT: '' })).toMatchObject({ DEMO_DATA: false, PORT: 3000 });
    expect(() => parseConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA="maybe": expected true or false/);
  });
});

describe('configuration errors', () => {
  it('never print a password from a URL setting', () => {
    expect(() => parseConfig({ SMTP_URL: 'smtp://ana:s3creta@mail example' })).toThrow(
      /SMTP_URL="smtp:\/\/ana:\*\*\*@mail example"/,
    );
    try {
      parseConfig({ SMTP_URL: 'smtp://ana:s3creta@mail example' });
    } catch (error) {
      expect((error as Error).message).not.toContain('s3creta');
    }
  });
});

describe('the public address', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL="": required when NODE_ENV=production/);
    expect(parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://gobiernoabierto.example.mx' }).PUBLIC_URL).toBe(
      'https://gobiernoabierto.example.mx',
    );
  });

  it('is PUBLIC_URL when set, else the address the server listens on', () => {
    expect(publicBaseUrl(parseConfig({ PUBLIC_URL: 'https://gobiernoabierto.example.mx/' }))).toBe(
      'https://gobiernoabierto.example.mx',
    );
    expect(publicBaseUrl(parseConfig({}))).toBe('http://localhost:3000');
    expect(publicBaseUrl(parseConfig({ HOST: '127.0.0.1', PORT: '8080' }))).toBe('http://127.0.0.1:8080');
    expect(publicBaseUrl(parseConfig({ HOST: '0.0.0.0', PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicBaseUrl(parseConfig({ HOST: '::', PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicBaseUrl(parseConfig({ HOST: '::1', PORT: '8080' }))).toBe('http://[::1]:8080');
  });
});
