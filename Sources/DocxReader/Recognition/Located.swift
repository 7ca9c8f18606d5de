/// A fact with the line it was read from.
struct Located<Value> {
    let value: Value
    let line: TextLine

    init(_ value: Value, _ line: TextLine) {
        self.value = value
        self.line = line
    }
}

extension Array where Element == TextLine {
    /// The text of the paragraph column that `index` starts, joined across line breaks, and the
    /// index after it.
    func paragraphText(from index: Int) -> (text: String, next: Int) {
        var parts = [self[index].text]
        var next = index + 1
        while next < count, self[next].paragraph == self[index].paragraph, self[next].column == self[index].column {
            parts.append(self[next].text)
            next += 1
        }
        return (parts.joined(separator: " "), next)
    }

    /// The value that the most items have (weighted), with the first line that has it.
    static func dominant<Value: Hashable>(_ items: [(value: Value, line: TextLine, weight: Int)]) -> Located<Value>? {
        var totals: [Value: Int] = [:]
        var first: [Value: (order: Int, line: TextLine)] = [:]
        for (order, item) in items.enumerated() {
            totals[item.value, default: 0] += item.weight
            if first[item.value] == nil { first[item.value] = (order, item.line) }
        }
        let best = totals.max { a, b in
            a.value != b.value ? a.value < b.value : first[a.key]!.order > first[b.key]!.order
        }
        return best.map { Located($0.key, first[$0.key]!.line) }
    }
}
