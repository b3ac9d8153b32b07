-- Room blocks (see the PostgreSQL migration).
CREATE TABLE room_blocks (
    tenant_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    hotel_id   TEXT NOT NULL,
    room_id    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('out_of_order', 'out_of_service')),
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
    created_by TEXT REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT room_blocks_dates_check
        CHECK (ends_on > starts_on AND julianday(ends_on) - julianday(starts_on) <= 366),
    FOREIGN KEY (tenant_id, hotel_id, room_id) REFERENCES rooms (tenant_id, hotel_id, id) ON DELETE CASCADE
);
CREATE INDEX room_blocks_hotel_idx ON room_blocks (tenant_id, hotel_id, ends_on);
CREATE INDEX room_blocks_room_idx ON room_blocks (tenant_id, room_id, ends_on);
