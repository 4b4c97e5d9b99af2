/**
 * Regions of the demo catalog (config/catalog.json tax rates), with readable
 * names. The catalog endpoint does not list regions yet; when it sends
 * `regions`, those win, and a country missing here gets a free-text field.
 */
export const KNOWN_REGIONS: Record<string, Record<string, string>> = {
  US: { CA: 'California', IL: 'Illinois', NY: 'New York', TX: 'Texas', WA: 'Washington' },
  GB: { ENG: 'England', NIR: 'Northern Ireland', SCT: 'Scotland', WLS: 'Wales' },
  DE: { BE: 'Berlin', BY: 'Bayern', HH: 'Hamburg', NW: 'Nordrhein-Westfalen' },
  JP: { '13': 'Tokyo', '27': 'Osaka' },
  CA: { AB: 'Alberta', BC: 'British Columbia', ON: 'Ontario', QC: 'Quebec' },
  BR: { RJ: 'Rio de Janeiro', SP: 'São Paulo' },
};

export function regionsOf(country: string, fromServer?: string[]): [string, string][] {
  const names = KNOWN_REGIONS[country] ?? {};
  if (fromServer?.length) return fromServer.map((code) => [code, names[code] ?? code]);
  return Object.entries(names);
}
