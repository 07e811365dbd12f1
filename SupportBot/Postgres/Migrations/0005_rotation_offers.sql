-- the rotation's sweep (Assignment:Mode rotation) walks tickets by when their next offer, lapse or clean-up is due;
-- most tickets have none, so the index holds only those that do
alter table tickets add column offer_due timestamptz;
create index tickets_offer_due on tickets (offer_due) where offer_due is not null;
