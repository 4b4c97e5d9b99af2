-- Every email gets a Message-ID of ours, kept here with why it was sent, so a
-- member who forwards one of our emails to the reporting address can be told
-- it is genuine. An email that left through SMTP is recorded too (delivery
-- 'smtp', without its body: its links and codes are not kept).
alter table outbox_messages add column message_id text;
alter table outbox_messages add column purpose text;
alter table outbox_messages add column delivery text not null default 'outbox' check (delivery in ('outbox', 'smtp'));
create unique index outbox_messages_message_id_idx on outbox_messages (message_id) where message_id is not null;
create index outbox_messages_subject_idx on outbox_messages (lower(recipient), subject, created_at);
