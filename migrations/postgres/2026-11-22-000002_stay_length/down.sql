ALTER TABLE reservations DROP CONSTRAINT reservations_length_check;
