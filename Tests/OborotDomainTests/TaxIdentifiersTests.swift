import OborotDomain
import Testing

@Suite("ИНН и ОГРН")
struct TaxIdentifiersTests {
    @Test("valid organisation and personal INNs pass", arguments: ["7707083893", "6163027810", "500100732259", "7830002293"])
    func validINN(_ value: String) {
        #expect(TaxIdentifiers.isValidINN(value))
    }

    @Test(
        "broken INNs fail",
        arguments: ["7707083894", "500100732258", "500100732269", "770708389", "77070838933", "77070838a3", "", " 7707083893",
                    "７７０７０８３８９３"])
    func invalidINN(_ value: String) {
        #expect(!TaxIdentifiers.isValidINN(value))
    }

    @Test("valid OGRN and OGRNIP pass", arguments: ["1027700132195", "1026103165736", "304500116000157"])
    func validOGRN(_ value: String) {
        #expect(TaxIdentifiers.isValidOGRN(value))
    }

    @Test("broken OGRN and OGRNIP fail", arguments: ["1027700132196", "304500116000158", "102770013219", "1027700132195X", ""])
    func invalidOGRN(_ value: String) {
        #expect(!TaxIdentifiers.isValidOGRN(value))
    }

    @Test("completing a prefix gives a valid number")
    func completion() throws {
        for prefix in ["616302781", "770708389", "000000000", "999999999"] {
            let inn = try #require(TaxIdentifiers.completeINN10(prefix))
            #expect(TaxIdentifiers.isValidINN(inn))
            #expect(inn.hasPrefix(prefix))
        }
        let ogrn = try #require(TaxIdentifiers.completeOGRN("102770013219"))
        #expect(ogrn == "1027700132195")
        #expect(TaxIdentifiers.completeINN10("12345") == nil)
    }
}
