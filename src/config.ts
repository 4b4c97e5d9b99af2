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
  };
}
