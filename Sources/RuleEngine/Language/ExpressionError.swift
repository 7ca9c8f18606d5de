/// A problem in an expression found while lexing, parsing or type-checking it. `offset` counts
/// Unicode scalars from the start of the expression text; the rule loader turns it into a
/// `file:line:column` of the rule file.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    /// The `let:` name in whose own expression `offset` counts, when the error arose while
    /// compiling that name where it is used; nil when it counts in the expression compiled.
    public var binding: String?

    public init(offset: Int, message: String, binding: String? = nil) {
        self.offset = offset
        self.message = message
        self.binding = binding
    }

    public var description: String { "at \(offset): \(message)" }
}
