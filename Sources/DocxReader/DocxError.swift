/// Why a `.docx` could not be read. Each case says, in `message`, what is wrong in Vietnamese
/// for the clerk who has to fix or re-save the file; `description` adds the technical detail.
public enum DocxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read (`reason` is the system's).
    case io(path: String, reason: String)
    /// The file is larger than `DocxLimits.maxFileBytes`.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The bytes are not a zip archive (nor an encrypted Office file).
    case notAZip
    /// A password-protected Office file (an OLE compound file, or a package holding an
    /// `EncryptedPackage`), or a zip whose entries are encrypted.
    case encrypted
    /// The package has no main document part (`word/document.xml`).
    case missingDocumentXML
    /// Decompressing `part` would exceed `limit` bytes (per part or in total): refused while
    /// decompressing, before the bytes were all produced.
    case zipBomb(part: String, limit: Int)
    /// A zip entry is damaged: truncated, wrong checksum, or an unsupported compression method.
    case damagedEntry(part: String, reason: String)
    /// An XML part is not well-formed; `line` and `column` are the parser's.
    case malformedXML(part: String, line: Int, column: Int, message: String)
    /// An XML part declares a DOCTYPE or entities. They are never resolved: the part is refused.
    case externalEntity(part: String)
    /// An XML part nests elements deeper than `DocxLimits.maxXMLDepth`.
    case xmlTooDeep(part: String, limit: Int)
    /// An XML part has more elements than `DocxLimits.maxXMLElements`.
    case tooManyXMLElements(part: String, limit: Int)

    /// One line in Vietnamese: what is wrong and what to do.
    public var message: String {
        switch self {
        case .io(let path, let reason):
            return "không đọc được tệp \(path): \(reason)"
        case .fileTooLarge(let bytes, let limit):
            return "tệp .docx quá lớn (\(Self.megabytes(bytes)) MB, giới hạn \(Self.megabytes(limit)) MB)"
        case .notAZip:
            return "tệp không phải là văn bản Word .docx (không phải tệp nén zip); hãy mở bằng Word và lưu lại dạng .docx"
        case .encrypted:
            return "tệp được mã hóa hoặc đặt mật khẩu (hoặc là tệp .doc cũ); hãy gỡ mật khẩu và lưu lại dạng .docx"
        case .missingDocumentXML:
            return "tệp nén không chứa nội dung văn bản Word (thiếu word/document.xml); hãy lưu lại dạng .docx"
        case .zipBomb(let part, let limit):
            return "phần \(part) giải nén vượt giới hạn \(Self.megabytes(limit)) MB; tệp bị từ chối (có thể là tệp độc hại)"
        case .damagedEntry(let part, let reason):
            return "tệp .docx bị hỏng ở phần \(part): \(reason)"
        case .malformedXML(let part, let line, let column, let message):
            return "tệp .docx bị hỏng: phần \(part) không phải XML hợp lệ (dòng \(line), cột \(column): \(message))"
        case .externalEntity(let part):
            return "phần \(part) khai báo DOCTYPE/thực thể XML; tệp bị từ chối vì lý do an toàn"
        case .xmlTooDeep(let part, let limit):
            return "phần \(part) lồng nhau quá \(limit) cấp; tệp bị từ chối"
        case .tooManyXMLElements(let part, let limit):
            return "phần \(part) có hơn \(limit) phần tử XML; tệp bị từ chối"
        }
    }

    public var description: String { message }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10),\(tenths % 10)"
    }
}
