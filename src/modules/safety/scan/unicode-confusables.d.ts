// The package ships its declarations under a misspelt name (index.ts.d), so TypeScript cannot find them.
declare module 'unicode-confusables' {
  export type ConfusablePoint = { point: string; similarTo?: string };
  export function isConfusing(input: string): boolean;
  export function confusables(input: string): ConfusablePoint[];
  export function rectifyConfusion(input: string): string;
}
