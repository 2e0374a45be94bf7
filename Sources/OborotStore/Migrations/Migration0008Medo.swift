extension Migrations {
    /// МЭДО: the directory of participants (their МЭДО uids mapped to our organisations or to correspondents), every
    /// packet in and out with its state, and the outbox of packet files waiting to be written to the OUT folder.
    static let medo = Migration(
        version: 8, name: "medo",
        statements: [
            """
            CREATE TABLE medo_participants (
                id {bin_text} PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                organization_id {bin_text} REFERENCES organizations(id),
                correspondent_id {bin_text} REFERENCES correspondents(id),
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX medo_participants_by_organization ON medo_participants (organization_id)",
            "CREATE INDEX medo_participants_by_correspondent ON medo_participants (correspondent_id)",
            """
            CREATE TABLE medo_packets (
                id {bin_text} PRIMARY KEY,
                direction TEXT NOT NULL,
                packet_uid TEXT,
                message_type TEXT NOT NULL,
                version TEXT,
                state TEXT NOT NULL,
                document_id {bin_text} REFERENCES documents(id),
                document_uid TEXT,
                participant_uid TEXT,
                participant_name TEXT,
                label TEXT,
                reason_code TEXT,
                reason TEXT,
                source TEXT NOT NULL,
                message_xml TEXT,
                created_at BIGINT NOT NULL,
                written_at BIGINT,
                ticket_at BIGINT,
                ticket_comment TEXT,
                flagged_at BIGINT)
            """,
            // The same packet uid arriving twice is one packet; a quarantined packet may have no uid at all.
            "CREATE UNIQUE INDEX medo_packets_by_uid ON medo_packets (direction, packet_uid)",
            "CREATE INDEX medo_packets_by_document ON medo_packets (document_id, created_at)",
            "CREATE INDEX medo_packets_by_document_uid ON medo_packets (document_uid, direction)",
            "CREATE INDEX medo_packets_by_state ON medo_packets (direction, state, created_at)",
            """
            CREATE TABLE medo_outbox_files (
                packet_id {bin_text} NOT NULL REFERENCES medo_packets(id),
                name TEXT NOT NULL,
                content {blob} NOT NULL,
                PRIMARY KEY (packet_id, name))
            """,
        ])
}
