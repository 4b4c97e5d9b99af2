-- Mail and SMS are written here in the same transaction as the change they
-- announce, then delivered (or shown in the demo outbox) by a sender.
create table outbox_messages (
  id text primary key,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text,
  body text not null,
  created_at timestamptz not null default now()
);

create index outbox_messages_recipient_idx on outbox_messages (recipient, created_at desc);
