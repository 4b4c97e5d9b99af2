import { request } from './client.ts';
import type { ExtraMembers, Household, MemberSummary, Network, TvStart } from './types.ts';

export const getHousehold = () => request<Household>('GET', '/api/me/household');

export type TvStartRequest = { device_name: string; network_id: string; login?: string; password?: string };
export const startTv = (body: TvStartRequest) => request<TvStart>('POST', '/api/tv/start', { body });
export const requestHouseholdUpdate = (deviceId: string, channel: 'email' | 'sms') =>
  request<void>('POST', `/api/tv/${encodeURIComponent(deviceId)}/household/update`, { body: { channel } });
export const confirmHouseholdUpdate = (deviceId: string, code: string) =>
  request<{ primary_network: Network }>('POST', `/api/tv/${encodeURIComponent(deviceId)}/household/confirm`, { body: { code } });

export const getExtraMembers = () => request<ExtraMembers>('GET', '/api/me/extra-members');
export const inviteExtraMember = (body: { email: string; name: string }) => request<unknown>('POST', '/api/me/extra-members/invitations', { body });
export const resendInvitation = (id: string) => request<unknown>('POST', `/api/me/extra-members/invitations/${encodeURIComponent(id)}/resend`);
export const cancelInvitation = (id: string) => request<unknown>('POST', `/api/me/extra-members/invitations/${encodeURIComponent(id)}/cancel`);
export const fixInvitationEmail = (id: string, email: string) =>
  request<unknown>('PATCH', `/api/me/extra-members/invitations/${encodeURIComponent(id)}`, { body: { email } });
export const removeExtraMember = (accountId: string) => request<void>('DELETE', `/api/me/extra-members/${encodeURIComponent(accountId)}`);

export type AcceptInvitationRequest = { name: string; password: string; transfer_profile?: string };
export const acceptInvitation = (token: string, body: AcceptInvitationRequest) =>
  request<{ member: MemberSummary }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, { body });
