-- The CRM: companies next to persons, contact persons, lead sources, tags,
-- consents, cars with owners and odometer readings, the client history and
-- the search index.
--
-- Clients and vehicles get an integer `seq` next to their UUID: the search
-- index holds millions of rows, and an integer key keeps it a quarter the size.

CREATE TABLE lead_sources (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

INSERT INTO lead_sources (name, position) VALUES
    ('Рекомендация', 1),
    ('Повторный визит', 2),
    ('Яндекс Карты', 3),
    ('2ГИС', 4),
    ('Авито', 5),
    ('Сайт', 6),
    ('Вывеска', 7),
    ('Другое', 8);

CREATE TABLE clients_new (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL CHECK (kind IN ('person', 'company')),
    surname           TEXT NOT NULL DEFAULT '',
    name              TEXT NOT NULL DEFAULT '',
    patronymic        TEXT NOT NULL DEFAULT '',
    birth_date        TEXT,
    full_name         TEXT NOT NULL DEFAULT '',
    short_name        TEXT NOT NULL DEFAULT '',
    inn               TEXT NOT NULL DEFAULT '',
    kpp               TEXT NOT NULL DEFAULT '',
    ogrn              TEXT NOT NULL DEFAULT '',
    legal_address     TEXT NOT NULL DEFAULT '',
    postal_address    TEXT NOT NULL DEFAULT '',
    bank_account      TEXT NOT NULL DEFAULT '',
    bank_name         TEXT NOT NULL DEFAULT '',
    bik               TEXT NOT NULL DEFAULT '',
    corr_account      TEXT NOT NULL DEFAULT '',
    email             TEXT,
    address           TEXT NOT NULL DEFAULT '',
    uses_telegram     INTEGER NOT NULL DEFAULT 0 CHECK (uses_telegram IN (0, 1)),
    uses_viber        INTEGER NOT NULL DEFAULT 0 CHECK (uses_viber IN (0, 1)),
    notes             TEXT NOT NULL DEFAULT '',
    lead_source_id    INTEGER REFERENCES lead_sources (id),
    discount_percent  INTEGER NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    -- Preferred channel first, then fallbacks: "sms,email,call".
    reminder_channels TEXT NOT NULL DEFAULT '',
    search_name       TEXT NOT NULL,
    archived_at       TEXT,
    merged_into       TEXT REFERENCES clients_new (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (kind = 'company' OR surname <> '' OR name <> ''),
    CHECK (kind = 'person' OR full_name <> '' OR short_name <> '')
) STRICT;

INSERT INTO clients_new (id, kind, surname, name, patronymic, email, notes, search_name,
                         created_at, updated_at)
SELECT id, kind, surname, name, patronymic, email, notes, search_name, created_at, updated_at
FROM clients;

-- client_phones refers to clients: carry it over to the new table.
CREATE TABLE client_phones_new (
    client_id  TEXT NOT NULL REFERENCES clients_new (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    e164       TEXT NOT NULL CHECK (e164 GLOB '+[1-9]*'),
    label      TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (client_id, position),
    UNIQUE (client_id, e164)
) STRICT;
INSERT INTO client_phones_new SELECT client_id, position, e164, label, is_primary FROM client_phones;

DROP TABLE client_phones;
DROP TABLE clients;
ALTER TABLE clients_new RENAME TO clients;
ALTER TABLE client_phones_new RENAME TO client_phones;

CREATE INDEX clients_by_search_name ON clients (search_name, id);
CREATE INDEX clients_by_inn ON clients (inn) WHERE inn <> '';
CREATE INDEX client_phones_by_number ON client_phones (e164);

CREATE TABLE client_contacts (
    id        TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL CHECK (name <> ''),
    role      TEXT NOT NULL DEFAULT '',
    e164      TEXT,
    email     TEXT
) STRICT;
CREATE INDEX client_contacts_by_client ON client_contacts (client_id, position);
CREATE INDEX client_contacts_by_phone ON client_contacts (e164) WHERE e164 IS NOT NULL;

CREATE TABLE client_tags (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    tag       TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (client_id, position)
) STRICT;
CREATE INDEX client_tags_by_tag ON client_tags (tag);

-- Append-only: a withdrawal is a new row with granted = 0.
CREATE TABLE consents (
    seq              INTEGER PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES clients (id),
    topic            TEXT NOT NULL CHECK (topic IN ('personal_data', 'sms', 'email', 'telegram', 'viber', 'voice')),
    granted          INTEGER NOT NULL CHECK (granted IN (0, 1)),
    document_version TEXT NOT NULL DEFAULT '',
    recorded_by      TEXT NOT NULL CHECK (recorded_by <> ''),
    note             TEXT NOT NULL DEFAULT '',
    recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX consents_by_client ON consents (client_id, topic, recorded_at);

CREATE TRIGGER consents_are_never_changed BEFORE UPDATE OF topic, granted, document_version, recorded_by, note, recorded_at ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;
CREATE TRIGGER consents_are_never_erased BEFORE DELETE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;

CREATE TABLE vehicle_makes (
    name     TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    hidden   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;

CREATE TABLE vehicle_models (
    make   TEXT NOT NULL REFERENCES vehicle_makes (name) ON UPDATE CASCADE ON DELETE CASCADE,
    name   TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    PRIMARY KEY (make, name)
) STRICT;

CREATE TABLE vehicles (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    owner_id          TEXT NOT NULL REFERENCES clients (id),
    driver_contact_id TEXT REFERENCES client_contacts (id) ON DELETE SET NULL,
    vin               TEXT UNIQUE,
    plate             TEXT,
    make              TEXT NOT NULL,
    model             TEXT NOT NULL DEFAULT '',
    year              INTEGER,
    engine_number     TEXT NOT NULL DEFAULT '',
    engine_volume_cc  INTEGER,
    fuel              TEXT CHECK (fuel IN ('petrol', 'diesel', 'gas', 'hybrid', 'electric')),
    colour            TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (vin IS NOT NULL OR plate IS NOT NULL)
) STRICT;
CREATE INDEX vehicles_by_owner ON vehicles (owner_id);
CREATE INDEX vehicles_by_plate ON vehicles (plate) WHERE plate IS NOT NULL;
-- Deleting a contact person clears it as a driver: find its cars without a scan.
CREATE INDEX vehicles_by_driver ON vehicles (driver_contact_id) WHERE driver_contact_id IS NOT NULL;

CREATE TABLE vehicle_owners (
    vehicle_id TEXT NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    since      TEXT NOT NULL,
    until      TEXT
) STRICT;
CREATE INDEX vehicle_owners_by_vehicle ON vehicle_owners (vehicle_id, since);
CREATE INDEX vehicle_owners_by_client ON vehicle_owners (client_id);

CREATE TABLE odometer_readings (
    vehicle_id TEXT NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    km         INTEGER NOT NULL CHECK (km >= 0),
    read_at    TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX odometer_readings_by_vehicle ON odometer_readings (vehicle_id, read_at);

-- The client history: each domain appends its events here.
CREATE TABLE client_events (
    seq        INTEGER PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    vehicle_id TEXT REFERENCES vehicles (id) ON DELETE SET NULL,
    detail     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX client_events_by_client ON client_events (client_id, at);

-- The search index (see src/domain/search.rs). vehicle_seq is 0 for a
-- client's own terms. Each term carries its client's name order and whether
-- the client is listed (not archived), so a page of hits is ranked, filtered
-- and sorted from this table alone. Rebuilt by the core when its version in
-- `meta` is stale.
CREATE TABLE search_terms (
    term        TEXT NOT NULL,
    client_seq  INTEGER NOT NULL,
    vehicle_seq INTEGER NOT NULL,
    weight      INTEGER NOT NULL,
    matched_by  INTEGER NOT NULL,
    -- domain::search::name_sort_keys of the client's name.
    name_key    INTEGER NOT NULL DEFAULT 0,
    name_key2   INTEGER NOT NULL DEFAULT 0,
    listed      INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1)),
    PRIMARY KEY (term, client_seq, vehicle_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_terms_by_owner ON search_terms (client_seq, vehicle_seq);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
