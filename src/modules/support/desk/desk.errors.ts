import { AppError } from '../../../platform/errors.ts';

export const agentSignInNeeded = (): AppError =>
  new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in to the agent desk.', status: 401 });

/** The same answer whether the email is an agent's or not. */
export const wrongAgentCredentials = (): AppError =>
  new AppError({ code: 'INVALID_CREDENTIALS', message: 'That email and password do not match. Check them and try again.', status: 401 });

/**
 * `supervisorCanUnlock`: the email's own limit (wrong passwords from any
 * address) was reached, which a supervisor can lift; the other limits only
 * time lifts. Unknown emails get the same answers.
 */
export const tooManySignIns = (retryAfterSeconds: number, options: { supervisorCanUnlock?: boolean } = {}): AppError => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const message = options.supervisorCanUnlock
    ? `Too many wrong passwords for this account. ${wait}, or ask a supervisor to unlock your sign-in.`
    : `Too many attempts. ${wait}.`;
  return new AppError({ code: 'RATE_LIMITED', message, status: 429 });
};

export const agentNotFound = (): AppError => new AppError({ code: 'AGENT_NOT_FOUND', message: 'There is no such agent.', status: 404 });

export const caseNotFound = (): AppError => new AppError({ code: 'CASE_NOT_FOUND', message: 'There is no such case.', status: 404 });

export const notYourCase = (): AppError =>
  new AppError({ code: 'CASE_NOT_ASSIGNED', message: 'This case is assigned to another agent. Ask a supervisor if you need to work on it.', status: 403 });

export const supervisorOnly = (what: string): AppError =>
  new AppError({ code: 'SUPERVISOR_ONLY', message: `Only a supervisor can ${what}.`, status: 403 });

export const caseResolved = (): AppError =>
  new AppError({ code: 'CASE_RESOLVED', message: 'This case is already resolved. Nothing more can be done on it.', status: 409 });

export const verificationRequired = (): AppError =>
  new AppError({
    code: 'VERIFICATION_REQUIRED', status: 403,
    message: 'Verify the member first: ask for the 6-digit service code shown under Help in their app, and enter it on the case.',
  });

export const serviceCodeInvalid = (): AppError =>
  new AppError({
    code: 'SERVICE_CODE_INVALID', field: 'code', status: 422,
    message: 'That service code is not valid or has expired. Ask the member to open Help in their app and read you the code shown now.',
  });

export const serviceCodeOtherAccount = (): AppError =>
  new AppError({
    code: 'SERVICE_CODE_OTHER_ACCOUNT', field: 'code', status: 422,
    message: 'That code belongs to a different account from the one this chat is about. Ask the member which account they need help with, and for that account\'s code.',
  });

export const sameQueue = (): AppError =>
  new AppError({ code: 'SAME_QUEUE', field: 'queue', message: 'The case is already in that queue.', status: 422 });

export const notOnCase = (what: string): AppError =>
  new AppError({ code: 'NOT_ON_CASE', message: `${what} is not part of the verified account.`, status: 422 });

export const notSameCard = (): AppError =>
  new AppError({
    code: 'NOT_SAME_CARD', field: 'membership_id', status: 422,
    message: 'Only a second membership paid with the same card as the verified account can be cancelled from the desk.',
  });

/** `what`: the action, as in "Only the account owner can remove an extra member." */
export const ownerOnly = (what = 'remove an extra member'): AppError =>
  new AppError({ code: 'OWNER_ONLY', message: `Only the account owner can ${what}. The verified account is an extra member's.`, status: 422 });

export const adminKeyNeeded = (): AppError =>
  new AppError({ code: 'UNAUTHENTICATED', message: 'Adding agents needs the admin key (header x-admin-key).', status: 401 });

export const agentEmailTaken = (): AppError =>
  new AppError({ code: 'AGENT_EMAIL_TAKEN', field: 'email', message: 'An agent already uses this email.', status: 409 });

export const serviceCodeNotAsked = (): AppError =>
  new AppError({ code: 'SERVICE_CODE_NOT_ASKED', message: 'Nobody is waiting for your service code in this chat. The agent will ask for it when they need it.', status: 409 });

export const alreadyVerified = (): AppError =>
  new AppError({ code: 'ALREADY_VERIFIED', message: 'The member is already verified on this case.', status: 409 });

/** A wrong code typed by the member themselves, with the tries left on this request. */
export const memberCodeInvalid = (message: string): AppError =>
  new AppError({ code: 'SERVICE_CODE_INVALID', field: 'code', message, status: 422 });
