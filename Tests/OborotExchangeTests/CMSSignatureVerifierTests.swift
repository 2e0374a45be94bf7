import Foundation
import OborotDomain
import OborotExchange
import OborotTestSupport
import Testing

/// Real keys and certificates made with openssl, signatures made by `openssl cms -sign`, checked by our verifier.
@Suite("Проверка отсоединённой подписи CMS")
struct CMSSignatureVerifierTests {
    static let pki = Result { try TestPKI.make() }
    let document = Data("Письмо министерства № 15 о ремонте дорог".utf8) + Data((0..<4096).map { UInt8($0 % 251) })
    let verifier = CMSSignatureVerifier()

    func roots(_ pki: TestPKI) -> [[UInt8]] { [Array(pki.root.certificateDER)] }

    func verify(_ signature: Data, content: Data? = nil, roots: [[UInt8]], at moment: ValidationMoment = .at(Date())) async
        -> Result<VerifiedSignature, SignatureProblem>
    {
        // In-memory content never fails to read.
        try! await verifier.verify(
            signature: Array(signature), content: InMemoryContent(Array(content ?? document)), trustRoots: roots, moment: moment)
    }

    @Test("RSA, P-256 and P-384 with SHA-256/384/512, DER and PEM, verify and name their signer",
          arguments: TestPKI.KeyKind.allCases)
    func validSignatures(key: TestPKI.KeyKind) async throws {
        let pki = try Self.pki.get()
        let signer = try pki.issueSigner(commonName: "Иванов Иван Иванович", key: key)
        for digest in TestPKI.Digest.allCases {
            for pem in [false, true] {
                let signature = try pki.signDetached(document, by: signer, digest: digest, pem: pem)
                let result = await verify(signature, roots: roots(pki))
                let verified = try result.get()
                #expect(verified.certificate.commonName == "Иванов Иван Иванович")
                #expect(verified.certificate.serialNumberHex == signer.serialHex)
                #expect(verified.certificate.subject == signer.subject)
                #expect(verified.digestAlgorithm.rawValue == digest.rawValue)
                #expect(verified.claimedSigningTime != nil)
            }
        }
    }

    @Test("the same signature over other bytes, or with a flipped bit in its value, is refused")
    func tampered() async throws {
        let pki = try Self.pki.get()
        let signer = try pki.issueSigner(commonName: "Петров Пётр Петрович")
        let signature = try pki.signDetached(document, by: signer)
        var other = document
        other[10] ^= 0x01
        #expect(await verify(signature, content: other, roots: roots(pki)) == .failure(.contentMismatch))
        // The signature value is the last bytes of the structure (no unsigned attributes).
        var broken = signature
        broken[broken.count - 5] ^= 0x01
        #expect(await verify(broken, roots: roots(pki)) == .failure(.invalidSignature))
    }

    @Test("an expired certificate is refused at signing time and accepted at a moment inside its validity")
    func expired() async throws {
        let pki = try Self.pki.get()
        let now = Date()
        let signer = try pki.issueSigner(
            commonName: "Сидоров Сидор", notBefore: now.addingTimeInterval(-2 * 365 * 86_400), notAfter: now.addingTimeInterval(-365 * 86_400))
        let signature = try pki.signDetached(document, by: signer)
        guard case .failure(.expired) = await verify(signature, roots: roots(pki)) else {
            Issue.record("an expired certificate was accepted")
            return
        }
        let inside = now.addingTimeInterval(-500 * 86_400)
        #expect((try? await verify(signature, roots: roots(pki), at: .at(inside)).get()) != nil)
    }

    @Test("a certificate from an authority outside the trust store is untrusted; an empty trust store says so")
    func untrusted() async throws {
        let pki = try Self.pki.get()
        let stranger = try TestPKI.makeUntrustedSigner(commonName: "Чужой Подписант")
        let signature = try pki.signDetached(document, by: stranger)
        guard case .failure(.untrusted) = await verify(signature, roots: roots(pki)) else {
            Issue.record("an untrusted certificate was accepted")
            return
        }
        let own = try pki.signDetached(document, by: try pki.issueSigner(commonName: "Свой"))
        #expect(await verify(own, roots: []) == .failure(.noTrustStore))
    }

    @Test("garbage, a truncated signature and a certificate instead of a signature are malformed, never a crash")
    func malformed() async throws {
        let pki = try Self.pki.get()
        let signature = try pki.signDetached(document, by: try pki.issueSigner(commonName: "Обрезанный"))
        for bytes in [Data("это не подпись".utf8), Data(), signature.prefix(signature.count / 2), pki.root.certificateDER,
                      Data([0x30, 0x80, 0x00]), Data(repeating: 0x30, count: 64)] {
            guard case .failure(.malformed) = await verify(bytes, roots: roots(pki)) else {
                Issue.record("\(bytes.count) bytes of nonsense were not called malformed")
                continue
            }
        }
    }

    @Test("a GOST signature algorithm is recognised and refused with its own reason")
    func gost() async throws {
        let pki = try Self.pki.get()
        var signature = try pki.signDetached(document, by: try pki.issueSigner(commonName: "Гостов"))
        // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) and GOST R 34.10-2012 256 with 34.11-2012 (1.2.643.7.1.1.3.2) both
        // take eight bytes, so the signer's algorithm can be swapped in place.
        let ecdsa: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]
        let gost: [UInt8] = [0x06, 0x08, 0x2A, 0x85, 0x03, 0x07, 0x01, 0x01, 0x03, 0x02]
        let bytes = Array(signature)
        let index = try #require((0...(bytes.count - ecdsa.count)).last { Array(bytes[$0..<($0 + ecdsa.count)]) == ecdsa })
        signature.replaceSubrange(index..<(index + gost.count), with: gost)
        #expect(await verify(signature, roots: roots(pki)) == .failure(.gostUnsupported))
        #expect(SignatureProblem.gostUnsupported.russianReason.contains("алгоритм ГОСТ не поддерживается этой установкой"))
    }

    @Test("trust store files: a PEM bundle of the chain reads as two authorities")
    func certificateFiles() throws {
        let pki = try Self.pki.get()
        let read = try #require(CertificateReader.read(Array(pki.chainPEM().utf8)))
        #expect(read.count == 2)
        #expect(read.allSatisfy { $0.isAuthority })
        let leaf = try #require(CertificateReader.read(Array(try pki.issueSigner(commonName: "Лист").certificateDER)))
        #expect(leaf.first?.isAuthority == false)
        #expect(CertificateReader.read(Array("мусор".utf8)) == nil)
    }
}
