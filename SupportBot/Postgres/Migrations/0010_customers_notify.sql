-- each replica keeps the customer records in memory (every ticket and every take asks who a channel belongs to, and
-- read per ticket they cost a round trip inside the write groups): a change on any replica tells all to read again
create function supportbot_notify_customers() returns trigger language plpgsql as $$
begin
    perform pg_notify('supportbot_customers', '');
    return null;
end $$;
create trigger customers_changed after insert or update or delete or truncate on customers
    for each statement execute function supportbot_notify_customers();
