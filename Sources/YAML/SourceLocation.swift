/// A position in a source file: 1-based line and 1-based column counted in Unicode scalars
/// (characters), which is what a person sees in an editor.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// A position from a 1-based line and a 1-based column in Unicode scalars.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A position in a named file. `file` is the path as the user gave it (or `<stdin>`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Line and column in the file.
    public var position: SourcePosition

    /// A location from a file name and a 1-based line and column.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.position = SourcePosition(line: line, column: column)
    }

    /// A location from a file name and a position.
    public init(file: String, position: SourcePosition) {
        self.file = file
        self.position = position
    }

    /// 1-based line number.
    public var line: Int { position.line }
    /// 1-based column, counted in Unicode scalars.
    public var column: Int { position.column }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
