import Foundation
import OborotDomain
import OborotExchange
import Testing
import ZIPFoundation

@Suite("МЭДО: чтение пакетов 2.2, 2.5, 2.7, 2.7.1")
struct MedoReaderTests {
    @Test("2.2: header, requisites, people, files with a file signature and an inline base64 one")
    func legacy22() throws {
        let packet = try MedoFixture.packet(MedoFixture.legacy22Folder())
        #expect(packet.version == "2.2")
        #expect(packet.header == MedoHeader(
            type: .document, uid: "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
            created: MedoFixture.moscow("2026-03-28T09:15:00"), sourceUID: "MINFIN-0001",
            sourceOrganization: "Министерство финансов Российской Федерации"))
        let document = try #require(MedoFixture.document(packet))
        #expect(document.uid == "DOC-22-0001")
        #expect(document.kind == "Письмо")
        #expect(document.number == "01-02-05/12345")
        #expect(document.date == MedoFixture.date("2026-03-27"))
        #expect(document.annotation == "О бюджете & субсидиях на 2026 год")
        #expect(document.pages == 2 && document.enclosuresPages == 5)
        #expect(!document.isRestricted)
        #expect(document.comment == "Срочно")
        #expect(document.signatories == [MedoParticipant(
            organization: "Минфин России", person: "Иванов И.И.", post: "Заместитель Министра",
            signed: MedoFixture.date("2026-03-27"))])
        #expect(document.addressees == [MedoParticipant(
            region: "Ростовская область", organization: "Правительство Ростовской области", person: "Петров П.П.",
            post: "Губернатор")])
        #expect(document.executor == MedoParticipant(person: "Сидорова А.А."))
        #expect(document.destinations.isEmpty)
        #expect(document.files == [
            MedoFile(name: "letter.pdf", bytes: MedoFixture.pdf, role: .main, description: "Письмо", pages: 2,
                     signatures: [MedoSignature(name: "letter.pdf.sig", bytes: MedoFixture.signature)]),
            MedoFile(name: "annex.pdf", bytes: MedoFixture.annexPDF, role: .annex,
                     signatures: [MedoSignature(name: "annex.pdf.sig", bytes: MedoFixture.signature)]),
        ])
    }

    @Test("2.5 in windows-1251 with another prefix: Cyrillic, Ё, №, guillemets, ДСП, correspondents")
    func legacy25() throws {
        let packet = try MedoFixture.packet(MedoFixture.legacy25Folder())
        #expect(packet.version == "2.5")
        #expect(packet.header.sourceOrganization == "Администрация Президента Российской Федерации")
        let document = try #require(MedoFixture.document(packet))
        #expect(document.kind == "Обращение")
        #expect(document.number == "А26-12345")
        #expect(document.classification == "ДСП")
        #expect(document.isRestricted)
        #expect(document.annotation == "Обращение гражданина Ёлкина Е.Е. «о ремонте дороги» № 7")
        #expect(document.correspondents == [MedoCorrespondent(
            organization: "Управление Президента по работе с обращениями граждан", number: "П-2026/77",
            date: MedoFixture.date("2026-02-08"))])
        #expect(document.mainFile?.name == "appeal.pdf")
        #expect(document.mainFile?.signatures == [])
    }

    static let expectedContainerFiles: [MedoFile] = [
        MedoFile(name: "main.pdf", bytes: MedoFixture.pdf, role: .main, description: "Текст письма", pages: 3,
                 signatures: [MedoSignature(name: "main.pdf.p7s", bytes: MedoFixture.signature)]),
        MedoFile(name: "stamp1.png", bytes: MedoFixture.stampPNG, role: .stamp,
                 stampPosition: MedoStampPosition(page: 1, x: 120.5, y: 20, width: 60, height: 25)),
        MedoFile(name: "annex1.pdf", bytes: MedoFixture.annexPDF, role: .annex,
                 signatures: [MedoSignature(name: "annex1.pdf.p7s", bytes: MedoFixture.annexSignature)]),
    ]

    @Test("2.7: a transport container named by document.xml, passport in http://minsvyaz.ru/container")
    func container27() throws {
        let packet = try MedoFixture.packet(try MedoFixture.legacy27Folder())
        #expect(packet.version == "2.7")
        #expect(packet.header.type == .transportContainer)
        #expect(packet.header.created == MedoFixture.moscow("2026-03-30T11:00:00"))
        let document = try #require(MedoFixture.document(packet))
        #expect(document.uid == "DOC-27-0003")
        #expect(document.number == "ИС-15/2026")
        #expect(document.date == MedoFixture.date("2026-03-30"))
        #expect(document.classification == "Информация ограниченного распространения")
        #expect(document.signatories == [MedoParticipant(person: "Смирнов С.С.", post: "Министр",
                                                         signed: MedoFixture.date("2026-03-30"))])
        #expect(document.files == Self.expectedContainerFiles)
    }

    @Test("2.7 labelled «Документ» rather than «Транспортный контейнер» still reads its container")
    func container27AsDocument() throws {
        var folder = try MedoFixture.legacy27Folder()
        folder["document.xml"] = MedoFixture.windows1251(MedoFixture.legacy27Envelope()
            .replacingOccurrences(of: "xdms:type=\"Транспортный контейнер\"", with: "xdms:type=\"Документ\""))
        let packet = try MedoFixture.packet(folder)
        #expect(packet.header.type == .document)
        #expect(MedoFixture.document(packet)?.files == Self.expectedContainerFiles)
    }

    @Test("2.7.1: message.xml with routing, passport in urn:IEDMS:CONTAINER, UTC time")
    func message271() throws {
        let packet = try MedoFixture.packet(try MedoFixture.message271Folder())
        #expect(packet.version == "2.7.1")
        #expect(packet.header.type == .document)
        #expect(packet.header.created == MedoFixture.moscow("2026-03-31T11:30:00"))
        let document = try #require(MedoFixture.document(packet))
        #expect(document.destinations == [
            MedoDestination(uid: "ROSTOV-0100", organization: "Правительство Ростовской области"),
            MedoDestination(uid: "KRASNODAR-0200", organization: "Администрация Краснодарского края"),
        ])
        #expect(document.files == Self.expectedContainerFiles)
        #expect(document.addressees == [MedoParticipant(organization: "Правительство Ростовской области")])
    }

    @Test("a stored (uncompressed) container reads the same as a deflated one")
    func storedContainer() throws {
        var folder = try MedoFixture.message271Folder()
        folder["container.zip"] = try MedoFixture.zip(
            MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER")),
            method: .none)
        #expect(MedoFixture.document(try MedoFixture.packet(folder))?.files == Self.expectedContainerFiles)
    }

    @Test("file names in the folder are found regardless of case, as Windows senders write them")
    func caseInsensitiveNames() throws {
        var folder = MedoFixture.legacy22Folder()
        folder["Document.XML"] = folder.removeValue(forKey: "document.xml")
        folder["LETTER.PDF"] = folder.removeValue(forKey: "letter.pdf")
        let document = try #require(MedoFixture.document(try MedoFixture.packet(folder)))
        #expect(document.mainFile?.bytes == MedoFixture.pdf)
    }

    @Test("packets of every generation read concurrently give the same results as one by one")
    func concurrentReads() async throws {
        let folders = [MedoFixture.legacy22Folder(), MedoFixture.legacy25Folder(), try MedoFixture.legacy27Folder(),
                       try MedoFixture.message271Folder()]
        let expected = folders.map { MedoPacketReader.read(files: $0) }
        let results = await withTaskGroup(of: (Int, Result<MedoPacket, MedoRejection>).self) { group in
            for index in 0..<40 {
                group.addTask { (index % 4, MedoPacketReader.read(files: folders[index % 4])) }
            }
            var results: [(Int, Result<MedoPacket, MedoRejection>)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 40)
        for (index, result) in results { #expect(result == expected[index]) }
    }
}
