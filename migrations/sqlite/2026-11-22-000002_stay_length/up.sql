-- A stay is at most 60 nights (domain::booking::MAX_NIGHTS), now also in the database;
-- overlap queries bound check_in and check_out by it (see the PostgreSQL migration).
-- SQLite cannot add a CHECK to an existing table, so two triggers refuse the same rows,
-- with the message SQLite gives for a failed CHECK.

-- Rows already longer would be missed by those queries (availability would oversell):
-- like PostgreSQL's ADD CONSTRAINT, the migration fails if there are any.
CREATE TEMPORARY TABLE stay_length_guard (longer_stays INTEGER NOT NULL CHECK (longer_stays = 0));
INSERT INTO stay_length_guard
    SELECT count(*) FROM reservations WHERE julianday(check_out) - julianday(check_in) > 60;
DROP TABLE stay_length_guard;

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
