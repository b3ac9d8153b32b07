-- Hotelier foundation schema (SQLite). Same tables, keys and rules as the PostgreSQL
-- migration of the same name; SQLite has no row-level security, so the scoped DSL and
-- the composite foreign keys are the isolation layers here.
-- Ids are hyphenated UUID text, timestamps RFC 3339 UTC text (sortable), dates
-- YYYY-MM-DD text, JSON text, booleans 0/1.

CREATE TABLE tenants (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    slug          TEXT NOT NULL CHECK (length(slug) BETWEEN 2 AND 63 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
    kind          TEXT NOT NULL CHECK (kind IN ('chain', 'independent', 'franchise', 'management_company', 'vacation_rental')),
    status        TEXT NOT NULL DEFAULT 'trial' CHECK (status IN ('trial', 'active', 'suspended', 'inactive', 'cancelled')),
    email         TEXT,
    phone         TEXT,
    address       TEXT,
    currency      TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    timezone      TEXT NOT NULL,
    locale        TEXT NOT NULL DEFAULT 'en',
    plan          TEXT NOT NULL DEFAULT 'starter' CHECK (plan IN ('starter', 'professional', 'enterprise')),
    trial_ends_at TEXT,
    settings      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CONSTRAINT tenants_slug_key UNIQUE (slug)
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY NOT NULL,
    email          TEXT NOT NULL CHECK (email = lower(email) AND instr(email, '@') > 1),
    full_name      TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
    password_hash  TEXT NOT NULL,
    is_super_admin BOOLEAN NOT NULL DEFAULT 0,
    is_active      BOOLEAN NOT NULL DEFAULT 1,
    failed_logins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    last_failed_login_at TEXT,
    locked_until   TEXT,
    session_epoch  INTEGER NOT NULL DEFAULT 0 CHECK (session_epoch >= 0),
    last_login_at  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE user_tenant_associations (
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    id               TEXT NOT NULL,
    user_id          TEXT NOT NULL REFERENCES users (id),
    role             TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'staff', 'viewer')),
    permissions      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(permissions)),
    is_active        BOOLEAN NOT NULL DEFAULT 1,
    is_primary       BOOLEAN NOT NULL DEFAULT 0,
    assigned_at      TEXT NOT NULL,
    expires_at       TEXT,
    last_accessed_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT user_tenant_associations_user_key UNIQUE (tenant_id, user_id)
);
CREATE INDEX user_tenant_associations_user_idx ON user_tenant_associations (user_id);

CREATE TABLE hotels (
    tenant_id     TEXT NOT NULL REFERENCES tenants (id),
    id            TEXT NOT NULL,
    code          TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9-]*' AND code NOT GLOB '-*'),
    name          TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    brand         TEXT,
    address       TEXT,
    city          TEXT,
    country       TEXT CHECK (country IS NULL OR country GLOB '[A-Z][A-Z]'),
    timezone      TEXT NOT NULL,
    star_rating   INTEGER CHECK (star_rating IS NULL OR star_rating BETWEEN 1 AND 5),
    email         TEXT,
    phone         TEXT,
    is_active     BOOLEAN NOT NULL DEFAULT 1,
    business_date TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT hotels_code_key UNIQUE (tenant_id, code)
);

CREATE TABLE room_types (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    hotel_id       TEXT NOT NULL,
    code           TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9-]*' AND code NOT GLOB '-*'),
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    description    TEXT,
    base_occupancy INTEGER NOT NULL CHECK (base_occupancy >= 1),
    max_occupancy  INTEGER NOT NULL CHECK (max_occupancy BETWEEN 1 AND 20),
    base_rate      BIGINT NOT NULL CHECK (base_rate >= 0),
    is_active      BOOLEAN NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT room_types_code_key UNIQUE (tenant_id, hotel_id, code),
    CONSTRAINT room_types_hotel_scope_key UNIQUE (tenant_id, hotel_id, id),
    CONSTRAINT room_types_occupancy_check CHECK (max_occupancy >= base_occupancy),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id)
);

CREATE TABLE rooms (
    tenant_id           TEXT NOT NULL,
    id                  TEXT NOT NULL,
    hotel_id            TEXT NOT NULL,
    room_type_id        TEXT NOT NULL,
    number              TEXT NOT NULL CHECK (length(trim(number)) BETWEEN 1 AND 16),
    floor               INTEGER CHECK (floor IS NULL OR floor BETWEEN -5 AND 200),
    housekeeping_status TEXT NOT NULL DEFAULT 'clean'
        CHECK (housekeeping_status IN ('clean', 'dirty', 'inspected', 'out_of_order', 'out_of_service')),
    is_active           BOOLEAN NOT NULL DEFAULT 1,
    notes               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT rooms_number_key UNIQUE (tenant_id, hotel_id, number),
    CONSTRAINT rooms_hotel_scope_key UNIQUE (tenant_id, hotel_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id, room_type_id) REFERENCES room_types (tenant_id, hotel_id, id)
);
CREATE INDEX rooms_room_type_idx ON rooms (tenant_id, room_type_id);

CREATE TABLE guests (
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    id              TEXT NOT NULL,
    first_name      TEXT NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 100),
    last_name       TEXT NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 100),
    email           TEXT CHECK (email IS NULL OR (email = lower(email) AND instr(email, '@') > 1)),
    phone           TEXT,
    document_type   TEXT CHECK (document_type IS NULL OR document_type IN ('passport', 'national_id', 'driving_licence', 'other')),
    document_number TEXT,
    nationality     TEXT CHECK (nationality IS NULL OR nationality GLOB '[A-Z][A-Z]'),
    notes           TEXT,
    vip             BOOLEAN NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT guests_email_key UNIQUE (tenant_id, email)
);
CREATE INDEX guests_name_idx ON guests (tenant_id, last_name, first_name);

CREATE TABLE reservations (
    tenant_id           TEXT NOT NULL,
    id                  TEXT NOT NULL,
    hotel_id            TEXT NOT NULL,
    room_type_id        TEXT NOT NULL,
    room_id             TEXT,
    guest_id            TEXT NOT NULL,
    confirmation_code   TEXT NOT NULL CHECK (length(confirmation_code) BETWEEN 6 AND 12 AND confirmation_code NOT GLOB '*[^A-Z0-9]*'),
    check_in            TEXT NOT NULL,
    check_out           TEXT NOT NULL,
    adults              INTEGER NOT NULL DEFAULT 1 CHECK (adults BETWEEN 1 AND 20),
    children            INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 20),
    status              TEXT NOT NULL DEFAULT 'confirmed'
        CHECK (status IN ('pending', 'confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
    nightly_rate        BIGINT NOT NULL CHECK (nightly_rate >= 0),
    total_amount        BIGINT NOT NULL CHECK (total_amount >= 0),
    source              TEXT NOT NULL DEFAULT 'direct'
        CHECK (source IN ('direct', 'phone', 'walk_in', 'website', 'ota', 'corporate', 'agent')),
    notes               TEXT,
    cancellation_reason TEXT,
    confirmed_at        TEXT,
    checked_in_at       TEXT,
    checked_out_at      TEXT,
    cancelled_at        TEXT,
    no_show_at          TEXT,
    created_by          TEXT REFERENCES users (id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT reservations_confirmation_code_key UNIQUE (tenant_id, confirmation_code),
    CONSTRAINT reservations_dates_check CHECK (check_out > check_in),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id, room_type_id) REFERENCES room_types (tenant_id, hotel_id, id),
    FOREIGN KEY (tenant_id, hotel_id, room_id) REFERENCES rooms (tenant_id, hotel_id, id),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guests (tenant_id, id)
);
CREATE INDEX reservations_hotel_check_in_idx ON reservations (tenant_id, hotel_id, check_in);
CREATE INDEX reservations_hotel_check_out_idx ON reservations (tenant_id, hotel_id, check_out);
CREATE INDEX reservations_guest_idx ON reservations (tenant_id, guest_id);
CREATE INDEX reservations_room_idx ON reservations (tenant_id, room_id, check_in);
CREATE INDEX reservations_list_idx ON reservations (tenant_id, check_in DESC, id DESC);
CREATE INDEX reservations_status_idx ON reservations (tenant_id, status, check_in);

-- SQLite's double-booking guard is the overlap check the app runs inside BEGIN IMMEDIATE
-- (db::reservations::assign_room). These triggers back it in the database, so no code
-- path can leave two active stays on one room and night.
CREATE TRIGGER reservations_room_overlap_insert BEFORE INSERT ON reservations
WHEN NEW.room_id IS NOT NULL AND NEW.status IN ('pending', 'confirmed', 'checked_in')
BEGIN
    SELECT RAISE(ABORT, 'reservations_room_overlap')
    WHERE EXISTS (
        SELECT 1 FROM reservations r
        WHERE r.tenant_id = NEW.tenant_id AND r.room_id = NEW.room_id AND r.id <> NEW.id
          AND r.status IN ('pending', 'confirmed', 'checked_in')
          AND r.check_in < NEW.check_out AND NEW.check_in < r.check_out);
END;
CREATE TRIGGER reservations_room_overlap_update BEFORE UPDATE OF room_id, check_in, check_out, status ON reservations
WHEN NEW.room_id IS NOT NULL AND NEW.status IN ('pending', 'confirmed', 'checked_in')
BEGIN
    SELECT RAISE(ABORT, 'reservations_room_overlap')
    WHERE EXISTS (
        SELECT 1 FROM reservations r
        WHERE r.tenant_id = NEW.tenant_id AND r.room_id = NEW.room_id AND r.id <> NEW.id
          AND r.status IN ('pending', 'confirmed', 'checked_in')
          AND r.check_in < NEW.check_out AND NEW.check_in < r.check_out);
END;

CREATE TABLE folio_entries (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    reservation_id TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('room_charge', 'charge', 'payment', 'refund', 'discount')),
    description    TEXT NOT NULL CHECK (length(description) <= 200),
    amount         BIGINT NOT NULL CHECK (amount >= 0),
    method         TEXT CHECK (method IS NULL OR method IN ('cash', 'card', 'bank_transfer', 'voucher', 'city_ledger', 'other')),
    reference      TEXT,
    service_date   TEXT,
    created_by     TEXT REFERENCES users (id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT folio_entries_payment_method_check CHECK (kind NOT IN ('payment', 'refund') OR method IS NOT NULL),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id)
);
CREATE INDEX folio_entries_reservation_idx ON folio_entries (tenant_id, reservation_id, created_at);
CREATE UNIQUE INDEX folio_entries_room_charge_key
    ON folio_entries (tenant_id, reservation_id, service_date) WHERE kind = 'room_charge';

CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT REFERENCES tenants (id),
    user_id     TEXT REFERENCES users (id),
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after)),
    ip          TEXT,
    user_agent  TEXT,
    request_id  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX audit_log_tenant_time_idx ON audit_log (tenant_id, created_at DESC);
CREATE INDEX audit_log_user_time_idx ON audit_log (user_id, created_at DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
