-- Repair orders (заказ-наряды): intake, works and parts, payments, the order's
-- own history, and the documents issued from it as frozen snapshots.

CREATE TABLE repair_orders (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    -- The number within the shop's year: ЗН-2026-000123.
    year               INTEGER NOT NULL,
    number             INTEGER NOT NULL CHECK (number > 0),
    status             TEXT NOT NULL CHECK (status IN
                           ('open', 'in_progress', 'waiting_parts', 'ready', 'issued', 'cancelled')),
    client_id          TEXT NOT NULL REFERENCES clients (id),
    vehicle_id         TEXT NOT NULL REFERENCES vehicles (id),
    -- NULL: a walk-in. One order per appointment.
    appointment_seq    INTEGER UNIQUE REFERENCES appointments (seq),
    -- Intake (приёмка).
    odometer_km        INTEGER CHECK (odometer_km BETWEEN 0 AND 9999999),
    fuel_quarters      INTEGER NOT NULL CHECK (fuel_quarters BETWEEN 0 AND 4),
    checklist          TEXT NOT NULL CHECK (json_valid(checklist)),
    belongings         TEXT NOT NULL DEFAULT '',
    complaints         TEXT NOT NULL DEFAULT '',
    -- [{name, description, quantity}]
    client_parts       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(client_parts)),
    -- [{view, x, y, kind, note}], x and y in thousandths of the view's box.
    damage             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(damage)),
    -- File names relative to the app's data folder.
    photos             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(photos)),
    -- Terms.
    promised_on        TEXT,
    promised_at        TEXT,
    warranty_days      INTEGER CHECK (warranty_days >= 0),
    warranty_km        INTEGER CHECK (warranty_km >= 0),
    -- Pricing frozen when the order was taken: the shop's VAT mode (JSON of
    -- VatMode) and the client's discount.
    vat_mode           TEXT NOT NULL CHECK (json_valid(vat_mode)),
    client_discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (client_discount_bp BETWEEN 0 AND 10000),
    discount_scope     TEXT NOT NULL DEFAULT 'all'
                           CHECK (discount_scope IN ('all', 'works_only', 'parts_only')),
    accepted_at        TEXT NOT NULL,
    issued_at          TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (year, number)
) STRICT;
CREATE INDEX repair_orders_by_client ON repair_orders (client_id, accepted_at);
CREATE INDEX repair_orders_by_vehicle ON repair_orders (vehicle_id, accepted_at);
CREATE INDEX repair_orders_by_status ON repair_orders (status, accepted_at);

CREATE TABLE order_works (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    order_seq      INTEGER NOT NULL REFERENCES repair_orders (seq),
    service_id     TEXT NOT NULL REFERENCES services (id),
    -- Copied from the price list when the line was written.
    code           TEXT NOT NULL,
    name           TEXT NOT NULL CHECK (name <> ''),
    billing        TEXT NOT NULL CHECK (billing IN ('per_unit', 'per_hour')),
    -- Thousandths of a unit or of a standard hour.
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    price          INTEGER NOT NULL CHECK (price >= 0),
    mechanic_id    INTEGER REFERENCES employees (id),
    -- NULL: the client's discount; percent in basis points or amount in kopecks.
    discount_kind  TEXT CHECK (discount_kind IN ('percent', 'amount')),
    discount_value INTEGER CHECK (discount_value >= 0),
    -- NULL: the order's VAT mode.
    vat_rate       TEXT,
    CHECK ((discount_kind IS NULL) = (discount_value IS NULL))
) STRICT;
CREATE INDEX order_works_by_order ON order_works (order_seq, seq);

CREATE TABLE order_parts (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    order_seq      INTEGER NOT NULL REFERENCES repair_orders (seq),
    product_seq    INTEGER NOT NULL REFERENCES products (seq),
    name           TEXT NOT NULL CHECK (name <> ''),
    article        TEXT NOT NULL,
    brand          TEXT,
    unit           TEXT NOT NULL,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    price          INTEGER NOT NULL CHECK (price >= 0),
    discount_kind  TEXT CHECK (discount_kind IN ('percent', 'amount')),
    discount_value INTEGER CHECK (discount_value >= 0),
    vat_rate       TEXT,
    CHECK ((discount_kind IS NULL) = (discount_value IS NULL))
) STRICT;
CREATE INDEX order_parts_by_order ON order_parts (order_seq, seq);

-- Money for an order; a mistake is corrected by a refund, never by an edit.
CREATE TABLE order_payments (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    order_seq INTEGER NOT NULL REFERENCES repair_orders (seq),
    kind      TEXT NOT NULL CHECK (kind IN ('advance', 'final', 'refund')),
    method    TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer')),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    comment   TEXT NOT NULL DEFAULT '',
    paid_at   TEXT NOT NULL
) STRICT;
CREATE INDEX order_payments_by_order ON order_payments (order_seq, seq);

CREATE TRIGGER order_payments_are_never_changed BEFORE UPDATE ON order_payments
BEGIN
    SELECT RAISE(ABORT, 'order payments are append-only');
END;
CREATE TRIGGER order_payments_are_never_erased BEFORE DELETE ON order_payments
BEGIN
    SELECT RAISE(ABORT, 'order payments are append-only');
END;

-- The order's own history: intake, lines, statuses (a reopening with its
-- reason), payments, stock, documents.
CREATE TABLE order_events (
    seq       INTEGER PRIMARY KEY,
    order_seq INTEGER NOT NULL REFERENCES repair_orders (seq),
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    detail    TEXT NOT NULL CHECK (json_valid(detail))
) STRICT;
CREATE INDEX order_events_by_order ON order_events (order_seq, seq);

CREATE TRIGGER order_events_are_never_changed BEFORE UPDATE ON order_events
BEGIN
    SELECT RAISE(ABORT, 'order history is append-only');
END;
CREATE TRIGGER order_events_are_never_erased BEFORE DELETE ON order_events
BEGIN
    SELECT RAISE(ABORT, 'order history is append-only');
END;

-- The stock documents that took an order's parts out (on issue) and put them
-- back (on reopening an issued order).
CREATE TABLE order_stock_documents (
    order_seq    INTEGER NOT NULL REFERENCES repair_orders (seq),
    document_seq INTEGER NOT NULL UNIQUE REFERENCES stock_documents (seq),
    direction    TEXT NOT NULL CHECK (direction IN ('consume', 'return')),
    PRIMARY KEY (order_seq, document_seq)
) STRICT, WITHOUT ROWID;

-- Documents issued from an order: the data as printed, frozen. A correction
-- is a new version under the same number; the old one stays.
CREATE TABLE issued_documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    order_seq    INTEGER NOT NULL REFERENCES repair_orders (seq),
    kind         TEXT NOT NULL CHECK (kind IN ('order', 'acceptance', 'completion', 'receipt', 'invoice')),
    year         INTEGER NOT NULL,
    number       INTEGER NOT NULL CHECK (number > 0),
    version      INTEGER NOT NULL CHECK (version > 0),
    -- As printed: ЗН-2026-000123.
    display      TEXT NOT NULL,
    snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
    issued_at    TEXT NOT NULL,
    UNIQUE (kind, year, number, version)
) STRICT;
CREATE INDEX issued_documents_by_order ON issued_documents (order_seq, kind, version);

CREATE TRIGGER issued_documents_are_never_changed BEFORE UPDATE ON issued_documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents are frozen');
END;
CREATE TRIGGER issued_documents_are_never_erased BEFORE DELETE ON issued_documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents are frozen');
END;
