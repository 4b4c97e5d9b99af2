import { z } from 'zod';
import { DEVICE_KINDS } from '../flows/index.ts';

/** The problems a member can report about one title (PRODUCT.md §4). */
export const PROBLEM_KINDS = [
  'subtitles_missing', 'subtitles_wrong', 'subtitles_out_of_sync', 'wrong_audio', 'poor_picture', 'buffering_one_title', 'wrong_episode', 'ends_early', 'advertisement',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  subtitles_missing: 'Subtitles are missing',
  subtitles_wrong: 'Subtitles are wrong (words, language)',
  subtitles_out_of_sync: 'Subtitles are out of sync',
  wrong_audio: 'Wrong audio or language, or no sound',
  poor_picture: 'Poor picture quality',
  buffering_one_title: 'Buffers on this title only',
  wrong_episode: 'The wrong episode plays',
  ends_early: 'It ends early or cuts off',
  advertisement: 'A problem with an advertisement',
};

const PLAYBACK_TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/;

/** `1:02:03` or `01:02:03` → seconds; null when it is not h:mm:ss. */
export function parsePlaybackTime(text: string): number | null {
  const match = PLAYBACK_TIME.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

export function formatPlaybackTime(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('').transform((value) => (value === '' ? null : value));

/** What the form and the API accept; messages are shown next to the field. */
export const titleReportInput = z.object({
  title: z.string().trim().min(1, 'Tell us the name of the show or film').max(200, 'must be at most 200 characters'),
  episode: optionalText(100),
  kind: z.enum(PROBLEM_KINDS, { message: 'Choose what is wrong' }),
  device: z.enum(DEVICE_KINDS, { message: 'Choose the device you watched on' }),
  playback_time: z.string().trim().default('')
    .refine((value) => value === '' || parsePlaybackTime(value) !== null, 'Write the time as hh:mm:ss, for example 00:42:10')
    .transform((value) => (value === '' ? null : (parsePlaybackTime(value) as number))),
  details: optionalText(2000),
});

export type TitleReportInput = z.output<typeof titleReportInput>;
export type TitleReportFields = z.input<typeof titleReportInput>;

/** Field → first problem, for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? 'form');
    errors[name] ??= issue.message;
  }
  return errors;
}
