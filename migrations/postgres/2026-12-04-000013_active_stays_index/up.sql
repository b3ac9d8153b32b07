-- Availability reads a hotel's active stays (pending, confirmed, in house) around some
-- dates. Cancelled and past stays pile up at the same dates (a hotel's cancellations, a
-- benchmark's book-and-cancel loop) and the date indexes read them all to filter them
-- out; this index holds only the active ones, with what availability reads, so that the
-- query is answered from the index. The query states the same predicate as a constant
-- (`db::reservations::holds_rooms`), which is what lets a generic plan use it.
CREATE INDEX reservations_active_idx ON reservations (tenant_id, hotel_id, check_out)
    INCLUDE (check_in, room_type_id, room_id)
    WHERE status IN ('pending', 'confirmed', 'checked_in');
