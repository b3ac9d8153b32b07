-- A stay is at most 60 nights (domain::booking::MAX_NIGHTS), now also in the database;
-- overlap queries bound check_in and check_out by it (see the PostgreSQL migration).
-- SQLite cannot add a CHECK to an existing table, so two triggers refuse the same rows,
-- with the message SQLite gives for a failed CHECK.
CREATE TRIGGER reservations_length_insert BEFORE INSERT ON reservations
WHEN julianday(NEW.check_out) - julianday(NEW.check_in) > 60
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: reservations_length_check');
END;

CREATE TRIGGER reservations_length_update BEFORE UPDATE OF check_in, check_out ON reservations
WHEN julianday(NEW.check_out) - julianday(NEW.check_in) > 60
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: reservations_length_check');
END;
