import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { AppError } from './platform/errors.ts';

function refusal(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig', () => {
  it('starts a demo on port 3000 with the embedded database when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      logLevel: 'info',
      demoMode: true,
      schedulerEnabled: true,
      catalogFile: 'config/catalog.json',
      trustProxy: false,
      findAccountDisabledCountries: [],
      brand: { name: 'Reelhouse', domains: ['reelhouse.example'] },
      reportIntake: { address: 'phishing@reelhouse.example', smtpPort: 2525, smtpHost: '127.0.0.1', allowedIps: [] },
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://usher:secret@db:5432/usher',
      USHER_DATA_DIR: '/var/lib/usher',
      LOG_LEVEL: 'debug',
      USHER_DEMO: 'false',
      USHER_SCHEDULER: 'off',
      SMTP_URL: 'smtp://mail:25',
      USHER_CATALOG: '/etc/usher/catalog.json',
      USHER_TRUST_PROXY: 'true',
      USHER_FIND_ACCOUNT_DISABLED: 'br, jp',
      USHER_AGENT_KEY: 'a-long-agent-key-for-the-desk',
      USHER_PUBLIC_URL: 'https://watch.example.com/',
      USHER_BRAND_NAME: 'Watchly',
      USHER_BRAND_DOMAINS: 'watchly.com, Mail.Watchly.com',
      USHER_REPORT_ADDRESS: 'Phishing@Watchly.com',
      USHER_SMTP_PORT: '2626',
      USHER_SMTP_HOST: '0.0.0.0',
      USHER_SMTP_ALLOWED_IPS: '10.0.0.5, 10.0.0.6',
      USHER_DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----',
      USHER_DKIM_SELECTOR: 'usher2026',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://usher:secret@db:5432/usher',
      dataDir: '/var/lib/usher',
      logLevel: 'debug',
      demoMode: false,
      schedulerEnabled: false,
      smtpUrl: 'smtp://mail:25',
      catalogFile: '/etc/usher/catalog.json',
      trustProxy: true,
      findAccountDisabledCountries: ['BR', 'JP'],
      agentKey: 'a-long-agent-key-for-the-desk',
      publicUrl: 'https://watch.example.com',
      brand: { name: 'Watchly', domains: ['watchly.com', 'mail.watchly.com'] },
      reportIntake: { address: 'phishing@watchly.com', smtpPort: 2626, smtpHost: '0.0.0.0', allowedIps: ['10.0.0.5', '10.0.0.6'] },
      dkim: { selector: 'usher2026', privateKey: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' },
    });
  });

  it('turns the reporting address\'s SMTP listener off with 0 or off, and refuses a bad port, address or key', () => {
    expect(loadConfig({ USHER_SMTP_PORT: '0' }).reportIntake.smtpPort).toBeNull();
    expect(loadConfig({ USHER_SMTP_PORT: 'OFF' }).reportIntake.smtpPort).toBeNull();
    expect(refusal({ USHER_SMTP_PORT: '70000' }).message).toMatch(/USHER_SMTP_PORT must be a port number/);
    expect(refusal({ USHER_REPORT_ADDRESS: 'phishing' }).message).toMatch(/USHER_REPORT_ADDRESS must be an email address/);
    expect(refusal({ USHER_DKIM_PRIVATE_KEY: 'not a key' }).message).toMatch(/USHER_DKIM_PRIVATE_KEY must be a PEM private key/);
    expect(refusal({ USHER_SMTP_ALLOWED_IPS: 'relay.example.com' }).message).toMatch(/USHER_SMTP_ALLOWED_IPS must be comma-separated IP addresses/);
  });

  it('trusts a proxy as told: on/off, a number of hops, or the proxies\' addresses', () => {
    expect(loadConfig({ USHER_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ USHER_TRUST_PROXY: 'YES' }).trustProxy).toBe(true);
    expect(loadConfig({ USHER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ USHER_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(refusal({ USHER_TRUST_PROXY: 'the load balancer' }).message).toMatch(/USHER_TRUST_PROXY must be/);
  });

  it('refuses a find-account switch that is not a list of country codes, a short agent key and a public URL without a scheme', () => {
    expect(refusal({ USHER_FIND_ACCOUNT_DISABLED: 'Brazil' }).message).toMatch(/USHER_FIND_ACCOUNT_DISABLED must be comma-separated two-letter country codes/);
    expect(refusal({ USHER_AGENT_KEY: 'short' }).message).toMatch(/USHER_AGENT_KEY must be at least 16 characters/);
    expect(refusal({ USHER_PUBLIC_URL: 'watch.example.com' }).message).toMatch(/USHER_PUBLIC_URL must be an http/);
    expect(refusal({ USHER_BRAND_DOMAINS: 'https://watchly.com' }).message).toMatch(/USHER_BRAND_DOMAINS must be comma-separated domains/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000 });
    expect(loadConfig({ DATABASE_URL: '' })).not.toHaveProperty('databaseUrl');
  });

  it('accepts flags in any case and as 1/0, yes/no', () => {
    expect(loadConfig({ USHER_DEMO: 'FALSE', USHER_SCHEDULER: '0' })).toMatchObject({ demoMode: false, schedulerEnabled: false });
    expect(loadConfig({ USHER_DEMO: 'Yes', USHER_SCHEDULER: '1' })).toMatchObject({ demoMode: true, schedulerEnabled: true });
  });

  it('names the variable and the bad value when a port is not a number', () => {
    const error = refusal({ PORT: 'eighty' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.field).toBe('PORT');
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('"eighty"');
  });

  it('refuses a port out of range, a non-PostgreSQL database URL and an unknown log level', () => {
    expect(refusal({ PORT: '70000' }).message).toMatch(/PORT must be between 0 and 65535/);
    expect(refusal({ DATABASE_URL: 'mysql://db/usher' }).message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(refusal({ LOG_LEVEL: 'loud' }).message).toMatch(/LOG_LEVEL must be one of/);
    expect(refusal({ USHER_DEMO: 'maybe' }).message).toMatch(/USHER_DEMO must be true or false/);
    expect(refusal({ SMTP_URL: 'http://mail' }).message).toMatch(/SMTP_URL/);
  });

  it('reports every bad variable at once', () => {
    const message = refusal({ PORT: 'x', LOG_LEVEL: 'loud' }).message;
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
  });
});
