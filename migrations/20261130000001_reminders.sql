-- Reminders: the rules and templates, the gateways' non-secret settings, the
-- outbox with its append-only history, the operator's call list and the
-- Telegram chats clients bound through the bot's deep link.
--
-- Times of visits and of sending (`visit_at`, `due_at`, `due_on`) are the
-- shop's wall-clock time, as the appointments keep them; stamps are UTC.
-- Secrets (passwords, API keys, the bot's token) are never stored here: they
-- live in the operating system's keychain.

INSERT INTO settings (key, value) VALUES
    ('shop_name', ''),
    ('shop_address', ''),
    ('shop_phone', ''),
    -- The core's ReminderRulesDraft as JSON; absent parts take the defaults.
    ('reminder_rules', '{}'),
    -- The next Telegram update to read (the bot's getUpdates offset).
    ('telegram_update_offset', '0');

-- A channel's own text; a channel without a row uses the built-in default.
CREATE TABLE reminder_templates (
    channel    TEXT PRIMARY KEY CHECK (channel IN ('sms', 'email', 'telegram', 'viber', 'voice')),
    subject    TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL CHECK (body <> ''),
    updated_at TEXT NOT NULL
) STRICT;

-- A provider's settings as the core's JSON; `enabled` switches it without
-- losing them.
CREATE TABLE reminder_gateways (
    kind       TEXT PRIMARY KEY CHECK (kind IN ('smtp', 'smsc', 'smsru', 'telegram_bot')),
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    settings   TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- One message about one visit. The unique key makes planning idempotent: a
-- second planning pass finds its rows there. A moved visit is a new
-- `visit_at`, so it gets new rows and the old ones are cancelled.
CREATE TABLE reminder_outbox (
    id              INTEGER PRIMARY KEY,
    appointment_seq INTEGER NOT NULL REFERENCES appointments (seq) ON DELETE CASCADE,
    visit_at        TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('day_before', 'hours_before')),
    channel         TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'telegram', 'viber', 'voice')),
    gateway         TEXT NOT NULL CHECK (gateway IN ('smtp', 'smsc', 'smsru', 'telegram_bot')),
    recipient       TEXT NOT NULL CHECK (recipient <> ''),
    subject         TEXT,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN
                        ('pending', 'sending', 'sent', 'delivered', 'failed', 'cancelled')),
    -- When it may go: the planned time, then the time of the next retry.
    due_at          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    provider_id     TEXT,
    last_error      TEXT,
    -- Which dispatcher claimed it and when (UTC): a claim older than the
    -- lease belongs to a dispatcher that died.
    claimed_by      TEXT,
    claimed_at      TEXT,
    -- Delivery polling of a sent message.
    next_poll_at    TEXT,
    polls           INTEGER NOT NULL DEFAULT 0,
    -- A final failure is announced on the desktop once.
    failure_noticed_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (appointment_seq, visit_at, kind, channel)
) STRICT;
CREATE INDEX reminder_outbox_due ON reminder_outbox (status, due_at);
CREATE INDEX reminder_outbox_by_visit ON reminder_outbox (visit_at);

-- Every change of a message's status, with the gateway's words. Append-only.
CREATE TABLE reminder_outbox_events (
    seq       INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES reminder_outbox (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    status    TEXT NOT NULL,
    event     TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reminder_outbox_events_by_message ON reminder_outbox_events (outbox_id, seq);

CREATE TRIGGER reminder_outbox_events_are_never_changed BEFORE UPDATE ON reminder_outbox_events
BEGIN
    SELECT RAISE(ABORT, 'reminder history is append-only');
END;

-- The operator's call list: one call per visit. `outcome` stays empty until
-- the client is reached; «no answer» keeps it open with a later `retry_at`.
CREATE TABLE call_tasks (
    id              INTEGER PRIMARY KEY,
    appointment_seq INTEGER NOT NULL REFERENCES appointments (seq) ON DELETE CASCADE,
    visit_at        TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN
                        ('prefers_call', 'no_consent', 'no_channel', 'failed')),
    detail          TEXT NOT NULL DEFAULT '',
    due_on          TEXT NOT NULL,
    outcome         TEXT CHECK (outcome IN ('confirmed', 'rescheduled', 'declined')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    retry_at        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (appointment_seq, visit_at)
) STRICT;
CREATE INDEX call_tasks_by_day ON call_tasks (due_on);

-- A one-time code in the bot's deep link, and the chat it bound.
CREATE TABLE telegram_link_codes (
    code       TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE telegram_chats (
    client_id TEXT PRIMARY KEY REFERENCES clients (id),
    chat_id   TEXT NOT NULL,
    name      TEXT NOT NULL DEFAULT '',
    bound_at  TEXT NOT NULL
) STRICT;
