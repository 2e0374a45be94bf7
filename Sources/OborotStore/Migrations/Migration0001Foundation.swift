import OborotDomain

extension Migrations {
    /// Organisations, people, accounts, roles, sessions and the audit log.
    static let foundation = Migration(
        version: 1, name: "foundation",
        statements: [
            """
            CREATE TABLE organizations (
                id {bin_text} PRIMARY KEY,
                parent_id {bin_text} REFERENCES organizations(id),
                path {bin_text} NOT NULL UNIQUE,
                depth INTEGER NOT NULL,
                kind TEXT NOT NULL,
                short_name TEXT NOT NULL,
                full_name TEXT NOT NULL,
                search_text TEXT NOT NULL,
                inn TEXT,
                ogrn TEXT,
                time_zone TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX organizations_by_parent ON organizations (parent_id, short_name)",
            "CREATE INDEX organizations_by_kind ON organizations (kind)",
            """
            CREATE TABLE positions (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                title TEXT NOT NULL,
                is_head BOOLEAN NOT NULL,
                rank INTEGER NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX positions_by_organization ON positions (organization_id, rank)",
            """
            CREATE TABLE employees (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                position_id {bin_text} REFERENCES positions(id),
                surname TEXT NOT NULL,
                given_name TEXT NOT NULL,
                patronymic TEXT,
                search_text TEXT NOT NULL,
                email TEXT,
                phone TEXT,
                active BOOLEAN NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX employees_by_organization ON employees (organization_id, surname)",
            """
            CREATE TABLE users (
                id {bin_text} PRIMARY KEY,
                login {bin_text} NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                employee_id {bin_text} NOT NULL UNIQUE REFERENCES employees(id),
                active BOOLEAN NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE role_grants (
                id {bin_text} PRIMARY KEY,
                user_id {bin_text} NOT NULL REFERENCES users(id),
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                role TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (user_id, organization_id, role))
            """,
            "CREATE INDEX role_grants_by_organization ON role_grants (organization_id, role)",
            """
            CREATE TABLE delegations (
                id {bin_text} PRIMARY KEY,
                principal_user_id {bin_text} NOT NULL REFERENCES users(id),
                assistant_user_id {bin_text} NOT NULL REFERENCES users(id),
                valid_from BIGINT NOT NULL,
                valid_until BIGINT,
                revoked_at BIGINT,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX delegations_by_assistant ON delegations (assistant_user_id)",
            "CREATE INDEX delegations_by_principal ON delegations (principal_user_id)",
            """
            CREATE TABLE sessions (
                token_hash {bin_text} PRIMARY KEY,
                id {bin_text} NOT NULL UNIQUE,
                user_id {bin_text} NOT NULL REFERENCES users(id),
                kind TEXT NOT NULL,
                name TEXT,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                revoked_at BIGINT,
                client_address TEXT)
            """,
            "CREATE INDEX sessions_by_user ON sessions (user_id, kind)",
            """
            CREATE TABLE login_failures (
                id {bin_text} PRIMARY KEY,
                login {bin_text} NOT NULL,
                occurred_at BIGINT NOT NULL,
                client_address TEXT)
            """,
            "CREATE INDEX login_failures_by_login ON login_failures (login, occurred_at)",
            """
            CREATE TABLE audit_events (
                sequence BIGINT PRIMARY KEY,
                occurred_at BIGINT NOT NULL,
                actor_user_id {bin_text},
                acting_for_user_id {bin_text},
                action TEXT NOT NULL,
                object_type TEXT NOT NULL,
                object_id {bin_text} NOT NULL,
                summary TEXT NOT NULL,
                client_address TEXT,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_events_by_object ON audit_events (object_type, object_id, sequence)",
            "CREATE INDEX audit_events_by_actor ON audit_events (actor_user_id, sequence)",
            // The chain's head: one row, locked by every append so events are sealed one after another.
            "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, sequence BIGINT NOT NULL, hash TEXT NOT NULL)",
            "INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '\(AuditChain.genesisHash)')",
        ])
}
