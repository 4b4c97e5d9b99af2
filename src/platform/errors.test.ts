import { describe, expect, it } from 'vitest';
import { AppError, statusForCode } from './errors.ts';

describe('AppError', () => {
  it('answers 422 for a business refusal unless told otherwise', () => {
    expect(new AppError({ code: 'BILLING_PAUSE_LIMIT', message: 'You can pause twice a year.' }).status).toBe(422);
    expect(new AppError({ code: 'BILLING_PAUSE_LIMIT', message: 'x', status: 409 }).status).toBe(409);
  });

  it('derives the status of generic codes, also as a suffix of a module code', () => {
    expect(statusForCode('NOT_FOUND')).toBe(404);
    expect(statusForCode('CASE_NOT_FOUND')).toBe(404);
    expect(statusForCode('UNAUTHENTICATED')).toBe(401);
    expect(statusForCode('FORBIDDEN')).toBe(403);
    expect(statusForCode('CONFLICT')).toBe(409);
    expect(statusForCode('VALIDATION_FAILED')).toBe(400);
  });

  it('keeps the internal cause apart from the safe message', () => {
    const driverError = new Error('duplicate key value violates unique constraint "accounts_email_key"');
    const error = new AppError({ code: 'CONFLICT', message: 'That email is already used.', field: 'body.email', cause: driverError });
    expect(error.message).toBe('That email is already used.');
    expect(error.cause).toBe(driverError);
    expect(error.field).toBe('body.email');
  });
});
