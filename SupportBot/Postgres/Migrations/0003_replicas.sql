-- What several replicas on one database need beyond the records themselves.

-- the outbox's lanes (channels), each delivered by one replica at a time: its owner holds it until lease_until and
-- renews the lease every round; a replica that dies stops renewing, and another takes the lane once it has run out
create table outbox_lanes (
    lane        text primary key,
    owner       text,
    lease_until timestamptz not null default '-infinity'
);

-- an event being handled by one replica: others skip it until the claim runs out (the claimer died)
alter table events add column claimed_by text;
alter table events add column claimed_until timestamptz;

-- the change feed: rows a replica has not yet seen are found by the transaction that wrote them
create index tickets_changed_by on tickets (changed_by);

-- wakes the other replicas' change feeds (a notification is sent at commit, once per transaction and channel)
create function supportbot_notify_tickets() returns trigger language plpgsql as $$
begin
    perform pg_notify('supportbot_tickets', '');
    return null;
end $$;
create trigger tickets_changed after insert or update on tickets
    for each statement execute function supportbot_notify_tickets();

-- wakes the replica that owns a lane when another replica queued a message in it
create function supportbot_notify_outbox() returns trigger language plpgsql as $$
begin
    perform pg_notify('supportbot_outbox', '');
    return null;
end $$;
create trigger outbox_queued after insert on outbox
    for each statement execute function supportbot_notify_outbox();
