extension Migrations {
    /// Personal reception of citizens (59-ФЗ ст. 13): the officials' published schedules, the bookings of their
    /// slots, and the reception cards. A visitor and a card's questions are stored as JSON: they are read and written
    /// whole with their row and never searched by their parts. One active booking per slot is the database's rule,
    /// so two operators booking the same minute at once cannot both succeed.
    static let reception = Migration(
        version: 14, name: "reception",
        statements: [
            """
            CREATE TABLE reception_schedules (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                official_employee_id {bin_text} NOT NULL REFERENCES employees(id),
                official_name TEXT NOT NULL,
                official_position TEXT NOT NULL,
                place TEXT NOT NULL,
                recurrence TEXT NOT NULL,
                start_minute INTEGER NOT NULL,
                end_minute INTEGER NOT NULL,
                slot_minutes INTEGER NOT NULL,
                held_back_slots INTEGER NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                active BOOLEAN NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reception_schedules_by_organization ON reception_schedules (organization_id, active)",
            """
            CREATE TABLE reception_bookings (
                id {bin_text} PRIMARY KEY,
                schedule_id {bin_text} NOT NULL REFERENCES reception_schedules(id),
                reception_date TEXT NOT NULL,
                start_minute INTEGER NOT NULL,
                visitor TEXT NOT NULL,
                visitor_name TEXT NOT NULL,
                question TEXT NOT NULL,
                topic_code TEXT,
                priority TEXT,
                priority_note TEXT,
                state TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reception_bookings_by_day ON reception_bookings (schedule_id, reception_date)",
            "CREATE UNIQUE INDEX reception_bookings_one_per_slot ON reception_bookings (schedule_id, reception_date, start_minute) WHERE state = 'booked'",
            """
            CREATE TABLE reception_cards (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                schedule_id {bin_text} REFERENCES reception_schedules(id),
                booking_id {bin_text} UNIQUE REFERENCES reception_bookings(id),
                official_employee_id {bin_text} NOT NULL REFERENCES employees(id),
                official_name TEXT NOT NULL,
                official_position TEXT NOT NULL,
                reception_date TEXT NOT NULL,
                visitor TEXT NOT NULL,
                visitor_name TEXT NOT NULL,
                priority TEXT,
                appeal_type TEXT NOT NULL,
                substance TEXT NOT NULL,
                questions TEXT NOT NULL,
                outcome TEXT NOT NULL,
                oral_answer_consent BOOLEAN NOT NULL,
                outcome_detail TEXT,
                appeal_document_id {bin_text} REFERENCES documents(id),
                created_by_user_id {bin_text} NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reception_cards_by_organization ON reception_cards (organization_id, reception_date)",
        ])
}
