export * from './client.ts';
export * from './types.ts';
export * as identityApi from './identity.ts';
export * as billingApi from './billing.ts';
export * as householdApi from './household.ts';
