-- No query looks tickets up by revision: the change feed finds rows by the transaction that wrote them (changed_by)
-- and only sorts those by revision. The index cost every ticket write (none of which is HOT: the revision changes on
-- each) one more entry to insert.
drop index if exists tickets_revision;
