/** The largest seq PostgreSQL's `integer` holds: a larger one in a query fails it. */
export const MAX_SEQ = 2_147_483_647;
