/// File paths as RFC 3986 URI references, for SARIF `artifactLocation.uri`.
enum URIReference {
    /// A relative path becomes a relative reference (`Báo cáo/x.yaml` →
    /// `B%C3%A1o%20c%C3%A1o/x.yaml`); an absolute path a `file://` URI. Every byte of the UTF-8
    /// text but the unreserved characters and `/` is percent-encoded, so spaces, Vietnamese
    /// letters and a `:` that would read as a scheme are all safe.
    static func forPath(_ path: String) -> (uri: String, isRelative: Bool) {
        let encoded = percentEncoded(path)
        return path.hasPrefix("/") ? ("file://" + encoded, false) : (encoded, true)
    }

    private static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2, with: "0")
            }
        }
        return out
    }
}
