-- SupportBot's own records. Each kind keeps its whole record as jsonb (the same shape LiteDB stores) and, beside
-- it, the columns its queries filter on, indexed; the rows classes in Storage/Postgres keep both in step.

-- numbers that must have no gaps (tickets #1, #2, …): one row per counter, taken under its row lock, so the number
-- commits or rolls back with what it numbers, and concurrent creators across replicas queue on it
create table counters (
    name  text primary key,
    value bigint not null
);
insert into counters (name, value) values ('tickets', 0);

-- every ticket write takes the next revision: other replicas follow changes by it (search index, dashboard)
create sequence ticket_revision;

create table tickets (
    number           integer primary key,
    status           text not null,
    channel_id       text not null,
    thread_ts        text,
    triage_ts        text,
    escalation_ts    text[] not null default '{}',
    sla_next_check   timestamptz,
    sla_pending_next timestamptz,
    sla_auto_close   timestamptz,
    updated_at       timestamptz not null,
    revision         bigint not null,
    changed_by       xid8 not null default pg_current_xact_id(),
    doc              jsonb not null
);
create index tickets_thread on tickets (thread_ts, channel_id);
create index tickets_open on tickets (status) where status not in ('Solved', 'Closed');
create index tickets_triage on tickets (triage_ts) where triage_ts is not null;
create index tickets_escalation on tickets using gin (escalation_ts);
create index tickets_sla_next_check on tickets (sla_next_check) where sla_next_check is not null;
create index tickets_sla_pending_next on tickets (sla_pending_next) where sla_pending_next is not null;
create index tickets_sla_auto_close on tickets (sla_auto_close) where sla_auto_close is not null;
create index tickets_revision on tickets (revision);

create table outbox (
    id              bigserial primary key,
    lane            text not null,
    failed          boolean not null default false,
    next_attempt_at timestamptz not null,
    doc             jsonb not null
);
create index outbox_pending on outbox (lane, id) where not failed;
create index outbox_failed on outbox (id) where failed;

create table intake_keys (
    id            text primary key,
    ticket_number integer not null,
    at            timestamptz not null
);

create table events (
    event_id     text primary key,
    sequence     bigserial not null,
    received_at  timestamptz not null,
    processed_at timestamptz,
    doc          jsonb not null
);
create index events_unprocessed on events (sequence) where processed_at is null;
create index events_processed on events (received_at) where processed_at is not null;

create table dead_letters (
    id  bigserial primary key,
    doc jsonb not null
);

create table customers (
    key text primary key,
    doc jsonb not null
);

create table grants (
    kind       text not null,
    hash       text not null,
    user_id    text not null,
    expires_at timestamptz not null,
    primary key (kind, hash)
);
create index grants_expiry on grants (kind, expires_at);

create table mailbox_cursors (
    mailbox      text primary key,
    uid_validity bigint not null,
    last_uid     bigint not null
);

create table home_tabs (
    user_id    text primary key,
    refresh_at timestamptz,
    version    bigint not null
);
create index home_tabs_due on home_tabs (refresh_at) where refresh_at is not null;
