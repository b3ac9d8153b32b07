DROP INDEX reservations_stay_idx;
