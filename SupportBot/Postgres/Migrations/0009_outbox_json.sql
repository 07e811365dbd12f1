-- Queued messages are written whole and read whole, never searched inside: kept as json (checked, stored as written)
-- the server neither parses them into jsonb on the way in nor prints them on the way out. A sweep queues 1,000 at a
-- time. Writers of jsonb still work (jsonb goes to json by assignment). The outbox holds only undelivered messages,
-- so the rewrite is small.
alter table outbox alter column doc type json using doc::json;
