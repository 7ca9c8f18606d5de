/// A problem in an expression found while lexing, parsing or type-checking it. `offset` counts
/// Unicode scalars from the start of the expression text; the rule loader turns it into a
/// `file:line:column` of the rule file.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at \(offset): \(message)" }
}
