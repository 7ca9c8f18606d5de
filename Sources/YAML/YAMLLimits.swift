/// Bounds that keep hostile input from exhausting time or memory. Every limit has a default
/// suited to self-reports and rule files, and can be raised or lowered by the caller.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes. Default 64 MiB (a 60 MB file loads; 100 MB does not).
    /// Values above `Int32.max` act as `Int32.max`: node records hold 32-bit offsets.
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings. Default 256.
    public var maxDepth: Int
    /// Most nodes that aliases may add by expansion, summed over a document
    /// (each alias counts the size of the subtree it repeats). Default 1,000,000.
    public var maxAliasExpansion: Int

    /// Limits with the given bounds; each one left out keeps its default.
    public init(maxInputBytes: Int = 64 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
