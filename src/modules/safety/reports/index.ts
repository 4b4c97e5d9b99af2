export {
  reportSuspiciousMessage, listReports, getReport, setReportStatus,
  type IncomingReport, type ReportOutcome, type ReportsContext,
} from './reports.service.ts';
export { REPORT_STATUSES, type SafetyReport, type ReportFilter, type ReportStatus, type ReportSource, type AuthenticationResults, type SafetyReportsTables } from './reports.repository.ts';
export { answerFor, answerAsText, type ReportAnswer, type AnswerAction } from './report-answer.ts';
export { findGenuineMail, originalSubject, SEND_TIME_WINDOW_MS, type SentMailLookup, type GenuineMatch } from './genuine-mail.ts';
export { checkMailAuthentication, type DNSResolver } from './mail-authentication.ts';
export { REFERENCE_PATTERN } from './report.rules.ts';
