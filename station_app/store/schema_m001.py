"""The SQL of migration m001 (the register's first schema), kept apart from the steps that came after it.

Released: never edit it (store/migrations.py says so for every step); change the schema with a new step.
"""

# Columns every register record carries (script contract and USB exchange rely on them).
COMMON = """
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    station_code TEXT NOT NULL REFERENCES stations(code),
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    deleted_at TEXT,
    delete_reason TEXT
"""

REGISTER = f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE stations (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            venue_type TEXT NOT NULL,
            county TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            is_local INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE counters (
            station_code TEXT NOT NULL,
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            PRIMARY KEY (station_code, kind, year)
        );
        CREATE TABLE complaints (
            {COMMON},
            received_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            consumer_name TEXT NOT NULL,
            consumer_phone TEXT NOT NULL,
            consumer_id_number TEXT NOT NULL DEFAULT '',
            consumer_address TEXT NOT NULL DEFAULT '',
            business_name TEXT NOT NULL,
            business_key TEXT NOT NULL,
            business_address TEXT NOT NULL DEFAULT '',
            business_phone TEXT NOT NULL DEFAULT '',
            business_credit_code TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL,
            category TEXT NOT NULL,
            category_class TEXT NOT NULL,
            category_top TEXT NOT NULL,
            nature TEXT NOT NULL,
            amount_fen INTEGER,
            amount_band TEXT,
            purchased_on TEXT,
            facts TEXT NOT NULL,
            request TEXT NOT NULL DEFAULT '',
            request_types TEXT NOT NULL DEFAULT '[]',
            search_initials TEXT NOT NULL DEFAULT '',
            rule_version TEXT NOT NULL,
            status TEXT NOT NULL,
            accepted_on TEXT,
            mediation_started_on TEXT,
            closed_on TEXT,
            ground TEXT,
            route TEXT,
            method TEXT,
            recovered_fen INTEGER NOT NULL DEFAULT 0,
            punitive_fen INTEGER NOT NULL DEFAULT 0,
            agreement TEXT NOT NULL DEFAULT '',
            outcomes TEXT NOT NULL DEFAULT '[]',
            performed_by TEXT,
            to_unit TEXT NOT NULL DEFAULT '',
            mediator TEXT NOT NULL DEFAULT '',
            extension_days INTEGER NOT NULL DEFAULT 0,
            paused_since TEXT,
            acceptance_due TEXT,
            mediation_due TEXT
        );
        -- Newest first is the register's order (rowid breaks ties): pages come straight off this index.
        CREATE INDEX complaints_order ON complaints(received_on);
        CREATE INDEX complaints_status ON complaints(status, received_on);
        CREATE INDEX complaints_phone ON complaints(consumer_phone, received_on);
        CREATE INDEX complaints_business ON complaints(business_key, received_on);
        CREATE INDEX complaints_closed ON complaints(closed_on);
        -- Covering index of the tallies: a period's figures are read from it without touching the
        -- wide rows (facts, names): one narrow range scan per station and period.
        CREATE INDEX complaints_tally ON complaints(
            station_code, received_on, deleted_at, status, accepted_on, mediation_started_on, closed_on,
            nature, category_class, category_top, amount_band, channel, recovered_fen, punitive_fen,
            acceptance_due, mediation_due, paused_since
        );
        -- Covering index for 1–2 character search terms, which the trigram index cannot answer:
        -- scanning these short columns is several times faster than scanning the whole rows.
        CREATE INDEX complaints_short_text ON complaints(
            consumer_name, consumer_phone, business_name, subject, number, search_initials
        );

        CREATE TABLE complaint_events (
            pk INTEGER PRIMARY KEY,
            complaint_id TEXT NOT NULL REFERENCES complaints(id),
            kind TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT,
            on_date TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{{}}',
            at TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        CREATE INDEX complaint_events_case ON complaint_events(complaint_id, pk);

        CREATE TABLE followups (
            {COMMON},
            complaint_id TEXT NOT NULL REFERENCES complaints(id),
            date TEXT NOT NULL,
            method TEXT NOT NULL,
            satisfaction TEXT NOT NULL,
            opinion TEXT NOT NULL DEFAULT '',
            visitor TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX followups_case ON followups(complaint_id);
        CREATE INDEX followups_date ON followups(station_code, date);

        CREATE TABLE consultations (
            {COMMON},
            date TEXT NOT NULL,
            channel TEXT NOT NULL,
            topic TEXT NOT NULL,
            persons INTEGER NOT NULL,
            category TEXT,
            answer TEXT NOT NULL DEFAULT '',
            consumer_name TEXT NOT NULL DEFAULT '',
            consumer_phone TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX consultations_date ON consultations(station_code, date);

        CREATE TABLE reports (
            {COMMON},
            received_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            business_name TEXT NOT NULL,
            business_address TEXT NOT NULL DEFAULT '',
            business_credit_code TEXT NOT NULL DEFAULT '',
            facts TEXT NOT NULL,
            category TEXT,
            reporter_anonymous INTEGER NOT NULL,
            reporter_name TEXT NOT NULL DEFAULT '',
            reporter_phone TEXT NOT NULL DEFAULT '',
            reporter_id_number TEXT NOT NULL DEFAULT '',
            to_case INTEGER NOT NULL DEFAULT 0,
            fine_fen INTEGER NOT NULL DEFAULT 0,
            result TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX reports_date ON reports(station_code, received_on);

        CREATE TABLE outreach_events (
            {COMMON},
            date TEXT NOT NULL,
            kind TEXT NOT NULL,
            venue_type TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            partners TEXT NOT NULL DEFAULT '',
            leaflets INTEGER NOT NULL DEFAULT 0,
            banners INTEGER NOT NULL DEFAULT 0,
            boards INTEGER NOT NULL DEFAULT 0,
            onsite_consultations INTEGER NOT NULL DEFAULT 0,
            audience INTEGER NOT NULL DEFAULT 0,
            complaints_taken INTEGER NOT NULL DEFAULT 0,
            destroyed_g INTEGER NOT NULL DEFAULT 0,
            destroyed_value_fen INTEGER NOT NULL DEFAULT 0,
            articles INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outreach_events_date ON outreach_events(station_code, date);

        CREATE TABLE warnings (
            {COMMON},
            date TEXT NOT NULL,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            category TEXT,
            basis TEXT NOT NULL DEFAULT '',
            channels TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX warnings_date ON warnings(station_code, date);

        -- People who use the register. No row yet: the register runs as its set-up user.
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- Append-only: each entry carries the hash of the previous one (tamper evidence).
        CREATE TABLE audit (
            pk INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_entity ON audit(entity_id);

        -- Substring search: trigram FTS for 3+ characters (store/search.py handles 1–2).
        CREATE VIRTUAL TABLE complaints_fts USING fts5(
            number, consumer_name, consumer_phone, business_name, subject, facts,
            content='complaints', content_rowid='pk', tokenize='trigram'
        );
        CREATE TRIGGER complaints_fts_ai AFTER INSERT ON complaints BEGIN
            INSERT INTO complaints_fts(rowid, number, consumer_name, consumer_phone, business_name, subject, facts)
            VALUES (new.pk, new.number, new.consumer_name, new.consumer_phone, new.business_name,
                    new.subject, new.facts);
        END;
        CREATE TRIGGER complaints_fts_ad AFTER DELETE ON complaints BEGIN
            INSERT INTO complaints_fts(complaints_fts, rowid, number, consumer_name, consumer_phone,
                                       business_name, subject, facts)
            VALUES ('delete', old.pk, old.number, old.consumer_name, old.consumer_phone, old.business_name,
                    old.subject, old.facts);
        END;
        CREATE TRIGGER complaints_fts_au AFTER UPDATE OF number, consumer_name, consumer_phone,
                business_name, subject, facts ON complaints BEGIN
            INSERT INTO complaints_fts(complaints_fts, rowid, number, consumer_name, consumer_phone,
                                       business_name, subject, facts)
            VALUES ('delete', old.pk, old.number, old.consumer_name, old.consumer_phone, old.business_name,
                    old.subject, old.facts);
            INSERT INTO complaints_fts(rowid, number, consumer_name, consumer_phone, business_name, subject, facts)
            VALUES (new.pk, new.number, new.consumer_name, new.consumer_phone, new.business_name,
                    new.subject, new.facts);
        END;
        """
