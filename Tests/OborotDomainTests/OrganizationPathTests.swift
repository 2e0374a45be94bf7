import Foundation
import OborotDomain
import Testing

@Suite("Пути в дереве организаций")
struct OrganizationPathTests {
    let a = UUID()
    let b = UUID()
    let c = UUID()

    @Test("child paths nest and know their depth and ids")
    func nesting() {
        let root = OrganizationPath.root(a)
        let child = root.child(b)
        let grandchild = child.child(c)
        #expect(root.depth == 0)
        #expect(grandchild.depth == 2)
        #expect(grandchild.ids == [a, b, c])
        #expect(grandchild.isWithin(root))
        #expect(grandchild.isWithin(child))
        #expect(grandchild.isWithin(grandchild))
        #expect(!root.isWithin(child))
        #expect(root.rawValue == "/\(a.lowercasedString)/")
    }

    @Test("siblings are not within each other even when one id is a prefix of the other's text")
    func siblings() throws {
        let root = OrganizationPath.root(a)
        let first = root.child(try #require(UUID(uuidString: "11111111-1111-4111-8111-111111111111")))
        let second = root.child(try #require(UUID(uuidString: "11111111-1111-4111-8111-111111111112")))
        #expect(!first.isWithin(second))
        #expect(!second.isWithin(first))
    }

    @Test("rebasing moves a subtree and leaves other paths alone")
    func rebasing() {
        let root = OrganizationPath.root(a)
        let moved = root.child(b)
        let inside = moved.child(c)
        let newParent = OrganizationPath.root(c)
        #expect(inside.rebased(from: moved, to: newParent.child(b)) == newParent.child(b).child(c))
        #expect(root.rebased(from: moved, to: newParent) == root)
    }
}
