extension Migrations {
    /// Approval routes with their steps (every round kept for the approval sheet), the trust store of certificate
    /// authorities, the bindings of certificate subjects to employees, and electronic signatures over file versions.
    static let approval = Migration(
        version: 5, name: "approval",
        statements: [
            // One route per document; a restart or a new plan opens a new round in the same route.
            """
            CREATE TABLE approval_routes (
                id {bin_text} PRIMARY KEY,
                document_id {bin_text} NOT NULL UNIQUE REFERENCES documents(id),
                state TEXT NOT NULL,
                round INTEGER NOT NULL,
                restart_mode TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL)
            """,
            """
            CREATE TABLE approval_steps (
                id {bin_text} PRIMARY KEY,
                route_id {bin_text} NOT NULL REFERENCES approval_routes(id),
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                round INTEGER NOT NULL,
                stage INTEGER NOT NULL,
                position INTEGER NOT NULL,
                approver_employee_id {bin_text} NOT NULL REFERENCES employees(id),
                approver_user_id {bin_text} NOT NULL REFERENCES users(id),
                state TEXT NOT NULL,
                working_days INTEGER NOT NULL,
                deadline TEXT,
                activated_at BIGINT,
                decided_at BIGINT,
                comment TEXT,
                carried_over BOOLEAN NOT NULL)
            """,
            "CREATE INDEX approval_steps_by_route ON approval_steps (route_id, round, stage, position)",
            // «На согласование»: a person's active steps by deadline.
            "CREATE INDEX approval_steps_by_approver ON approval_steps (approver_user_id, state, deadline, id)",
            // The reminder job: active steps past their deadline, region-wide.
            "CREATE INDEX approval_steps_by_deadline ON approval_steps (state, deadline)",
            // Reusable routes of an organisation for a kind of document; the stages as JSON (user ids and days).
            """
            CREATE TABLE approval_templates (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                stages_json TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX approval_templates_by_organization ON approval_templates (organization_id, kind, name)",
            """
            CREATE TABLE trusted_certificates (
                id {bin_text} PRIMARY KEY,
                fingerprint_sha256 TEXT NOT NULL UNIQUE,
                subject TEXT NOT NULL,
                issuer TEXT NOT NULL,
                serial_hex TEXT NOT NULL,
                not_before BIGINT NOT NULL,
                not_after BIGINT NOT NULL,
                der_base64 TEXT NOT NULL,
                active BOOLEAN NOT NULL,
                added_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                added_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE certificate_bindings (
                id {bin_text} PRIMARY KEY,
                employee_id {bin_text} NOT NULL REFERENCES employees(id),
                subject TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                UNIQUE (employee_id, subject))
            """,
            // The .p7s itself is a blob like any file; the row keeps what was verified when it arrived.
            """
            CREATE TABLE signatures (
                id {bin_text} PRIMARY KEY,
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                attachment_id {bin_text} NOT NULL REFERENCES attachments(id),
                attachment_version_id {bin_text} NOT NULL REFERENCES attachment_versions(id),
                version_number INTEGER NOT NULL,
                content_sha256 TEXT NOT NULL,
                signature_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
                signer_user_id {bin_text} NOT NULL REFERENCES users(id),
                signer_employee_id {bin_text} NOT NULL REFERENCES employees(id),
                certificate_serial TEXT NOT NULL,
                certificate_subject TEXT NOT NULL,
                certificate_owner TEXT NOT NULL,
                certificate_issuer TEXT NOT NULL,
                certificate_not_before BIGINT NOT NULL,
                certificate_not_after BIGINT NOT NULL,
                certificate_fingerprint TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                claimed_signing_time BIGINT,
                signed_at BIGINT NOT NULL,
                verification_code TEXT NOT NULL UNIQUE,
                UNIQUE (attachment_version_id, signer_user_id))
            """,
            "CREATE INDEX signatures_by_document ON signatures (document_id, signed_at)",
            "CREATE INDEX signatures_by_signature_blob ON signatures (signature_sha256)",
            // Notifications about documents (approval and signing), beside those about assignments.
            "ALTER TABLE notifications ADD COLUMN document_id {bin_text} REFERENCES documents(id)",
            // «На подпись»: a signer's unsigned drafts.
            "CREATE INDEX documents_awaiting_signature ON documents (signer_employee_id, state, signed_at, created_at)",
        ])
}
