-- Which stays overlap a window of dates: the tape chart, the dashboard's occupancy,
-- availability and the front desk's day. A B-tree on check_in (or check_out) can bound
-- only one side of the overlap, so in a hotel with a year of history it walked every
-- past (or every future) stay; this index finds exactly the overlapping ones. Queries
-- use `daterange(check_in, check_out, '[)') && daterange(from, to, '[)')` to reach it.
CREATE INDEX reservations_stay_idx ON reservations
    USING gist (tenant_id, hotel_id, daterange(check_in, check_out, '[)'));
