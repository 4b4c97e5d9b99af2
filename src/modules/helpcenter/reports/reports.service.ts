import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { redactForStorage } from '../../safety/redaction/index.ts';
import { insertTitleReport, type TitleReport, type TitleReportsDb } from './reports.repository.ts';
import type { TitleReportInput } from './title-report.rules.ts';

const redactedOrNull = (text: string | null) => (text === null ? null : redactForStorage(text));

/**
 * Stores a member's report about one title. The title, episode and details
 * are typed freely, so they are kept redacted (card numbers, passwords,
 * codes): the content team reads what is left.
 */
export async function reportTitleProblem(deps: { db: TitleReportsDb; clock: Clock }, input: TitleReportInput): Promise<TitleReport> {
  const report: TitleReport = {
    id: newId('rpt'), title: redactForStorage(input.title), episode: redactedOrNull(input.episode), kind: input.kind, device: input.device,
    playbackSeconds: input.playback_time, details: redactedOrNull(input.details), status: 'new', createdAt: deps.clock.now(),
  };
  await insertTitleReport(deps.db, report);
  return report;
}
