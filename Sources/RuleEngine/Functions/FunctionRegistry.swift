/// An argument as a function implementation receives it.
public enum FunctionArgument {
    case value(Value)
    /// A predicate or projection applied to list elements (`d => d.font == "Arial"`).
    case function((Value) throws -> Value)

    /// The value, or nil for a function argument.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// A failure inside a function (bad argument value at run time). The engine locates it at the
/// call in the rule file.
public struct FunctionError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// What a function may know about where it is evaluated.
public struct FunctionContext: Sendable {
    /// The report's file, as the user named it (`<stdin>` for standard input).
    public let reportFile: String
}

/// The declaration of one function of the rule language.
public struct FunctionDefinition: Sendable {
    /// One formal parameter.
    public enum Parameter: Sendable {
        /// A value of the given type.
        case value(String, ValueType)
        /// A lambda over the elements of the list passed as argument `listIndex`; its result
        /// type is checked against `returns`.
        case elementFunction(String, listIndex: Int, returns: ValueType)
    }

    public let name: String
    /// One line, Vietnamese, for `cchc rules doc` and error messages.
    public let summary: String
    public let parameters: [Parameter]
    /// How many trailing parameters may be left out.
    public let optionalCount: Int
    /// The result type given the argument types (for lambdas: their result types).
    public let resultType: @Sendable ([ValueType]) -> ValueType
    /// The implementation; lists arrive as `.list`.
    public let implementation: @Sendable (FunctionContext, [FunctionArgument]) throws -> Value

    /// A function that needs to know which report it is evaluated on (files named relative to
    /// the report, such as `documents[].file`).
    public init(name: String, summary: String, parameters: [Parameter], optionalCount: Int = 0,
                resultType: @escaping @Sendable ([ValueType]) -> ValueType,
                contextualImplementation: @escaping @Sendable (FunctionContext, [FunctionArgument]) throws -> Value) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.optionalCount = optionalCount
        self.resultType = resultType
        self.implementation = contextualImplementation
    }

    public init(name: String, summary: String, parameters: [Parameter], optionalCount: Int = 0,
                resultType: @escaping @Sendable ([ValueType]) -> ValueType,
                implementation: @escaping @Sendable ([FunctionArgument]) throws -> Value) {
        self.init(name: name, summary: summary, parameters: parameters, optionalCount: optionalCount,
                  resultType: resultType, contextualImplementation: { _, args in try implementation(args) })
    }

    /// Convenience for functions with a fixed result type.
    public init(name: String, summary: String, parameters: [Parameter], optionalCount: Int = 0, returns: ValueType,
                implementation: @escaping @Sendable ([FunctionArgument]) throws -> Value) {
        self.init(name: name, summary: summary, parameters: parameters, optionalCount: optionalCount,
                  resultType: { _ in returns }, implementation: implementation)
    }

    /// `name(a, b[, c])` for messages.
    public var signature: String {
        let names = parameters.enumerated().map { i, p -> String in
            let n: String
            switch p {
            case .value(let name, _): n = name
            case .elementFunction(let name, _, _): n = "x => " + name
            }
            return i >= parameters.count - optionalCount ? "[\(n)]" : n
        }
        return "\(name)(\(names.joined(separator: ", ")))"
    }
}

/// The functions available to rules. Modules register into it: the generic library
/// (`StandardLibrary`), domain plugins (e.g. Vietnamese document numbers) and external plugins
/// declared by packs. Built once per run, before rules are compiled.
public struct FunctionRegistry: Sendable {
    private(set) var definitions: [String: FunctionDefinition] = [:]
    /// Functions a module provides only with data that no loaded pack gives it: name → what is
    /// missing. They are not callable; a rule that calls one is told what to declare, not that
    /// the function does not exist.
    private var unavailable: [String: String] = [:]

    public init() {}

    /// Adds (or replaces) a function.
    public mutating func register(_ definition: FunctionDefinition) {
        definitions[definition.name] = definition
        unavailable[definition.name] = nil
    }

    /// Records functions a module would provide but cannot here, with why (Vietnamese, read
    /// after "hàm 'name' …": `cần bảng loại văn bản (dữ liệu 'document_types') …`). A name
    /// already registered stays callable.
    public mutating func registerUnavailable(_ names: [String], reason: String) {
        for name in names where definitions[name] == nil { unavailable[name] = reason }
    }

    /// Why the function `name` cannot be called in this run, when a module knows it but lacks
    /// what it needs; nil for a callable or unknown name.
    public func unavailability(of name: String) -> String? {
        definitions[name] == nil ? unavailable[name] : nil
    }

    /// Adds several functions.
    public mutating func register(_ list: [FunctionDefinition]) {
        for d in list { register(d) }
    }

    public func definition(named name: String) -> FunctionDefinition? { definitions[name] }

    /// All function names, sorted.
    public var names: [String] { definitions.keys.sorted() }


    /// The registry with the generic library.
    public static var standard: FunctionRegistry {
        var r = FunctionRegistry()
        r.register(StandardLibrary.functions)
        return r
    }
}
