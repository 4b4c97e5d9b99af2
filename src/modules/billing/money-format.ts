const formats = new Map<string, Intl.NumberFormat>();

/** Formats minor units in the currency's own decimals (JPY has none, USD two). */
export function formatMoney(minorUnits: number, currency: string, locale = 'en'): string {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
