/// One step of a report path as people write it: `documents[cv-112].layout.font`.
enum PathStep: Equatable {
    case field(String)
    /// `[0]`, `[-1]`
    case index(Int)
    /// `[cv-112]`: the list element identified by its `ref`/`code`/`id`.
    case key(String)
}

/// Reads written report paths (waiver targets, fixture edits).
enum PathSyntax {
    /// The steps of `path`, or nil when it is empty or malformed (an empty field name, an
    /// unclosed bracket).
    static func steps(_ path: String) -> [PathStep]? {
        var steps: [PathStep] = []
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = String(rest[rest.index(after: rest.startIndex) ..< close])
                steps.append(Int(inside).map(PathStep.index) ?? .key(inside))
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                guard end > rest.startIndex else { return nil }
                steps.append(.field(String(rest[..<end])))
                rest = rest[end...]
            }
        }
        return steps.isEmpty ? nil : steps
    }
}
