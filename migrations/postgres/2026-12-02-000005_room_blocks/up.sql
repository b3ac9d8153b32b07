-- A room out of order or out of service for a range of nights, with a reason: off
-- availability for those nights only (stays::blocks writes them; availability reads
-- them). `ends_on` is the first night the room is back on sale, like a stay's check-out.
CREATE TABLE room_blocks (
    tenant_id  uuid NOT NULL,
    id         uuid NOT NULL,
    hotel_id   uuid NOT NULL,
    room_id    uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('out_of_order', 'out_of_service')),
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    reason     text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    created_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- at least one night, at most a year
    CONSTRAINT room_blocks_dates_check CHECK (ends_on > starts_on AND ends_on <= starts_on + 366),
    -- the room of the same tenant and hotel; a deleted room takes its blocks along
    FOREIGN KEY (tenant_id, hotel_id, room_id) REFERENCES rooms (tenant_id, hotel_id, id) ON DELETE CASCADE
);
CREATE INDEX room_blocks_hotel_idx ON room_blocks (tenant_id, hotel_id, ends_on);
CREATE INDEX room_blocks_room_idx ON room_blocks (tenant_id, room_id, ends_on);

ALTER TABLE room_blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE room_blocks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON room_blocks
    USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()))
    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) OR (SELECT app_is_platform()));
