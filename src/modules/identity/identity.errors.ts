import { AppError } from '../../platform/errors.ts';
import { retryMessage, signInLockedMessage } from './rate-limit.rules.ts';

export const unauthenticated = (): AppError =>
  new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.', status: 401 });

export const forbidden = (): AppError =>
  new AppError({ code: 'FORBIDDEN', message: 'Only the account owner can do this.', status: 403 });

/** Only after the right password: an extra member whose access ended learns why they cannot sign in. */
export const accessEnded = (accessUntil: string): AppError =>
  new AppError({ code: 'ACCESS_ENDED', message: `Your access as an extra member ended on ${accessUntil}. Ask the account owner to invite you again.`, status: 403 });

export const csrfFailed = (): AppError =>
  new AppError({ code: 'CSRF_FAILED', message: 'This page is out of date. Reload it and try again.', status: 403 });

/** The same answer whether the login exists or not. */
export const invalidCredentials = (): AppError =>
  new AppError({ code: 'INVALID_CREDENTIALS', message: 'That email or phone number and password do not match. Check them and try again.', status: 401 });

export const wrongCurrentPassword = (): AppError =>
  new AppError({ code: 'INVALID_CREDENTIALS', message: 'Your current password is not correct.', field: 'current_password', status: 400 });

export const resetInvalid = (): AppError =>
  new AppError({ code: 'RESET_INVALID', message: 'This link or code has expired or was replaced by a newer one. Ask for a new one.', status: 400 });

export const undoInvalid = (): AppError =>
  new AppError({ code: 'UNDO_INVALID', message: 'This undo link has expired or was already used. Contact us if your account was changed without you.', status: 400 });

export const emailTaken = (): AppError =>
  new AppError({ code: 'EMAIL_TAKEN', message: 'An account already uses this email. Sign in, or use login help if you forgot the password.', field: 'email', status: 409 });

export const phoneTaken = (): AppError =>
  new AppError({ code: 'PHONE_TAKEN', message: 'An account already uses this phone number.', field: 'phone', status: 409 });

export const weakPassword = (field = 'password'): AppError =>
  new AppError({ code: 'VALIDATION_FAILED', message: 'Choose a password of at least 10 characters.', field, status: 400 });

export const notFound = (): AppError =>
  new AppError({ code: 'NOT_FOUND', message: 'There is no such device on your account.', status: 404 });

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = retryMessage(retryAfterSeconds)) {
    super({ code: 'RATE_LIMITED', message, status: 429 });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Sign-in held by the limits: the answer names the way in that they do not hold (login help). */
export const signInLocked = (retryAfterSeconds: number): RateLimitedError => new RateLimitedError(retryAfterSeconds, signInLockedMessage(retryAfterSeconds));
