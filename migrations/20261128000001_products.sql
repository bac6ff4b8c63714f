-- The nomenclature, stock, counter sales and the price list of services.
--
-- Money is whole kopecks, quantities and standard hours are thousandths of
-- their unit (INTEGER, never REAL). Products, services and packages get an
-- integer `seq` next to their UUID, like clients: the number and word indexes
-- hold millions of rows.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES
    ('hourly_rate', '250000'),
    ('allow_negative_stock', 'false');

CREATE TABLE brands (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (name <> ''),
    -- Upper case without spaces and punctuation: `Mann-Filter` = `MANN FILTER`.
    name_key TEXT NOT NULL UNIQUE,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

CREATE TABLE product_categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES product_categories (id),
    name      TEXT NOT NULL CHECK (name <> ''),
    position  INTEGER NOT NULL DEFAULT 0,
    archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX product_categories_name ON product_categories (ifnull(parent_id, 0), name);

CREATE TABLE suppliers (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    inn      TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT '',
    email    TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

CREATE TABLE warehouses (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
INSERT INTO warehouses (id, name) VALUES (1, 'Основной склад');

CREATE TABLE products (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL CHECK (name <> ''),
    -- Folded name for sorting the list.
    name_key       TEXT NOT NULL,
    article        TEXT NOT NULL DEFAULT '',
    article_key    TEXT NOT NULL DEFAULT '',
    brand_id       INTEGER REFERENCES brands (id),
    category_id    INTEGER REFERENCES product_categories (id),
    unit           TEXT NOT NULL CHECK (unit IN ('piece', 'litre', 'kilogram', 'metre', 'set')),
    purchase_price INTEGER CHECK (purchase_price >= 0),
    fixed_price    INTEGER CHECK (fixed_price >= 0),
    markup_bp      INTEGER CHECK (markup_bp >= 0),
    vat            TEXT NOT NULL,
    min_stock      INTEGER CHECK (min_stock > 0),
    supplier_id    INTEGER REFERENCES suppliers (id),
    notes          TEXT NOT NULL DEFAULT '',
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (fixed_price IS NULL OR markup_bp IS NULL)
) STRICT;
-- Two products with one article are different only when their brands differ.
CREATE UNIQUE INDEX products_article_brand ON products (article_key, ifnull(brand_id, 0))
    WHERE article_key <> '';
CREATE INDEX products_by_name ON products (name_key);
CREATE INDEX products_by_category ON products (category_id);

-- OEM and cross numbers as printed, in the product window's order.
CREATE TABLE product_numbers (
    product_seq INTEGER NOT NULL REFERENCES products (seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('oem', 'cross')),
    brand       TEXT NOT NULL DEFAULT '',
    number      TEXT NOT NULL,
    PRIMARY KEY (product_seq, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE product_barcodes (
    product_seq INTEGER NOT NULL REFERENCES products (seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    barcode     TEXT NOT NULL,
    PRIMARY KEY (product_seq, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE product_attributes (
    product_seq INTEGER NOT NULL REFERENCES products (seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (product_seq, position)
) STRICT, WITHOUT ROWID;

-- The number index: article, OEM and cross numbers and barcodes by their
-- normalised key (src/domain/article.rs). Products sharing a key are analogues.
CREATE TABLE product_keys (
    key         TEXT NOT NULL,
    product_seq INTEGER NOT NULL REFERENCES products (seq) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('article', 'oem', 'cross', 'barcode')),
    PRIMARY KEY (key, product_seq, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_keys_by_product ON product_keys (product_seq);

-- The word index: folded words of the name, the brand and the characteristics.
CREATE TABLE product_words (
    word        TEXT NOT NULL,
    product_seq INTEGER NOT NULL REFERENCES products (seq) ON DELETE CASCADE,
    PRIMARY KEY (word, product_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_words_by_product ON product_words (product_seq, word);

-- On-hand quantity per warehouse, changed only together with a stock document.
CREATE TABLE stock_levels (
    product_seq  INTEGER NOT NULL REFERENCES products (seq),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    on_hand      INTEGER NOT NULL,
    PRIMARY KEY (product_seq, warehouse_id)
) STRICT, WITHOUT ROWID;

-- The next number of each document series, per year.
CREATE TABLE document_counters (
    series TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (series, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock_documents (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('receipt', 'write_off', 'inventory', 'sale')),
    number         TEXT NOT NULL UNIQUE,
    warehouse_id   INTEGER NOT NULL REFERENCES warehouses (id),
    supplier_id    INTEGER REFERENCES suppliers (id),
    client_id      TEXT REFERENCES clients (id),
    invoice_number TEXT NOT NULL DEFAULT '',
    invoice_date   TEXT,
    comment        TEXT NOT NULL DEFAULT '',
    total          INTEGER NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX stock_documents_by_date ON stock_documents (created_at);

CREATE TABLE stock_lines (
    document_seq INTEGER NOT NULL REFERENCES stock_documents (seq),
    position     INTEGER NOT NULL,
    product_seq  INTEGER NOT NULL REFERENCES products (seq),
    -- Signed: positive comes in, negative goes out.
    quantity     INTEGER NOT NULL CHECK (quantity <> 0),
    price        INTEGER,
    amount       INTEGER NOT NULL,
    PRIMARY KEY (document_seq, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_lines_by_product ON stock_lines (product_seq, document_seq);

-- Stock documents are the ledger: a mistake is corrected by a new document.
CREATE TRIGGER stock_documents_are_never_changed BEFORE UPDATE ON stock_documents
BEGIN
    SELECT RAISE(ABORT, 'stock documents are append-only');
END;
CREATE TRIGGER stock_documents_are_never_erased BEFORE DELETE ON stock_documents
BEGIN
    SELECT RAISE(ABORT, 'stock documents are append-only');
END;
CREATE TRIGGER stock_lines_are_never_changed BEFORE UPDATE ON stock_lines
BEGIN
    SELECT RAISE(ABORT, 'stock documents are append-only');
END;
CREATE TRIGGER stock_lines_are_never_erased BEFORE DELETE ON stock_lines
BEGIN
    SELECT RAISE(ABORT, 'stock documents are append-only');
END;

CREATE TABLE sales (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    number         TEXT NOT NULL UNIQUE,
    stock_doc_seq  INTEGER NOT NULL REFERENCES stock_documents (seq),
    client_id      TEXT REFERENCES clients (id),
    payment_method TEXT NOT NULL CHECK (payment_method IN ('cash', 'card', 'transfer')),
    comment        TEXT NOT NULL DEFAULT '',
    total          INTEGER NOT NULL,
    discount       INTEGER NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE sale_lines (
    sale_seq    INTEGER NOT NULL REFERENCES sales (seq),
    position    INTEGER NOT NULL,
    product_seq INTEGER NOT NULL REFERENCES products (seq),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    price       INTEGER NOT NULL,
    discount_bp INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    PRIMARY KEY (sale_seq, position)
) STRICT, WITHOUT ROWID;

-- Money received (positive) or returned (negative). Repair orders add their
-- own reference later.
CREATE TABLE payments (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    client_id TEXT REFERENCES clients (id),
    sale_seq  INTEGER REFERENCES sales (seq),
    method    TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer')),
    amount    INTEGER NOT NULL,
    comment   TEXT NOT NULL DEFAULT '',
    paid_at   TEXT NOT NULL
) STRICT;
CREATE INDEX payments_by_client ON payments (client_id, paid_at);

CREATE TABLE service_categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    hourly_rate INTEGER CHECK (hourly_rate >= 0),
    position    INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

INSERT INTO service_categories (name, position) VALUES
    ('Диагностика', 1),
    ('Техническое обслуживание', 2),
    ('Двигатель', 3),
    ('Подвеска и рулевое', 4),
    ('Тормозная система', 5),
    ('Трансмиссия', 6),
    ('Электрика', 7),
    ('Шиномонтаж', 8),
    ('Кондиционер', 9),
    ('Кузовной ремонт', 10);

CREATE TABLE services (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL CHECK (code <> ''),
    code_key    TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (name <> ''),
    name_key    TEXT NOT NULL,
    category_id INTEGER NOT NULL REFERENCES service_categories (id),
    hours       INTEGER NOT NULL CHECK (hours >= 0),
    fixed_price INTEGER CHECK (fixed_price >= 0),
    duration    INTEGER NOT NULL CHECK (duration > 0),
    notes       TEXT NOT NULL DEFAULT '',
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX services_by_category ON services (category_id, name_key);

-- Skills a mechanic needs beyond the service's own category.
CREATE TABLE service_skills (
    service_seq INTEGER NOT NULL REFERENCES services (seq) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES service_categories (id),
    PRIMARY KEY (service_seq, category_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE packages (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    code       TEXT NOT NULL CHECK (code <> ''),
    code_key   TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (name <> ''),
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE package_services (
    package_seq INTEGER NOT NULL REFERENCES packages (seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    service_seq INTEGER NOT NULL REFERENCES services (seq),
    PRIMARY KEY (package_seq, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE package_products (
    package_seq INTEGER NOT NULL REFERENCES packages (seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    product_seq INTEGER NOT NULL REFERENCES products (seq),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (package_seq, position)
) STRICT, WITHOUT ROWID;

-- The default category tree of a new shop (editable).
INSERT INTO product_categories (id, parent_id, name, position) VALUES
    (1, NULL, 'Масла и технические жидкости', 1),
    (2, NULL, 'Фильтры', 2),
    (3, NULL, 'Тормозная система', 3),
    (4, NULL, 'Подвеска и рулевое', 4),
    (5, NULL, 'Двигатель', 5),
    (6, NULL, 'Электрика', 6),
    (7, NULL, 'Расходники', 7),
    (101, 1, 'Моторные масла', 1),
    (102, 1, 'Трансмиссионные масла', 2),
    (103, 1, 'Антифризы', 3),
    (104, 1, 'Тормозные жидкости', 4),
    (105, 1, 'Прочие жидкости', 5),
    (201, 2, 'Масляные', 1),
    (202, 2, 'Воздушные', 2),
    (203, 2, 'Салонные', 3),
    (204, 2, 'Топливные', 4),
    (301, 3, 'Колодки', 1),
    (302, 3, 'Диски', 2),
    (303, 3, 'Барабаны', 3),
    (304, 3, 'Шланги и тросы', 4),
    (401, 4, 'Амортизаторы', 1),
    (402, 4, 'Рычаги и сайлентблоки', 2),
    (403, 4, 'Шаровые опоры', 3),
    (404, 4, 'Рулевые тяги и наконечники', 4),
    (405, 4, 'Пружины', 5),
    (406, 4, 'Стойки стабилизатора', 6),
    (407, 4, 'Подшипники ступиц', 7),
    (501, 5, 'Свечи зажигания', 1),
    (502, 5, 'Ремни и ролики', 2),
    (503, 5, 'Помпы', 3),
    (504, 5, 'Прокладки и сальники', 4),
    (505, 5, 'Датчики', 5),
    (601, 6, 'Лампы', 1),
    (602, 6, 'Аккумуляторы', 2),
    (603, 6, 'Предохранители и реле', 3),
    (604, 6, 'Щётки стеклоочистителя', 4),
    (701, 7, 'Крепёж', 1),
    (702, 7, 'Хомуты', 2),
    (703, 7, 'Химия и очистители', 3),
    (704, 7, 'Смазки', 4);
