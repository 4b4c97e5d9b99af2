import { request } from './client.ts';
import type { Card, DevicesAnswer, MemberSummary, SecurityReview, ServiceCode, Session } from './types.ts';

export const getSession = () => request<Session>('GET', '/api/session');

export type JoinRequest = {
  name: string;
  email: string;
  phone?: string;
  password: string;
  country: string;
  region?: string;
  language?: string;
  plan: string;
  card: Card;
};
export const join = (body: JoinRequest) => request<{ member: MemberSummary }>('POST', '/api/join', { body });

export type SignInRequest = { login: string; password: string; device?: { type: string; name: string } };
export const signIn = (body: SignInRequest) => request<{ member: MemberSummary }>('POST', '/api/sign-in', { body });
export const signOut = () => request<void>('POST', '/api/sign-out');

export const requestReset = (body: { login: string; channel: 'email' | 'sms' }) => request<void>('POST', '/api/login-help/reset', { body });

export type ResetConfirmRequest =
  | { token: string; new_password: string; sign_out_everywhere: boolean }
  | { login: string; code: string; new_password: string; sign_out_everywhere: boolean };
export const confirmReset = (body: ResetConfirmRequest) => request<{ member: MemberSummary }>('POST', '/api/login-help/reset/confirm', { body });

export type FindAccountRequest = { owner_name: string; card_last4: string; card_exp_month: number; card_exp_year: number; country: string };
export const findAccount = (body: FindAccountRequest) => request<void>('POST', '/api/login-help/find-account', { body });

export const getDevices = () => request<DevicesAnswer>('GET', '/api/me/devices');
export const removeDevice = (id: string) => request<void>('DELETE', `/api/me/devices/${encodeURIComponent(id)}`);
export const signOutEverywhere = () => request<void>('POST', '/api/me/sign-out-everywhere');

export const changeEmail = (body: { new_email: string; current_password: string }) => request<unknown>('POST', '/api/me/email', { body });
export const changePhone = (body: { new_phone: string; current_password: string }) => request<unknown>('POST', '/api/me/phone', { body });
export const changePassword = (body: { new_password: string; current_password: string }) => request<unknown>('POST', '/api/me/password', { body });
export const undoSecurityChange = (body: { token: string }) => request<unknown>('POST', '/api/security/undo', { body });

export const getSecurityReview = () => request<SecurityReview>('GET', '/api/me/security');
export const getServiceCode = () => request<ServiceCode>('GET', '/api/me/service-code');
