/// The report shape plus fields a pack declares (`fields:` in pack.yaml) for data outside the
/// report format, so rules reading them are still type-checked.
struct ExtendedShape: ObjectShape {
    let base: (any ObjectShape)?
    /// The dotted path of this object from the report root (`""` for the root).
    let prefix: String
    /// Dotted path → type of the declared fields.
    let extensions: [String: ValueType]

    func field(_ name: String) -> FieldLookup {
        let path = prefix.isEmpty ? name : prefix + "." + name
        var suggestion: String?
        if let base {
            switch base.field(name) {
            case .known(let type): return .known(extended(type, at: path))
            case .unknown(let s): suggestion = s
            }
        }
        if let type = extensions[path] { return .known(type) }
        if extensions.keys.contains(where: { $0.hasPrefix(path + ".") }) {
            return .known(.object(ExtendedShape(base: nil, prefix: path, extensions: extensions)))
        }
        return .unknown(suggestion: suggestion)
    }

    /// Objects below an extended path are extended too.
    private func extended(_ type: ValueType, at path: String) -> ValueType {
        guard case .object(let shape) = type, extensions.keys.contains(where: { $0.hasPrefix(path + ".") }) else { return type }
        return .object(ExtendedShape(base: shape, prefix: path, extensions: extensions))
    }
}
