// The helpers moved to the platform (support's chat and desk need them too); identity keeps importing them from here.
export * from '../../platform/secrets.ts';
