public import Foundation

/// A throwaway public key infrastructure for signature tests: a root CA and an intermediate CA made with the
/// `openssl` command line in a fresh temporary directory, which can issue signer certificates and make detached
/// CMS (PKCS #7) signatures.
///
/// Every certificate is issued with `openssl ca` from its own scratch database, so that validity can start at an
/// explicit date (OpenSSL 3.0's `x509 -req` has no `-not_before`) and so that concurrent tests never share state.
/// The CAs are valid from five years ago to ten years ahead, so that an expired signer still chains to them and
/// verifies with `-attime` inside its own validity.
///
/// ```
/// Oborot Test Root CA (P-256, self-signed)
/// └─ Oborot Test Intermediate CA (P-256)
///    └─ signers from issueSigner (RSA 2048, P-256 or P-384)
/// ```
public struct TestPKI: Sendable {
    /// The key algorithm of a signer.
    public enum KeyKind: Sendable, CaseIterable {
        case rsa2048, p256, p384
    }

    /// The message digest of a signature, named as `openssl cms -md` takes it.
    public enum Digest: String, Sendable, CaseIterable {
        case sha256, sha384, sha512
    }

    /// A certificate with its unencrypted private key, both also kept as PEM files.
    public struct Identity: Sendable {
        /// The certificate in PEM.
        public let certificatePEM: String
        /// The certificate in DER.
        public let certificateDER: Data
        /// The private key, an unencrypted PKCS #8 PEM file.
        public let keyPath: URL
        /// The certificate, a PEM file.
        public let certificatePath: URL
        /// The serial number in upper-case hex without leading zeros, as `openssl x509 -serial` prints it.
        public let serialHex: String
        /// The subject as RFC 2253 with UTF-8 kept, e.g. `CN=Иванов Иван Иванович,O=Минфин ТО,C=RU`.
        public let subject: String
        /// The issuing CA's certificate, put into signatures so that verifiers can build the chain; nil for a root.
        let issuerCertificatePath: URL?
    }

    /// The temporary directory holding every file of this PKI.
    public let directory: URL
    /// The self-signed trust anchor.
    public let root: Identity
    /// The CA that issues signers, issued by ``root``.
    public let intermediate: Identity

    /// Makes a new root and intermediate CA, both with P-256 keys, in a new temporary directory.
    public static func make() throws -> TestPKI {
        try make(name: "Oborot Test")
    }

    /// Makes a PKI whose CA names start with `name`, so that unrelated PKIs never share issuer names (a shared
    /// name would make verifiers report a bad signature instead of a missing issuer).
    static func make(name: String) throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("oborot-pki-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: directory.appendingPathComponent("openssl.cnf"))
        let now = Date()
        let caNotBefore = now.addingTimeInterval(-5 * 365 * 86400)
        let caNotAfter = now.addingTimeInterval(10 * 365 * 86400)
        let root = try issue(
            in: directory, subject: [("C", "RU"), ("O", name), ("CN", "\(name) Root CA")], key: .p256,
            issuer: nil, extensions: "root_ext", notBefore: caNotBefore, notAfter: caNotAfter
        )
        let intermediate = try issue(
            in: directory, subject: [("C", "RU"), ("O", name), ("CN", "\(name) Intermediate CA")], key: .p256,
            issuer: root, extensions: "intermediate_ext", notBefore: caNotBefore, notAfter: caNotAfter
        )
        return TestPKI(directory: directory, root: root, intermediate: intermediate)
    }

    /// Issues a signer certificate from the intermediate CA for the subject `/C=RU/O=organization/CN=commonName`,
    /// with keyUsage digitalSignature and nonRepudiation and extendedKeyUsage emailProtection.
    public func issueSigner(
        commonName: String,
        organization: String = "Минфин ТО",
        key: KeyKind = .p256,
        notBefore: Date = Date().addingTimeInterval(-86400),
        notAfter: Date = Date().addingTimeInterval(365 * 86400)
    ) throws -> Identity {
        try Self.issue(
            in: directory, subject: [("C", "RU"), ("O", organization), ("CN", commonName)], key: key,
            issuer: intermediate, extensions: "signer_ext", notBefore: notBefore, notAfter: notAfter
        )
    }

    /// Issues a currently valid signer from a new, unrelated PKI, so that it does not chain to any other ``root``.
    public static func makeUntrustedSigner(commonName: String, key: KeyKind = .p256) throws -> Identity {
        try make(name: "Untrusted Test").issueSigner(commonName: commonName, organization: "Untrusted Test", key: key)
    }

    /// A detached CMS signature of `content` by `signer`, as DER bytes of a `.p7s` file or, when `pem` is true,
    /// as a PEM `-----BEGIN CMS-----` block; it carries the signer's and its issuer's certificates and the default
    /// signed attributes (contentType, signingTime, messageDigest, smimeCapabilities).
    public func signDetached(
        _ content: Data, by signer: Identity, digest: Digest = .sha256, pem: Bool = false
    ) throws -> Data {
        let name = UUID().uuidString
        let input = directory.appendingPathComponent("\(name).bin")
        let output = directory.appendingPathComponent("\(name).p7s")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try content.write(to: input)
        var arguments = [
            "cms", "-sign", "-binary", "-md", digest.rawValue,
            "-signer", signer.certificatePath.path, "-inkey", signer.keyPath.path,
        ]
        if let issuer = signer.issuerCertificatePath {
            arguments += ["-certfile", issuer.path]
        }
        arguments += ["-in", input.path, "-outform", pem ? "PEM" : "DER", "-out", output.path]
        try Self.openssl(arguments)
        return try Data(contentsOf: output)
    }

    /// The root and intermediate certificates in PEM, concatenated.
    public func chainPEM() -> String {
        root.certificatePEM + intermediate.certificatePEM
    }

    /// Deletes ``directory``; identities made by ``makeUntrustedSigner(commonName:key:)`` live elsewhere.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Issuing

    /// Makes a key and a request, then has `openssl ca` sign it (or self-sign it when `issuer` is nil) in a scratch
    /// folder named after the new serial number.
    static func issue(
        in directory: URL, subject: [(String, String)], key: KeyKind, issuer: Identity?, extensions: String,
        notBefore: Date, notAfter: Date
    ) throws -> Identity {
        let serialHex = randomSerialHex()
        let folder = directory.appendingPathComponent(serialHex, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keyPath = folder.appendingPathComponent("key.pem")
        let requestPath = folder.appendingPathComponent("request.pem")
        let certificatePath = folder.appendingPathComponent("certificate.pem")
        let configPath = directory.appendingPathComponent("openssl.cnf").path

        try openssl(["genpkey"] + key.genpkeyArguments + ["-out", keyPath.path])
        // `-utf8` reads the subject as UTF-8; the config's `string_mask = utf8only` stores it as UTF8String.
        let subjectArgument = subject.map { "/\($0.0)=\(escapeSubjectValue($0.1))" }.joined()
        try openssl([
            "req", "-new", "-config", configPath, "-utf8", "-key", keyPath.path, "-subj", subjectArgument,
            "-out", requestPath.path,
        ])
        // The config names the database and serial files relative to the working directory, so each issuance
        // gets its own and `openssl ca` starts numbering at our random serial.
        try Data().write(to: folder.appendingPathComponent("index.txt"))
        try Data("\(serialHex)\n".utf8).write(to: folder.appendingPathComponent("serial"))
        var arguments = ["ca", "-batch", "-config", configPath, "-notext", "-preserveDN", "-extensions", extensions]
        if let issuer {
            arguments += ["-cert", issuer.certificatePath.path, "-keyfile", issuer.keyPath.path]
        } else {
            arguments += ["-selfsign", "-keyfile", keyPath.path]
        }
        arguments += [
            "-startdate", asn1Time(notBefore), "-enddate", asn1Time(notAfter),
            "-in", requestPath.path, "-out", certificatePath.path,
        ]
        try openssl(arguments, in: folder)

        let pem = try String(contentsOf: certificatePath, encoding: .utf8)
        // Read the subject back from the certificate so that it is exactly what a verifier will see.
        let printed = try openssl([
            "x509", "-in", certificatePath.path, "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb",
        ])
        let subjectLine = printed.split(separator: "\n").first.map(String.init) ?? ""
        return Identity(
            certificatePEM: pem,
            certificateDER: try derFromPEM(pem, path: certificatePath),
            keyPath: keyPath,
            certificatePath: certificatePath,
            serialHex: serialHex,
            subject: subjectLine.hasPrefix("subject=") ? String(subjectLine.dropFirst("subject=".count)) : subjectLine,
            issuerCertificatePath: issuer?.certificatePath
        )
    }

    /// Sixteen hex digits whose first byte is 0x10...0x7F: positive, no leading zero, so it prints as written.
    static func randomSerialHex() -> String {
        var bytes = (0..<8).map { _ in UInt8.random(in: 0...255) }
        bytes[0] = UInt8.random(in: 0x10...0x7F)
        return bytes.map { String(format: "%02X", $0) }.joined()
    }

    /// `-subj` ends a value at an unescaped `/` and splits multi-valued RDNs at `+`.
    static func escapeSubjectValue(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if character == "\\" || character == "/" || character == "+" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A date as `openssl ca -startdate` takes it; OpenSSL stores it as UTCTime up to 2049, as RFC 5280 asks.
    static func asn1Time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    static func derFromPEM(_ pem: String, path: URL) throws -> Data {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body) else { throw TestPKIError.unreadable(path) }
        return der
    }

    /// Extension sections for each kind of certificate, plus the least `openssl req` and `openssl ca` need.
    static let config = """
        [req]
        distinguished_name = req_dn
        string_mask = utf8only
        utf8 = yes

        [req_dn]

        [ca]
        default_ca = ca_default

        [ca_default]
        database = index.txt
        serial = serial
        new_certs_dir = .
        default_md = sha256
        policy = policy_any
        unique_subject = no
        copy_extensions = none
        email_in_dn = no

        [policy_any]
        countryName = optional
        organizationName = optional
        commonName = supplied

        [root_ext]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash

        [intermediate_ext]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always

        [signer_ext]
        basicConstraints = CA:FALSE
        keyUsage = critical,digitalSignature,nonRepudiation
        extendedKeyUsage = emailProtection
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always

        """

    // MARK: - Running openssl

    /// The `openssl` executable found on `PATH`.
    static let opensslURL: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("openssl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Runs `openssl` with `arguments` and returns its standard output, or throws with its standard error.
    @discardableResult
    static func openssl(_ arguments: [String], in workingDirectory: URL? = nil) throws -> String {
        guard let executable = opensslURL else { throw TestPKIError.opensslNotFound }
        // Output goes to files rather than pipes, so that neither stream can fill up and stall openssl.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-openssl-\(UUID().uuidString)")
        let stdoutPath = scratch.appendingPathExtension("out")
        let stderrPath = scratch.appendingPathExtension("err")
        try Data().write(to: stdoutPath)
        try Data().write(to: stderrPath)
        defer {
            try? FileManager.default.removeItem(at: stdoutPath)
            try? FileManager.default.removeItem(at: stderrPath)
        }
        let stdout = try FileHandle(forWritingTo: stdoutPath)
        let stderr = try FileHandle(forWritingTo: stderrPath)
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: (try? Data(contentsOf: stdoutPath)) ?? Data(), as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let errors = String(decoding: (try? Data(contentsOf: stderrPath)) ?? Data(), as: UTF8.self)
            throw TestPKIError.opensslFailed(arguments: arguments, status: process.terminationStatus, stderr: errors)
        }
        return output
    }
}

extension TestPKI.KeyKind {
    var genpkeyArguments: [String] {
        switch self {
        case .rsa2048: ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]
        case .p256: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
        case .p384: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"]
        }
    }
}

/// Why a ``TestPKI`` could not be made or used.
public enum TestPKIError: Error, CustomStringConvertible {
    case opensslNotFound
    case opensslFailed(arguments: [String], status: Int32, stderr: String)
    case unreadable(URL)

    public var description: String {
        switch self {
        case .opensslNotFound:
            "openssl was not found on PATH; the signature tests need the openssl command line"
        case let .opensslFailed(arguments, status, stderr):
            "openssl \(arguments.joined(separator: " ")) failed with status \(status): \(stderr)"
        case let .unreadable(url):
            "could not read the certificate at \(url.path)"
        }
    }
}
