/**
 * Money is integer minor units. Rates arrive as decimal numbers (0.1025), so
 * they are turned into exact fractions and every rounding is done on integers:
 * half-up, once per ledger line, never through floating point.
 */
export type Fraction = { numerator: bigint; denominator: bigint };

const fractionCache = new Map<number, Fraction>();

export function rateToFraction(rate: number): Fraction {
  const cached = fractionCache.get(rate);
  if (cached) return cached;
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`rate must be a finite number ≥ 0, got ${rate}`);
  const [mantissa, exponentText] = rate.toString().toLowerCase().split('e');
  const exponent = Number(exponentText ?? 0);
  const [whole, decimals = ''] = mantissa.split('.');
  let numerator = BigInt(whole + decimals);
  let denominator = 10n ** BigInt(decimals.length);
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  const fraction = { numerator, denominator };
  fractionCache.set(rate, fraction);
  return fraction;
}

/** round(numerator / denominator) with ties going up, for non-negative values. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  if (numerator < 0n) return -divideRoundHalfUp(-numerator, denominator);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** round(amount × part / whole), half-up. */
export function prorate(amount: number, part: number, whole: number): number {
  return Number(divideRoundHalfUp(BigInt(amount) * BigInt(part), BigInt(whole)));
}

export type TaxMode = 'exclusive' | 'inclusive';
export type TaxedAmount = { base: number; tax: number; amount: number };

/** What the member pays for a base price, and the tax inside it. */
export function applyTax(base: number, mode: TaxMode, rate: number): TaxedAmount {
  const { numerator, denominator } = rateToFraction(rate);
  if (mode === 'exclusive') {
    const tax = Number(divideRoundHalfUp(BigInt(base) * numerator, denominator));
    return { base, tax, amount: base + tax };
  }
  const net = Number(divideRoundHalfUp(BigInt(base) * denominator, denominator + numerator));
  return { base, tax: base - net, amount: base };
}
