/** Pure rules of the contact page. */

/** The code the member's app shows under Help (identity's service code: 6 digits). */
export function normaliseServiceCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
