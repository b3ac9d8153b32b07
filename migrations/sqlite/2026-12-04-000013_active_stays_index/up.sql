-- Availability's index of a hotel's active stays (see the PostgreSQL migration): partial,
-- covering what availability reads (SQLite has no INCLUDE: the columns are in the key).
CREATE INDEX reservations_active_idx ON reservations (tenant_id, hotel_id, check_out, check_in, room_type_id, room_id)
    WHERE status IN ('pending', 'confirmed', 'checked_in');
