import type { Deadline } from '../../../api/escalations.ts';

/** "3 d 4 h left", "overdue by 1 d 2 h", "met": a complaint's deadline in days and hours (they run for weeks). */
export function deadlineWords(deadline: Deadline): string {
  if (deadline.remaining_seconds === null) return deadline.overdue ? 'met late' : 'met';
  const seconds = Math.abs(deadline.remaining_seconds);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const span = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return deadline.remaining_seconds < 0 ? `overdue by ${span}` : `${span} left`;
}
