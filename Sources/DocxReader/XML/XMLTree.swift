/// The namespaces the reader looks at; Transitional and Strict OOXML URIs map to the same case.
enum XMLNamespace: Sendable {
    case word, drawing, packageRelationships, markupCompatibility, other

    init(uri: String?) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main": self = .word
        case "http://schemas.openxmlformats.org/drawingml/2006/main",
             "http://purl.oclc.org/ooxml/drawingml/main": self = .drawing
        case "http://schemas.openxmlformats.org/package/2006/relationships": self = .packageRelationships
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": self = .markupCompatibility
        default: self = .other
        }
    }
}

/// One parsed XML part: its elements in document order in one array, linked by index.
final class XMLTree: Sendable {
    struct Element: Sendable {
        let namespace: XMLNamespace
        let name: String
        /// By qualified name, as the parser gives them (`w:val`); looked up by local name.
        let attributes: [String: String]
        var children: [Int] = []
        /// Character data directly inside the element.
        var text = ""
    }

    let elements: [Element]

    init(elements: [Element]) {
        self.elements = elements
    }

    /// The document element; nil only for a part that had none (which the parser refuses).
    var root: XMLNode? { elements.isEmpty ? nil : XMLNode(tree: self, index: 0) }
}

/// An element of an `XMLTree`.
struct XMLNode {
    let tree: XMLTree
    let index: Int

    private var element: XMLTree.Element { tree.elements[index] }

    var namespace: XMLNamespace { element.namespace }
    var name: String { element.name }
    var text: String { element.text }

    /// Whether this is `name` in WordprocessingML (or `namespace`).
    func `is`(_ name: String, in namespace: XMLNamespace = .word) -> Bool {
        element.name == name && element.namespace == namespace
    }

    var children: [XMLNode] { element.children.map { XMLNode(tree: tree, index: $0) } }

    /// The first child called `name` in `namespace`.
    func child(_ name: String, in namespace: XMLNamespace = .word) -> XMLNode? {
        for i in element.children where tree.elements[i].name == name && tree.elements[i].namespace == namespace {
            return XMLNode(tree: tree, index: i)
        }
        return nil
    }

    /// The children called `name` in `namespace`.
    func children(_ name: String, in namespace: XMLNamespace = .word) -> [XMLNode] {
        children.filter { $0.is(name, in: namespace) }
    }

    /// The first child along the path of WordprocessingML names (`pPr`, `jc`).
    func descendant(_ path: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// The attribute's value by local name (`val` finds `w:val`). The reader never needs two
    /// namespaces' attributes of the same local name on one element; `w:` is preferred.
    func attribute(_ name: String) -> String? {
        let attributes = element.attributes
        if let value = attributes["w:" + name] ?? attributes[name] { return value }
        return attributes.first { key, _ in
            key.hasSuffix(name) && key.utf8.count > name.utf8.count
                && key.utf8.dropLast(name.utf8.count).last == UInt8(ascii: ":")
        }?.value
    }

    /// An integer attribute, clamped to the 32-bit range OOXML measures use (so that arithmetic
    /// on hostile values cannot overflow); a decimal value is rounded.
    func integer(_ name: String) -> Int? {
        guard let text = attribute(name) else { return nil }
        let limit = Double(Int32.max)
        if let value = Int(text) { return max(-Int(limit), min(Int(limit), value)) }
        guard let value = Double(text), value.isFinite else { return nil }
        return Int(max(-limit, min(limit, value)).rounded())
    }

    /// An on/off property element (`<w:b/>`, `<w:b w:val="false"/>`).
    var isOn: Bool {
        switch attribute("val") {
        case "0", "false", "off", "none": return false
        default: return true
        }
    }
}
