-- Requests counted per scope (a route or an action) and subject (a hashed
-- client address, an account) in fixed windows, shared by every server
-- process. A row is the count of one window; the limiter reads the current
-- and the previous window to weigh a sliding one.
create table platform_rate_limits (
  scope text not null,
  subject text not null,
  window_start timestamptz not null,
  count integer not null,
  -- When the row stops mattering (the end of the window after it): the sweep deletes past it.
  expires_at timestamptz not null,
  primary key (scope, subject, window_start)
);

create index platform_rate_limits_expires_idx on platform_rate_limits (expires_at);
