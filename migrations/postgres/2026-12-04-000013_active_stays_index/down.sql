DROP INDEX reservations_active_idx;
