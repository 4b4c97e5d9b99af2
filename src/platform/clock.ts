/** Time only comes from a clock, so billing runs and expiries can be tested and replayed. */
export type Clock = {
  now(): Date;
  /** The current UTC calendar date, `YYYY-MM-DD`. */
  today(): string;
};

export type SettableClock = Clock & {
  set(isoOrDate: string | Date): void;
  advance(milliseconds: number): void;
};

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => utcDate(new Date()),
};

function toDate(isoOrDate: string | Date): Date {
  const date = new Date(isoOrDate);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(isoOrDate)}`);
  return date;
}

/** A clock that stands still until told otherwise. A bare `YYYY-MM-DD` means midnight UTC. */
export function fixedClock(isoOrDate: string | Date): SettableClock {
  let current = toDate(isoOrDate);
  return {
    // A copy, so a caller mutating the Date cannot move the clock.
    now: () => new Date(current.getTime()),
    today: () => utcDate(current),
    set: (next) => {
      current = toDate(next);
    },
    advance: (milliseconds) => {
      current = new Date(current.getTime() + milliseconds);
    },
  };
}
