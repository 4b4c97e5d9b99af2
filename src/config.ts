import { z } from 'zod';
import { AppError } from './platform/errors.ts';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export type Config = {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded database under `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  logLevel: LogLevel;
  /** Ships the fictional Reelhouse service so a new install shows everything working. */
  demoMode: boolean;
  schedulerEnabled: boolean;
  smtpUrl?: string;
  catalogFile: string;
  /**
   * Whom to believe about the client's address (`X-Forwarded-For`) and
   * protocol: false (default, direct connections), true (any proxy), a number
   * of proxy hops, or the proxies' addresses/CIDRs. Rate limits per address
   * need it behind a reverse proxy, or every member shares the proxy's address.
   */
  trustProxy: boolean | number | string;
  /** Countries (ISO codes) where "find my account with my card" is turned off. */
  findAccountDisabledCountries: string[];
  /** `x-agent-key` for the agents' service-code checks; in demo mode a demo key is used when unset. */
  agentKey?: string;
  /** Key of the admin API (articles, title reports); demo mode accepts `demo-admin-key` without one. */
  adminKey?: string;
  /** Base of links in emails and SMS (`https://watch.example.com`); defaults to `http://localhost:<port>`. */
  publicUrl?: string;
  /** The service whose members report phishing: its name and the only domains it sends from and links to (the scan's "official"). */
  brand: { name: string; domains: string[] };
  /** Where members forward suspicious mail (PRODUCT.md §7) and the SMTP listener that takes it. */
  reportIntake: ReportIntakeConfig;
  /** DKIM signing of the mail Usher sends through SMTP; the domain is the brand's first. */
  dkim?: { selector: string; privateKey: string };
  /**
   * The server's secret for keyed hashes (gift card codes are kept only as
   * HMAC-SHA256 with it). Production sets it, the same on every instance;
   * changing it makes unredeemed cards unrecognisable.
   */
  secretKey?: string;
};

export type ReportIntakeConfig = {
  /** The reporting address (`phishing@reelhouse.example`): the only recipient the listener accepts. */
  address: string;
  /** `null`: no listener (`USHER_SMTP_PORT=0` or `off`). */
  smtpPort: number | null;
  smtpHost: string;
  /** Only these clients (the organisation's mail relay) may connect; empty: anyone who reaches the port. */
  allowedIps: string[];
};

const truthy = ['true', '1', 'yes', 'on'];
const falsy = ['false', '0', 'no', 'off'];

function flag(fallback: boolean) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => truthy.includes(value) || falsy.includes(value), { message: 'must be true or false' })
    .transform((value) => truthy.includes(value))
    .default(fallback);
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  USHER_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
  USHER_DEMO: flag(true),
  USHER_SCHEDULER: flag(true),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  USHER_CATALOG: z.string().trim().min(1).default('config/catalog.json'),
  USHER_TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => truthy.includes(value.toLowerCase()) || falsy.includes(value.toLowerCase()) || /^\d{1,2}$/.test(value) || /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(value), {
      message: 'must be true, false, a number of proxy hops, or comma-separated proxy addresses/CIDRs',
    })
    .transform((value): boolean | number | string => {
      const lower = value.toLowerCase();
      if (truthy.includes(lower) && !/^\d+$/.test(value)) return true;
      if (falsy.includes(lower) && !/^\d+$/.test(value)) return false;
      if (/^\d{1,2}$/.test(value)) return Number(value);
      return value.split(',').map((part) => part.trim()).join(',');
    })
    .default(false),
  USHER_FIND_ACCOUNT_DISABLED: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}(\s*,\s*[A-Za-z]{2})*$/, 'must be comma-separated two-letter country codes, e.g. BR,JP')
    .transform((value) => value.split(',').map((country) => country.trim().toUpperCase()))
    .optional(),
  USHER_AGENT_KEY: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  USHER_ADMIN_KEY: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  USHER_BRAND_NAME: z.string().trim().min(2, 'must be at least 2 characters').default('Reelhouse'),
  USHER_BRAND_DOMAINS: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z0-9-]+(\s*,\s*[a-z0-9.-]+\.[a-z0-9-]+)*$/, 'must be comma-separated domains, e.g. example.com,mail.example.com')
    .transform((value) => value.split(',').map((domain) => domain.trim().replace(/\.$/, '')))
    .default(['reelhouse.example']),
  USHER_REPORT_ADDRESS: z.string().trim().toLowerCase().email('must be an email address').default('phishing@reelhouse.example'),
  USHER_SMTP_PORT: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === 'off' || (/^\d{1,5}$/.test(value) && Number(value) <= 65535), { message: 'must be a port number (1-65535), or 0 or off to turn the listener off' })
    .transform((value) => (value === 'off' || Number(value) === 0 ? null : Number(value)))
    .default(2525),
  USHER_SMTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  USHER_SMTP_ALLOWED_IPS: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F.:]+(\s*,\s*[0-9a-fA-F.:]+)*$/, 'must be comma-separated IP addresses of the mail relay')
    .transform((value) => value.split(',').map((ip) => ip.trim()))
    .optional(),
  USHER_DKIM_PRIVATE_KEY: z
    .string()
    .trim()
    // A key in one line of an .env file carries its line breaks as \n.
    .transform((value) => value.replace(/\\n/g, '\n'))
    .refine((value) => /-----BEGIN (RSA )?PRIVATE KEY-----/.test(value), { message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)' })
    .optional(),
  USHER_DKIM_SELECTOR: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a DNS label, e.g. usher2026').default('usher'),
  USHER_PUBLIC_URL: z.string().trim().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be an http:// or https:// URL').optional(),
  USHER_SECRET_KEY: z.string().trim().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
});

type Env = Record<string, string | undefined>;

/** `PORT=` in a .env file means "not set", not "the empty string". */
function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function describe(value: string | undefined): string {
  return value === undefined ? 'unset' : `got "${value}"`;
}

/** Reads the environment once at start-up; a bad variable stops the process with its name. */
export function loadConfig(env: Env = process.env): Config {
  const source = withoutBlanks(env);
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message} (${describe(source[name])})`;
    });
    const first = parsed.error.issues[0];
    throw new AppError({
      code: 'CONFIG_INVALID',
      message: `Invalid configuration: ${problems.join('; ')}.`,
      ...(first?.path[0] === undefined ? {} : { field: String(first.path[0]) }),
      status: 500,
    });
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    ...(values.DATABASE_URL === undefined ? {} : { databaseUrl: values.DATABASE_URL }),
    dataDir: values.USHER_DATA_DIR,
    logLevel: values.LOG_LEVEL,
    demoMode: values.USHER_DEMO,
    schedulerEnabled: values.USHER_SCHEDULER,
    ...(values.SMTP_URL === undefined ? {} : { smtpUrl: values.SMTP_URL }),
    catalogFile: values.USHER_CATALOG,
    trustProxy: values.USHER_TRUST_PROXY,
    findAccountDisabledCountries: values.USHER_FIND_ACCOUNT_DISABLED ?? [],
    ...(values.USHER_AGENT_KEY === undefined ? {} : { agentKey: values.USHER_AGENT_KEY }),
    ...(values.USHER_ADMIN_KEY === undefined ? {} : { adminKey: values.USHER_ADMIN_KEY }),
    brand: { name: values.USHER_BRAND_NAME, domains: values.USHER_BRAND_DOMAINS },
    reportIntake: {
      address: values.USHER_REPORT_ADDRESS,
      smtpPort: values.USHER_SMTP_PORT,
      smtpHost: values.USHER_SMTP_HOST,
      allowedIps: values.USHER_SMTP_ALLOWED_IPS ?? [],
    },
    ...(values.USHER_DKIM_PRIVATE_KEY === undefined ? {} : { dkim: { selector: values.USHER_DKIM_SELECTOR, privateKey: values.USHER_DKIM_PRIVATE_KEY } }),
    ...(values.USHER_PUBLIC_URL === undefined ? {} : { publicUrl: values.USHER_PUBLIC_URL.replace(/\/+$/, '') }),
    ...(values.USHER_SECRET_KEY === undefined ? {} : { secretKey: values.USHER_SECRET_KEY }),
  };
}
