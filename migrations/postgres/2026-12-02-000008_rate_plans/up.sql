-- Rate plans, their prices per room type, the per-date values of the rate calendar, and
-- the price a stay was booked at for each of its nights. All tenant-owned: tenant_id in
-- every key, row-level security below.

-- A rate plan sells some room types of one hotel at a base nightly price each, or follows
-- a parent plan of the same hotel by a percentage (hundredths of a percent: -1000 is
-- -10 %) or a fixed amount (minor units). Its policy: the deposit, the cancellation
-- deadline and penalty, and the no-show fee.
CREATE TABLE rate_plans (
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    id               uuid NOT NULL,
    hotel_id         uuid NOT NULL,
    code             text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    parent_id        uuid,
    adjust_kind      text CHECK (adjust_kind IN ('percent', 'amount')),
    adjust_value     bigint,
    is_active        boolean NOT NULL DEFAULT true,
    deposit_kind     text NOT NULL DEFAULT 'none' CHECK (deposit_kind IN ('none', 'percent', 'first_night', 'amount')),
    deposit_value    bigint NOT NULL DEFAULT 0 CHECK (deposit_value >= 0),
    deposit_due_days integer NOT NULL DEFAULT 0 CHECK (deposit_due_days BETWEEN 0 AND 365),
    -- hours before arrival after which cancelling costs the penalty; NULL: always
    cancel_hours     integer CHECK (cancel_hours BETWEEN 0 AND 8784),
    penalty_kind     text NOT NULL DEFAULT 'none' CHECK (penalty_kind IN ('none', 'percent', 'first_night', 'amount')),
    penalty_value    bigint NOT NULL DEFAULT 0 CHECK (penalty_value >= 0),
    no_show_kind     text NOT NULL DEFAULT 'none' CHECK (no_show_kind IN ('none', 'percent', 'first_night', 'amount')),
    no_show_value    bigint NOT NULL DEFAULT 0 CHECK (no_show_value >= 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT rate_plans_code_key UNIQUE (tenant_id, hotel_id, code),
    CONSTRAINT rate_plans_hotel_scope_key UNIQUE (tenant_id, hotel_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id),
    -- a parent of the same tenant and hotel
    FOREIGN KEY (tenant_id, hotel_id, parent_id) REFERENCES rate_plans (tenant_id, hotel_id, id),
    CONSTRAINT rate_plans_parent_check CHECK (parent_id IS NULL OR parent_id <> id),
    -- an adjustment exactly when there is a parent; a percentage between -100 % and +1000 %
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

-- The room types a plan sells, with the base nightly price (NULL on a derived plan: it
-- follows its parent's).
CREATE TABLE rate_plan_prices (
    tenant_id    uuid NOT NULL,
    rate_plan_id uuid NOT NULL,
    room_type_id uuid NOT NULL,
    hotel_id     uuid NOT NULL,
    price        bigint CHECK (price >= 0),
    PRIMARY KEY (tenant_id, rate_plan_id, room_type_id),
    FOREIGN KEY (tenant_id, hotel_id, rate_plan_id) REFERENCES rate_plans (tenant_id, hotel_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, hotel_id, room_type_id) REFERENCES room_types (tenant_id, hotel_id, id) ON DELETE CASCADE
);
CREATE INDEX rate_plan_prices_room_type_idx ON rate_plan_prices (tenant_id, room_type_id);

-- The rate calendar: per plan, room type and date, a price that replaces the base one,
-- the minimum and maximum stay for an arrival that day, and whether the night is closed,
-- closed to arrival or (as a departure date) closed to departure.
CREATE TABLE rate_days (
    tenant_id           uuid NOT NULL,
    rate_plan_id        uuid NOT NULL,
    room_type_id        uuid NOT NULL,
    day                 date NOT NULL,
    price               bigint CHECK (price >= 0),
    min_stay            integer CHECK (min_stay BETWEEN 1 AND 60),
    max_stay            integer CHECK (max_stay BETWEEN 1 AND 60),
    closed              boolean NOT NULL DEFAULT false,
    closed_to_arrival   boolean NOT NULL DEFAULT false,
    closed_to_departure boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, rate_plan_id, room_type_id, day),
    FOREIGN KEY (tenant_id, rate_plan_id, room_type_id)
        REFERENCES rate_plan_prices (tenant_id, rate_plan_id, room_type_id) ON DELETE CASCADE,
    CONSTRAINT rate_days_stay_check CHECK (min_stay IS NULL OR max_stay IS NULL OR min_stay <= max_stay)
);
CREATE INDEX rate_days_plan_day_idx ON rate_days (tenant_id, rate_plan_id, day);

-- What each night of a stay was sold at, and under which plan (NULL: the room type's rack
-- rate, for a hotel without a plan for it). Written when the stay is booked; an edit adds
-- or removes nights and never re-prices the ones it keeps.
CREATE TABLE reservation_nights (
    tenant_id      uuid NOT NULL,
    reservation_id uuid NOT NULL,
    night          date NOT NULL,
    rate_plan_id   uuid,
    price          bigint NOT NULL CHECK (price >= 0),
    PRIMARY KEY (tenant_id, reservation_id, night),
    FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, rate_plan_id) REFERENCES rate_plans (tenant_id, id)
);
CREATE INDEX reservation_nights_plan_idx ON reservation_nights (tenant_id, rate_plan_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rate_plans', 'rate_plan_prices', 'rate_days', 'reservation_nights'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))
            WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))$p$, t);
    END LOOP;
END $$;

-- The existing data: every hotel gets a best-available plan selling each of its room
-- types at the room type's rate, and every stay its nights at the rate it was booked at.
INSERT INTO rate_plans (tenant_id, id, hotel_id, code, name, created_at, updated_at)
SELECT h.tenant_id, gen_random_uuid(), h.id, 'BAR',
       CASE WHEN t.locale LIKE 'pt%' THEN 'Melhor tarifa disponível' ELSE 'Best available rate' END, now(), now()
FROM hotels h JOIN tenants t ON t.id = h.tenant_id;

INSERT INTO rate_plan_prices (tenant_id, rate_plan_id, room_type_id, hotel_id, price)
SELECT rt.tenant_id, p.id, rt.id, rt.hotel_id, rt.base_rate
FROM room_types rt JOIN rate_plans p ON p.tenant_id = rt.tenant_id AND p.hotel_id = rt.hotel_id AND p.code = 'BAR';

INSERT INTO reservation_nights (tenant_id, reservation_id, night, rate_plan_id, price)
SELECT r.tenant_id, r.id, n.night::date, p.id, r.nightly_rate
FROM reservations r
JOIN rate_plans p ON p.tenant_id = r.tenant_id AND p.hotel_id = r.hotel_id AND p.code = 'BAR'
CROSS JOIN LATERAL generate_series(r.check_in, r.check_out - 1, interval '1 day') AS n (night);
