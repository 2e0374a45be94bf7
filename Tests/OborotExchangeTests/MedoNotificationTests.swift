import Foundation
import OborotDomain
import OborotExchange
import Testing

@Suite("МЭДО: уведомления и квитанции")
struct MedoNotificationTests {
    static func legacy(_ body: String, type: String = "Уведомление", version: String = "2.2") -> [String: [UInt8]] {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xdms:communication xmlns:xdms="http://www.infpres.com/IEDMS" xdms:version="\(version)">
              <xdms:header xdms:type="\(type)" xdms:uid="N-0001" xdms:created="2026-03-30T10:41:12">
                <xdms:source xdms:uid="MINFIN-0001"><xdms:organization>Министерство финансов</xdms:organization></xdms:source>
              </xdms:header>
              \(body)
            </xdms:communication>
            """
        return ["document.xml": Array(xml.utf8)]
    }

    static func message(_ body: String, type: String = "Уведомление") -> [String: [UInt8]] {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <communication xmlns="urn:IEDMS:MESSAGE" version="2.7.1">
              <header type="\(type)" uid="M-0002" created="2026-03-30T10:41:12+03:00">
                <source uid="ROSTOV-0100"><organization>Правительство Ростовской области</organization></source>
              </header>
              \(body)
            </communication>
            """
        return ["message.xml": Array(xml.utf8)]
    }

    static func notification(_ files: [String: [UInt8]]) throws -> MedoNotification {
        let packet = try MedoFixture.packet(files)
        guard case .notification(let notification) = packet.content else {
            Issue.record("not a notification: \(packet.content)")
            throw MedoRejection(code: "test", reason: "не уведомление")
        }
        return notification
    }

    @Test("2.2 «Зарегистрирован»: the recipient's number, the foundation and the correspondent")
    func legacyAccepted() throws {
        let notification = try Self.notification(Self.legacy("""
            <xdms:notification xdms:type="Зарегистрирован" xdms:uid="DOC-OURS-1">
              <xdms:documentAccepted>
                <xdms:time>2026-03-30T10:41:12</xdms:time>
                <xdms:foundation><xdms:organization>Правительство Ростовской области</xdms:organization>
                  <xdms:num><xdms:number>1.2-15/123</xdms:number><xdms:date>2026-03-28</xdms:date></xdms:num></xdms:foundation>
                <xdms:correspondent><xdms:region>г. Москва</xdms:region><xdms:organization>Министерство финансов</xdms:organization></xdms:correspondent>
                <xdms:num><xdms:number>33306/МС</xdms:number><xdms:date>2026-03-30</xdms:date></xdms:num>
              </xdms:documentAccepted>
            </xdms:notification>
            """))
        #expect(notification == MedoNotification(documentUID: "DOC-OURS-1", event: .accepted(MedoAcceptance(
            time: MedoFixture.moscow("2026-03-30T10:41:12"), number: "33306/МС", date: MedoFixture.date("2026-03-30"),
            foundation: MedoCorrespondent(organization: "Правительство Ростовской области", number: "1.2-15/123",
                                          date: MedoFixture.date("2026-03-28")),
            correspondent: MedoParticipant(region: "г. Москва", organization: "Министерство финансов")))))
        #expect(notification.event.label == "Зарегистрирован")
    }

    @Test("2.7.1 «Отказано в регистрации» with its reason; a refusal without a reason is rejected")
    func refused() throws {
        let notification = try Self.notification(Self.message("""
            <notification type="Отказано в регистрации" uid="DOC-OURS-2">
              <documentRefused><time>2026-03-30T12:00:00+03:00</time><reason>Документ направлен не по адресу</reason></documentRefused>
            </notification>
            """))
        #expect(notification.event == .refused(MedoRefusal(
            time: MedoFixture.moscow("2026-03-30T12:00:00"), reason: "Документ направлен не по адресу")))
        let noReason = MedoFixture.rejection(Self.message("""
            <notification type="Отказано в регистрации" uid="DOC-OURS-2">
              <documentRefused><time>2026-03-30T12:00:00</time></documentRefused></notification>
            """))
        #expect(noReason?.code == "missing_element")
        #expect(noReason?.reason.contains("reason") == true)
    }

    @Test("executorAssigned, reportPrepared, reportSent, courseChanged, documentPublished")
    func otherEvents() throws {
        #expect(try Self.notification(Self.legacy("""
            <xdms:notification xdms:type="Назначен исполнитель" xdms:uid="D3"><xdms:executorAssigned>
              <xdms:executor><xdms:organization>Минстрой области</xdms:organization><xdms:person>Кузнецов К.К.</xdms:person>
              <xdms:post>Начальник отдела</xdms:post><xdms:contactInfo>8 863 000</xdms:contactInfo></xdms:executor>
            </xdms:executorAssigned></xdms:notification>
            """)).event == .executorAssigned(executor: MedoParticipant(
                organization: "Минстрой области", person: "Кузнецов К.К.", post: "Начальник отдела")))
        #expect(try Self.notification(Self.message("""
            <notification type="Доклад подготовлен" uid="D4"><reportPrepared>
              <signatory><person>Орлов О.О.</person><signed>2026-04-01</signed></signatory></reportPrepared></notification>
            """)).event == .reportPrepared(signatory: MedoParticipant(person: "Орлов О.О.",
                                                                       signed: MedoFixture.date("2026-04-01"))))
        #expect(try Self.notification(Self.message("""
            <notification type="Доклад направлен" uid="D5"><reportSent>
              <report><num><number>1/2-34</number><date>2026-04-02</date></num></report></reportSent></notification>
            """)).event == .reportSent(number: "1/2-34", date: MedoFixture.date("2026-04-02")))
        #expect(try Self.notification(Self.legacy("""
            <xdms:notification xdms:type="Исполнение" xdms:uid="D6"><xdms:courseChanged><xdms:time>2026-04-03T09:00:00</xdms:time></xdms:courseChanged></xdms:notification>
            """)).event == .courseChanged)
        #expect(try Self.notification(Self.message("""
            <notification type="Опубликование" uid="D7"><documentPublished><time>2026-04-03T09:00:00</time></documentPublished></notification>
            """)).event == .documentPublished)
        #expect(MedoFixture.rejection(Self.message("""
            <notification type="Что-то" uid="D8"><somethingElse>x</somethingElse></notification>
            """))?.code == "unknown_notification")
    }

    @Test("tickets: 2.7.1 delivered and undelivered with a comment, and the 2.x form")
    func tickets() throws {
        let delivered = try MedoFixture.packet(Self.message("""
            <acknowledgment uid="0E5B2C1A-7D3F-4F6A-9B1E-000000000271"><time>2026-03-31T09:00:00Z</time><accepted>true</accepted></acknowledgment>
            """, type: "Квитанция"))
        #expect(delivered.header.type == .ticket)
        #expect(delivered.content == .ticket(MedoTicket(
            messageUID: "0E5B2C1A-7D3F-4F6A-9B1E-000000000271", time: MedoFixture.moscow("2026-03-31T12:00:00"),
            accepted: true)))
        let undelivered = try MedoFixture.packet(Self.message("""
            <acknowledgment uid="X-1"><time>2026-04-03T11:30:00</time><accepted>false</accepted>
              <comment>Доставка невозможна: участник не найден</comment></acknowledgment>
            """, type: "Квитанция"))
        #expect(undelivered.content == .ticket(MedoTicket(
            messageUID: "X-1", time: MedoFixture.moscow("2026-04-03T11:30:00"), accepted: false,
            comment: "Доставка невозможна: участник не найден")))
        let legacy = try MedoFixture.packet(Self.legacy("""
            <xdms:acknowledgment xdms:uid="X-2"><xdms:time>2026-04-03T11:30:00</xdms:time><xdms:accepted>1</xdms:accepted></xdms:acknowledgment>
            """, type: "Квитанция", version: "2.5"))
        #expect(legacy.content == .ticket(MedoTicket(messageUID: "X-2", time: MedoFixture.moscow("2026-04-03T11:30:00"),
                                                     accepted: true)))
        #expect(MedoFixture.rejection(Self.message("""
            <acknowledgment uid="X-3"><time>2026-04-03T11:30:00</time><accepted>может быть</accepted></acknowledgment>
            """, type: "Квитанция"))?.code == "invalid_value")
    }
}
