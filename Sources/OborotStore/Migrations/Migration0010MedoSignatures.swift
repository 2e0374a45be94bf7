extension Migrations {
    /// What the check of an inbound packet's `.p7s` signatures found, per file, for the registrar to read.
    static let medoSignatures = Migration(
        version: 10, name: "medo_signatures",
        statements: ["ALTER TABLE medo_packets ADD COLUMN signature_check TEXT"])
}
