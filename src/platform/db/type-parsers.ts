import pg from 'pg';

/**
 * Both drivers must hand back the same JavaScript types, or code tested on
 * PGlite breaks on PostgreSQL. Calendar dates stay `YYYY-MM-DD` strings (a
 * Date would shift with the server's time zone) and bigint counts are numbers,
 * as PGlite already returns them. Arrays of these types are not normalised.
 */
const OID = { INT8: 20, DATE: 1082 } as const;

const asText = (value: string): string => value;

export const pgliteParsers = {
  [OID.DATE]: asText,
};

type GetTypeParser = typeof pg.types.getTypeParser;

const overrides = new Map<number, (value: string) => unknown>([
  [OID.INT8, (value: string) => Number(value)],
  [OID.DATE, asText],
]);

// pg's own signature is overloaded per format; text-format overrides are all we need.
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  (format === undefined || format === 'text' ? overrides.get(oid) : undefined) ??
  pg.types.getTypeParser(oid, format ?? 'text')) as GetTypeParser;

export const pgTypes = { getTypeParser };
