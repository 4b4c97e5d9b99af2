/** `billing.multiple_charges` → "Billing: multiple charges". */
export function intentWords(intent: string): string {
  const [area = '', detail] = intent.split('.');
  const words = (value: string) => value.replace(/_/g, ' ');
  const head = words(area).charAt(0).toUpperCase() + words(area).slice(1);
  return detail ? `${head}: ${words(detail)}` : head || 'Conversation';
}
