/// Bounds that keep a hostile `.docx` from exhausting time or memory. Only the XML parts the
/// reader needs are decompressed (never images), so the defaults are generous for real files.
public struct DocxLimits: Sendable, Hashable {
    /// Largest `.docx` file accepted, in bytes. Default 64 MiB.
    public var maxFileBytes: Int
    /// Most bytes one part may decompress to. Default 32 MiB.
    public var maxPartBytes: Int
    /// Most bytes all the parts read may decompress to together. Default 64 MiB.
    public var maxTotalBytes: Int
    /// Deepest element nesting accepted in an XML part. Default 256.
    public var maxXMLDepth: Int
    /// Most elements accepted in one XML part: bounds the memory of its tree (a 300-page
    /// document has about 200,000). Default 1,000,000.
    public var maxXMLElements: Int

    public init(maxFileBytes: Int = 64 << 20, maxPartBytes: Int = 32 << 20, maxTotalBytes: Int = 64 << 20,
                maxXMLDepth: Int = 256, maxXMLElements: Int = 1_000_000) {
        self.maxFileBytes = maxFileBytes
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxXMLDepth = maxXMLDepth
        self.maxXMLElements = maxXMLElements
    }

    /// The defaults.
    public static let `default` = DocxLimits()
}
