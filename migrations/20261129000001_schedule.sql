-- The schedule: staff and bays, shift patterns and exceptions, appointments
-- with their history, and the desktop notices already delivered.
--
-- Appointment times are the shop's local wall-clock time as
-- 'YYYY-MM-DDTHH:MM:SS' (Russia keeps no daylight saving time, so they sort
-- and compare as text); created_at and history stamps are UTC.

INSERT INTO settings (key, value) VALUES
    ('schedule_opens', '08:00'),
    ('schedule_closes', '21:00'),
    ('notify_before_minutes', '30'),
    ('late_after_minutes', '15'),
    ('shop_zone', 'Europe/Moscow');

CREATE TABLE employees (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (name <> ''),
    colour     TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- The column order on the calendar.
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE employee_roles (
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('operator', 'mechanic', 'manager')),
    PRIMARY KEY (employee_id, role)
) STRICT, WITHOUT ROWID;

-- What a mechanic does: the service categories of the price list.
CREATE TABLE employee_skills (
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES service_categories (id),
    PRIMARY KEY (employee_id, category_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE bays (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

-- What a bay is equipped for; none listed: any work.
CREATE TABLE bay_categories (
    bay_id      INTEGER NOT NULL REFERENCES bays (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES service_categories (id),
    PRIMARY KEY (bay_id, category_id)
) STRICT, WITHOUT ROWID;

-- A pattern in force from `starts_on` until the next one of the employee.
-- `pattern` is the core's ShiftPattern as JSON: the pattern is read whole,
-- never queried by its parts.
CREATE TABLE shift_patterns (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    starts_on   TEXT NOT NULL,
    pattern     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX shift_patterns_by_employee ON shift_patterns (employee_id, starts_on);

-- `kind` is the core's ExceptionKind as JSON (a day off, or the hours of an
-- extra shift).
CREATE TABLE shift_exceptions (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL CHECK (last_day >= first_day),
    kind        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX shift_exceptions_by_employee ON shift_exceptions (employee_id, last_day);

CREATE TABLE appointments (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    vehicle_id  TEXT REFERENCES vehicles (id),
    mechanic_id INTEGER NOT NULL REFERENCES employees (id),
    bay_id      INTEGER REFERENCES bays (id),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL CHECK (ends_at > starts_at),
    status      TEXT NOT NULL CHECK (status IN
                    ('planned', 'confirmed', 'arrived', 'no_show', 'cancelled', 'rescheduled')),
    -- 1 while the appointment holds its time (planned, confirmed, arrived):
    -- the overlap checks read only these rows.
    holds_time  INTEGER NOT NULL CHECK (holds_time IN (0, 1)),
    source      TEXT NOT NULL CHECK (source IN ('phone', 'walk_in', 'online')),
    comment     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_by_time ON appointments (starts_at);
-- The busy time the booking checks and the finder read: covering, so a
-- month of a packed shop is one index scan.
CREATE INDEX appointments_busy ON appointments (starts_at, ends_at, mechanic_id, bay_id)
    WHERE holds_time = 1;
CREATE INDEX appointments_by_client ON appointments (client_id, starts_at);

-- The services asked for, with the minutes each was planned at.
CREATE TABLE appointment_services (
    appointment_seq INTEGER NOT NULL REFERENCES appointments (seq) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    service_id      TEXT NOT NULL REFERENCES services (id),
    minutes         INTEGER NOT NULL CHECK (minutes > 0),
    PRIMARY KEY (appointment_seq, position)
) STRICT, WITHOUT ROWID;

-- Every change of an appointment: created, moved, edited, status changes.
-- `detail` is JSON written by the core. Append-only.
CREATE TABLE appointment_events (
    seq             INTEGER PRIMARY KEY,
    appointment_seq INTEGER NOT NULL REFERENCES appointments (seq),
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL,
    detail          TEXT NOT NULL
) STRICT;
CREATE INDEX appointment_events_by_appointment ON appointment_events (appointment_seq, seq);

CREATE TRIGGER appointment_events_are_never_changed BEFORE UPDATE ON appointment_events
BEGIN
    SELECT RAISE(ABORT, 'appointment history is append-only');
END;
CREATE TRIGGER appointment_events_are_never_erased BEFORE DELETE ON appointment_events
BEGIN
    SELECT RAISE(ABORT, 'appointment history is append-only');
END;

-- Desktop notices already handed to the shell, one per appointment, kind and
-- start time: a moved appointment is announced again, a delivered one never.
CREATE TABLE appointment_notices (
    appointment_seq INTEGER NOT NULL REFERENCES appointments (seq) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('upcoming', 'late')),
    starts_at       TEXT NOT NULL,
    delivered_at    TEXT NOT NULL,
    PRIMARY KEY (appointment_seq, kind, starts_at)
) STRICT, WITHOUT ROWID;
