-- A stay is at most 60 nights (domain::booking::MAX_NIGHTS), now also in the database.
-- Queries for the stays that overlap a window of dates use it: a B-tree on check_in (or
-- check_out) bounds only one side of an overlap, so without a longest stay the tape chart
-- walked every past (or every future) stay of a hotel. With it, check_in lies within 60
-- days before the window and check_out within 60 days after. (A GiST index on the date
-- range would answer overlaps directly, but under row-level security PostgreSQL uses
-- only leakproof operators as index conditions, and && on ranges is not one.)
ALTER TABLE reservations ADD CONSTRAINT reservations_length_check CHECK (check_out - check_in <= 60);
