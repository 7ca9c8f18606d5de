import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one XML part of the package into an `XMLTree`, safely: a part that declares a DOCTYPE
/// or entities is refused before parsing (nothing is ever resolved), nesting is bounded, and a
/// parse that `XMLParser` calls successful is still checked for errors and unclosed elements.
enum XMLPartParser {
    static func parse(_ bytes: [UInt8], part: String, limits: DocxLimits) throws(DocxError) -> XMLTree {
        if declaresDocumentType(bytes) { throw .externalEntity(part: part) }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(part: part, limits: limits)
        parser.delegate = builder
        _ = parser.parse()
        if let refusal = builder.refusal { throw refusal }
        if parser.parserError != nil {
            // Not the error's code: on Linux it does not name the problem (a mismatched or
            // unclosed tag comes as `invalidHexCharacterRefError`), and it is no word for a clerk.
            throw .malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber,
                                message: "thẻ XML không khớp, sai cú pháp hoặc phần bị cắt cụt")
        }
        guard builder.open.isEmpty, !builder.elements.isEmpty else {
            throw .malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber,
                                message: builder.elements.isEmpty ? "không có phần tử gốc" : "phần tử chưa được đóng")
        }
        return XMLTree(elements: builder.elements)
    }

    /// Whether the bytes contain `<!DOCTYPE` or `<!ENTITY` (any case; NUL bytes skipped, so
    /// UTF-16 text is caught too). A comment mentioning one is refused as well: Word never
    /// writes either.
    static func declaresDocumentType(_ bytes: [UInt8]) -> Bool {
        let keywords: [[UInt8]] = [Array("DOCTYPE".utf8), Array("ENTITY".utf8)]
        return bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == UInt8(ascii: "<") {
                    var j = i + 1
                    func nextByte() -> UInt8? {
                        while j < buffer.count, buffer[j] == 0 { j += 1 }
                        guard j < buffer.count else { return nil }
                        defer { j += 1 }
                        return buffer[j]
                    }
                    if nextByte() == UInt8(ascii: "!") {
                        let start = j
                        for keyword in keywords {
                            j = start
                            if keyword.allSatisfy({ letter in nextByte().map { $0 & 0xDF } == letter }) { return true }
                        }
                    }
                }
                i += 1
            }
            return false
        }
    }
}

/// Builds the element array from `XMLParser` events; refuses DTD content, deep nesting and
/// too many elements.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let part: String
    let limits: DocxLimits
    var elements: [XMLTree.Element] = []
    var open: [Int] = []
    var refusal: DocxError?

    init(part: String, limits: DocxLimits) {
        self.part = part
        self.limits = limits
    }

    private func refuse(_ error: DocxError, _ parser: XMLParser) {
        if refusal == nil { refusal = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard refusal == nil else { return }
        guard open.count < limits.maxXMLDepth else { return refuse(.xmlTooDeep(part: part, limit: limits.maxXMLDepth), parser) }
        guard elements.count < limits.maxXMLElements else {
            return refuse(.tooManyXMLElements(part: part, limit: limits.maxXMLElements), parser)
        }
        let index = elements.count
        elements.append(XMLTree.Element(namespace: XMLNamespace(uri: namespaceURI), name: elementName, attributes: attributeDict))
        if let parent = open.last { elements[parent].children.append(index) }
        open.append(index)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard refusal == nil else { return }
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard refusal == nil, let current = open.last else { return }
        elements[current].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard refusal == nil, let current = open.last else { return }
        elements[current].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    // Defence in depth: the byte scan already refused any DOCTYPE.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(.externalEntity(part: part), parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(.externalEntity(part: part), parser)
    }

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
                systemID: String?, notationName: String?) {
        refuse(.externalEntity(part: part), parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuse(.externalEntity(part: part), parser)
        return nil
    }
}
