-- Leases and expiries on the database's clock, and a fencing token for the outbox's lanes.

-- bumped whenever a lane changes hands (taken over, let go): a holder posts only while the lane still carries the
-- version it claimed, so a replica woken from a pause, or one whose clock runs ahead, cannot post what another owns
alter table outbox_lanes add column version bigint not null default 0;

-- when a message stops being worth sending (a modal's 3 s trigger), on the database's clock: every replica reads the
-- same time left, whichever replica queued it and however far apart the replicas' clocks are
alter table outbox add column expires_at timestamptz;
