import Foundation
public import OborotDomain
import Crypto
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// Verifies detached CMS/PKCS#7 signatures (`.p7s`, DER or PEM) with RSA or ECDSA keys: the digest in the signed
/// attributes is the digest of the content, the signature over those attributes verifies with the signer's
/// certificate, and the certificate chains to a trusted root and was valid at the moment asked for.
/// GOST signatures are recognised and refused with their own reason until a GOST verifier is plugged in.
public struct CMSSignatureVerifier: SignatureVerifier {
    public init() {}

    public func verify(
        signature rawSignature: [UInt8], content: any SignedContent, trustRoots: [[UInt8]], moment: ValidationMoment
    ) async throws -> Result<VerifiedSignature, SignatureProblem> {
        do {
            return .success(try await check(rawSignature, content: content, trustRoots: trustRoots, moment: moment))
        } catch let problem as SignatureProblem {
            return .failure(problem)
        } catch is ContentUnreadable {
            throw ContentUnreadable()
        } catch {
            // Anything else the ASN.1 and certificate parsers throw means the signature is not one we can read.
            return .failure(.malformed(""))
        }
    }

    private func check(
        _ rawSignature: [UInt8], content: any SignedContent, trustRoots: [[UInt8]], moment: ValidationMoment
    ) async throws -> VerifiedSignature {
        let der = try SignatureFiles.der(fromSignatureFile: rawSignature)
        let signedData: CMSSignedData
        do {
            signedData = try CMSSignedData(ber: der)
        } catch CMSSignedData.ParseError.malformed(let reason) {
            // A GOST signature from a tool we cannot parse still deserves the right answer.
            if SignatureFiles.mentionsGOST(der) { throw SignatureProblem.gostUnsupported }
            throw SignatureProblem.malformed(reason)
        }
        guard signedData.signers.count == 1, let signer = signedData.signers.first else {
            throw signedData.signers.isEmpty ? SignatureProblem.malformed("нет подписанта") : SignatureProblem.multipleSigners
        }
        if SignatureAlgorithms.isGOST(signer.digestAlgorithm) || SignatureAlgorithms.isGOST(signer.signatureAlgorithm) {
            throw SignatureProblem.gostUnsupported
        }
        if signedData.hasEncapsulatedContent { throw SignatureProblem.attachedContent }
        guard let digest = SignatureAlgorithms.digest(signer.digestAlgorithm) else {
            throw SignatureProblem.unsupportedAlgorithm(SignatureAlgorithms.name(signer.digestAlgorithm))
        }
        guard let (algorithm, algorithmName) = SignatureAlgorithms.signature(signer.signatureAlgorithm, digest: digest) else {
            throw SignatureProblem.unsupportedAlgorithm(SignatureAlgorithms.name(signer.signatureAlgorithm))
        }
        guard let signedAttributes = signer.signedAttributesDER, let messageDigest = signer.messageDigest else {
            throw SignatureProblem.malformed("нет подписанных атрибутов с хешем документа")
        }
        let certificates = signedData.certificates.compactMap { try? Certificate(derEncoded: Array($0)) }
        guard let certificate = Self.signerCertificate(signer, among: certificates) else {
            if SignatureFiles.mentionsGOST(der) { throw SignatureProblem.gostUnsupported }
            throw SignatureProblem.signerCertificateMissing
        }

        // The cheap structural checks passed; now the content, then the signature value, then the certificate.
        let contentDigest: [UInt8]
        do { contentDigest = try content.digest(digest) } catch { throw ContentUnreadable() }
        guard contentDigest.elementsEqual(messageDigest) else { throw SignatureProblem.contentMismatch }
        guard certificate.publicKey.isValidSignature(signer.signature, for: signedAttributes, signatureAlgorithm: algorithm) else {
            throw SignatureProblem.invalidSignature
        }
        let claimed = signer.signingTime.flatMap(SignatureFiles.date(fromTime:))
        let checkedAt: Date
        switch moment {
        case .at(let date): checkedAt = date
        case .claimedSigningTime(let otherwise): checkedAt = claimed ?? otherwise
        }
        if let problem = SignerRules.checkValidity(
            notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter, at: checkedAt)
        {
            throw problem
        }
        try await Self.checkChain(certificate, intermediates: certificates, trustRoots: trustRoots, at: checkedAt)
        return VerifiedSignature(
            certificate: CertificateDescription.facts(certificate), claimedSigningTime: claimed, validatedAt: checkedAt,
            digestAlgorithm: digest, algorithmName: algorithmName)
    }

    /// The certificate the signer identifies: by issuer and serial number, or by subject key identifier.
    private static func signerCertificate(_ signer: CMSSignedData.Signer, among certificates: [Certificate]) -> Certificate? {
        if let (issuerNode, serial) = signer.issuerAndSerial, let issuer = try? DistinguishedName(derEncoded: issuerNode) {
            let wanted = serial.drop { $0 == 0 }
            return certificates.first { $0.issuer == issuer && $0.serialNumber.bytes.drop { $0 == 0 }.elementsEqual(wanted) }
        }
        if let keyIdentifier = signer.subjectKeyIdentifier {
            return certificates.first {
                (try? $0.extensions.subjectKeyIdentifier)?.keyIdentifier.elementsEqual(keyIdentifier) == true
            }
        }
        return nil
    }

    private static func checkChain(
        _ certificate: Certificate, intermediates: [Certificate], trustRoots: [[UInt8]], at moment: Date
    ) async throws {
        let roots = trustRoots.compactMap { try? Certificate(derEncoded: $0) }
        guard !roots.isEmpty else { throw SignatureProblem.noTrustStore }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: moment)
            SigningCertificatePolicy()
        }
        let result = await verifier.validate(leaf: certificate, intermediates: CertificateStore(intermediates))
        switch result {
        case .validCertificate:
            return
        case .couldNotValidate(let failures):
            let reason = failures.first.map { CertificateDescription.reason($0.policyFailureReason) } ?? ""
            throw SignatureProblem.untrusted(reason)
        }
    }
}

/// The signed content could not be read (I/O): not a property of the signature.
public struct ContentUnreadable: Error, Sendable {}
