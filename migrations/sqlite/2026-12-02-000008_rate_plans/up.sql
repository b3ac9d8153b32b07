-- Rate plans, their prices, the rate calendar and the nights of a stay (see the
-- PostgreSQL migration of the same name: the same tables, keys and rules).

CREATE TABLE rate_plans (
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    id               TEXT NOT NULL,
    hotel_id         TEXT NOT NULL,
    code             TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9-]*' AND code NOT GLOB '-*'),
    name             TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    parent_id        TEXT,
    adjust_kind      TEXT CHECK (adjust_kind IN ('percent', 'amount')),
    adjust_value     BIGINT,
    is_active        BOOLEAN NOT NULL DEFAULT 1,
    deposit_kind     TEXT NOT NULL DEFAULT 'none' CHECK (deposit_kind IN ('none', 'percent', 'first_night', 'amount')),
    deposit_value    BIGINT NOT NULL DEFAULT 0 CHECK (deposit_value >= 0),
    deposit_due_days INTEGER NOT NULL DEFAULT 0 CHECK (deposit_due_days BETWEEN 0 AND 365),
    cancel_hours     INTEGER CHECK (cancel_hours BETWEEN 0 AND 8784),
    penalty_kind     TEXT NOT NULL DEFAULT 'none' CHECK (penalty_kind IN ('none', 'percent', 'first_night', 'amount')),
    penalty_value    BIGINT NOT NULL DEFAULT 0 CHECK (penalty_value >= 0),
    no_show_kind     TEXT NOT NULL DEFAULT 'none' CHECK (no_show_kind IN ('none', 'percent', 'first_night', 'amount')),
    no_show_value    BIGINT NOT NULL DEFAULT 0 CHECK (no_show_value >= 0),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT rate_plans_code_key UNIQUE (tenant_id, hotel_id, code),
    CONSTRAINT rate_plans_hotel_scope_key UNIQUE (tenant_id, hotel_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id, parent_id) REFERENCES rate_plans (tenant_id, hotel_id, id),
    CONSTRAINT rate_plans_parent_check CHECK (parent_id IS NULL OR parent_id <> id),
    CONSTRAINT rate_plans_adjust_check CHECK (
        (parent_id IS NULL AND adjust_kind IS NULL AND adjust_value IS NULL)
        OR (parent_id IS NOT NULL AND adjust_kind = 'amount' AND adjust_value IS NOT NULL)
        OR (parent_id IS NOT NULL AND adjust_kind = 'percent' AND adjust_value BETWEEN -10000 AND 100000)),
    CONSTRAINT rate_plans_percent_check CHECK (
        (deposit_kind <> 'percent' OR deposit_value <= 10000)
        AND (penalty_kind <> 'percent' OR penalty_value <= 10000)
        AND (no_show_kind <> 'percent' OR no_show_value <= 10000))
);
CREATE INDEX rate_plans_parent_idx ON rate_plans (tenant_id, parent_id);

CREATE TABLE rate_plan_prices (
    tenant_id    TEXT NOT NULL,
    rate_plan_id TEXT NOT NULL,
    room_type_id TEXT NOT NULL,
    hotel_id     TEXT NOT NULL,
    price        BIGINT CHECK (price >= 0),
    PRIMARY KEY (tenant_id, rate_plan_id, room_type_id),
    FOREIGN KEY (tenant_id, hotel_id, rate_plan_id) REFERENCES rate_plans (tenant_id, hotel_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, hotel_id, room_type_id) REFERENCES room_types (tenant_id, hotel_id, id) ON DELETE CASCADE
);
CREATE INDEX rate_plan_prices_room_type_idx ON rate_plan_prices (tenant_id, room_type_id);

CREATE TABLE rate_days (
    tenant_id           TEXT NOT NULL,
    rate_plan_id        TEXT NOT NULL,
    room_type_id        TEXT NOT NULL,
    day                 TEXT NOT NULL,
    price               BIGINT CHECK (price >= 0),
    min_stay            INTEGER CHECK (min_stay BETWEEN 1 AND 60),
    max_stay            INTEGER CHECK (max_stay BETWEEN 1 AND 60),
    closed              BOOLEAN NOT NULL DEFAULT 0,
    closed_to_arrival   BOOLEAN NOT NULL DEFAULT 0,
    closed_to_departure BOOLEAN NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, rate_plan_id, room_type_id, day),
    FOREIGN KEY (tenant_id, rate_plan_id, room_type_id)
        REFERENCES rate_plan_prices (tenant_id, rate_plan_id, room_type_id) ON DELETE CASCADE,
    CONSTRAINT rate_days_stay_check CHECK (min_stay IS NULL OR max_stay IS NULL OR min_stay <= max_stay)
);
CREATE INDEX rate_days_plan_day_idx ON rate_days (tenant_id, rate_plan_id, day);

CREATE TABLE reservation_nights (
    tenant_id      TEXT NOT NULL,
    reservation_id TEXT NOT NULL,
    night          TEXT NOT NULL,
    rate_plan_id   TEXT,
    price          BIGINT NOT NULL CHECK (price >= 0),
    PRIMARY KEY (tenant_id, reservation_id, night),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, rate_plan_id) REFERENCES rate_plans (tenant_id, id)
);
CREATE INDEX reservation_nights_plan_idx ON reservation_nights (tenant_id, rate_plan_id);

-- The existing data (see the PostgreSQL migration). A version-4 UUID from random bytes.
INSERT INTO rate_plans (tenant_id, id, hotel_id, code, name, created_at, updated_at)
SELECT h.tenant_id,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
             || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       h.id, 'BAR',
       CASE WHEN t.locale LIKE 'pt%' THEN 'Melhor tarifa disponível' ELSE 'Best available rate' END,
       strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z', strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'
FROM hotels h JOIN tenants t ON t.id = h.tenant_id;

INSERT INTO rate_plan_prices (tenant_id, rate_plan_id, room_type_id, hotel_id, price)
SELECT rt.tenant_id, p.id, rt.id, rt.hotel_id, rt.base_rate
FROM room_types rt JOIN rate_plans p ON p.tenant_id = rt.tenant_id AND p.hotel_id = rt.hotel_id AND p.code = 'BAR';

WITH RECURSIVE n (tenant_id, reservation_id, night, check_out, rate) AS (
    SELECT tenant_id, id, check_in, check_out, nightly_rate FROM reservations WHERE check_out > check_in
    UNION ALL
    SELECT tenant_id, reservation_id, date(night, '+1 day'), check_out, rate FROM n WHERE date(night, '+1 day') < check_out
)
INSERT INTO reservation_nights (tenant_id, reservation_id, night, rate_plan_id, price)
SELECT n.tenant_id, n.reservation_id, n.night, p.id, n.rate
FROM n
JOIN reservations r ON r.tenant_id = n.tenant_id AND r.id = n.reservation_id
JOIN rate_plans p ON p.tenant_id = r.tenant_id AND p.hotel_id = r.hotel_id AND p.code = 'BAR';
