-- Clients of the shop. For now private persons; `kind` leaves room for companies.
-- The search_* columns are folded in Rust (Cyrillic case, ё→е, phone digits),
-- because SQLite's lower() and LIKE fold ASCII only.
CREATE TABLE clients (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person')),
    surname       TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL DEFAULT '',
    patronymic    TEXT NOT NULL DEFAULT '',
    email         TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    search_name   TEXT NOT NULL,
    search_phones TEXT NOT NULL,
    search_text   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (surname <> '' OR name <> '')
) STRICT;

-- Serves the client list's order (name, then id) so a page stops after LIMIT rows.
CREATE INDEX clients_by_search_name ON clients (search_name, id);

-- A client's phones in E.164; position 0 is the primary one.
CREATE TABLE client_phones (
    client_id  TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    e164       TEXT NOT NULL CHECK (e164 GLOB '+[1-9]*'),
    label      TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (client_id, position),
    UNIQUE (client_id, e164)
) STRICT;

CREATE INDEX client_phones_by_number ON client_phones (e164);
