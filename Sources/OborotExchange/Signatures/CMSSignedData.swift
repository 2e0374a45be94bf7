import SwiftASN1

/// The parts of a CMS `SignedData` (RFC 5652) a detached-signature check needs, read straight from the ASN.1 tree so
/// that every defect gets its own precise reason and the digested content never has to be in memory.
struct CMSSignedData {
    /// One `SignerInfo`.
    struct Signer {
        var issuerAndSerial: (issuer: ASN1Node, serial: ArraySlice<UInt8>)?
        var subjectKeyIdentifier: ArraySlice<UInt8>?
        var digestAlgorithm: ASN1ObjectIdentifier
        var signatureAlgorithm: ASN1ObjectIdentifier
        var signature: ArraySlice<UInt8>
        /// The DER of the signed attributes as they are signed: with the universal SET tag instead of `[0]`.
        var signedAttributesDER: [UInt8]?
        var messageDigest: ArraySlice<UInt8>?
        var signingTime: ASN1Node?
    }

    var hasEncapsulatedContent: Bool
    /// DER of each embedded certificate.
    var certificates: [ArraySlice<UInt8>]
    var signers: [Signer]

    enum ParseError: Error {
        case malformed(String)
    }

    static let signedDataType: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 2]
    static let messageDigestAttribute: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 4]
    static let signingTimeAttribute: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 5]

    init(ber bytes: [UInt8]) throws {
        let root: ASN1Node
        do { root = try BER.parse(bytes) } catch { throw ParseError.malformed("это не структура ASN.1") }
        let contentInfo = try Self.children(root, "ContentInfo")
        guard contentInfo.count >= 2, let type = try? ASN1ObjectIdentifier(derEncoded: contentInfo[0]) else {
            throw ParseError.malformed("нет типа содержимого")
        }
        guard type == Self.signedDataType else { throw ParseError.malformed("это не подписанные данные (SignedData)") }
        guard let signedDataNode = try Self.children(contentInfo[1], "content").first else {
            throw ParseError.malformed("пустые подписанные данные")
        }
        let fields = try Self.children(signedDataNode, "SignedData")
        guard fields.count >= 4 else { throw ParseError.malformed("неполные подписанные данные") }
        let encapsulated = try Self.children(fields[2], "EncapsulatedContentInfo")
        hasEncapsulatedContent = encapsulated.count > 1
        var certificates: [ArraySlice<UInt8>] = []
        var signerSet: ASN1Node?
        for node in fields.dropFirst(3) {
            if node.identifier.tagClass == .contextSpecific, node.identifier.tagNumber == 0 {
                certificates = try Self.children(node, "certificates").map(\.encodedBytes)
            } else if node.identifier == .set {
                signerSet = node
            }
        }
        guard let signerSet else { throw ParseError.malformed("нет сведений о подписанте (SignerInfo)") }
        self.certificates = certificates
        self.signers = try Self.children(signerSet, "SignerInfos").map(Self.signer)
    }

    private static func signer(_ node: ASN1Node) throws -> Signer {
        let fields = try children(node, "SignerInfo")
        guard fields.count >= 5 else { throw ParseError.malformed("неполные сведения о подписанте") }
        var index = 1
        var issuerAndSerial: (ASN1Node, ArraySlice<UInt8>)?
        var keyIdentifier: ArraySlice<UInt8>?
        let sid = fields[index]
        if sid.identifier == .sequence {
            let parts = try children(sid, "IssuerAndSerialNumber")
            guard parts.count == 2, case .primitive(let serial) = parts[1].content else {
                throw ParseError.malformed("неверный идентификатор подписанта")
            }
            issuerAndSerial = (parts[0], serial)
        } else if case .primitive(let bytes) = sid.content {
            keyIdentifier = bytes
        }
        index += 1
        let digest = try algorithm(fields[index], "digestAlgorithm")
        index += 1
        var signedAttributes: [UInt8]?
        var messageDigest: ArraySlice<UInt8>?
        var signingTime: ASN1Node?
        if fields[index].identifier.tagClass == .contextSpecific, fields[index].identifier.tagNumber == 0 {
            var der = Array(fields[index].encodedBytes)
            der[0] = 0x31  // signed as a SET OF Attribute (RFC 5652 §5.4)
            signedAttributes = der
            for attribute in try children(fields[index], "signedAttrs") {
                let parts = try children(attribute, "Attribute")
                guard parts.count == 2, let type = try? ASN1ObjectIdentifier(derEncoded: parts[0]),
                    let value = try children(parts[1], "attrValues").first
                else { continue }
                if type == messageDigestAttribute, case .primitive(let bytes) = value.content {
                    messageDigest = bytes
                } else if type == signingTimeAttribute {
                    signingTime = value
                }
            }
            index += 1
        }
        guard index + 1 < fields.count else { throw ParseError.malformed("нет значения подписи") }
        let signatureAlgorithm = try algorithm(fields[index], "signatureAlgorithm")
        guard case .primitive(let signature) = fields[index + 1].content else {
            throw ParseError.malformed("нет значения подписи")
        }
        return Signer(
            issuerAndSerial: issuerAndSerial, subjectKeyIdentifier: keyIdentifier, digestAlgorithm: digest,
            signatureAlgorithm: signatureAlgorithm, signature: signature, signedAttributesDER: signedAttributes,
            messageDigest: messageDigest, signingTime: signingTime)
    }

    private static func algorithm(_ node: ASN1Node, _ what: String) throws -> ASN1ObjectIdentifier {
        guard let first = try children(node, what).first, let oid = try? ASN1ObjectIdentifier(derEncoded: first) else {
            throw ParseError.malformed("не указан алгоритм (\(what))")
        }
        return oid
    }

    private static func children(_ node: ASN1Node, _ what: String) throws -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw ParseError.malformed("неверная структура (\(what))") }
        return Array(nodes)
    }
}
