import { AppError } from '../../../../platform/errors.ts';

export const securityTeamOnly = (): AppError =>
  new AppError({ code: 'SECURITY_TEAM_ONLY', message: 'Only the security team (or a supervisor) can see phishing reports.', status: 403 });

export const reportNotFound = (): AppError => new AppError({ code: 'SAFETY_REPORT_NOT_FOUND', message: 'No such report.', status: 404 });

export const reportAlreadyReviewed = (status: string): AppError =>
  new AppError({ code: 'SAFETY_REPORT_ALREADY_REVIEWED', message: `This report is already ${status}.`, status: 409 });

export const badCursor = (): AppError =>
  new AppError({ code: 'VALIDATION_FAILED', field: 'querystring.cursor', message: 'querystring.cursor: not a page cursor from this list.', status: 400 });
