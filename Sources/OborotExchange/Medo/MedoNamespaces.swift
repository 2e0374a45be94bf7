/// The XML namespaces of the МЭДО generations; elements are recognised by these, never by prefix.
enum MedoNamespace {
    /// 2.2–2.7 envelopes (`document.xml`), usual prefix `xdms`.
    static let legacy = "http://www.infpres.com/IEDMS"
    /// 2.7 container passport (`passport.xml`).
    static let legacyContainer = "http://minsvyaz.ru/container"
    /// 2.7.1 envelopes (`message.xml`).
    static let message = "urn:IEDMS:MESSAGE"
    /// 2.7.1 container passport.
    static let container = "urn:IEDMS:CONTAINER"

    /// Versions written in `communication@version` under the legacy namespace.
    static let legacyVersions: Set<String> = ["2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]
    static let messageVersions: Set<String> = ["2.7.1"]
}
