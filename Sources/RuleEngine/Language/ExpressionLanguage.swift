import YAML

/// A small public door to the expression language for tools that are not the rule loader:
/// the fuzz targets in `Fuzzing/`, and tests that feed it arbitrary text. It parses, type-checks
/// (against no report schema: every path is `any`) and, optionally, evaluates one expression
/// the way a rule's `require:` would, against the root of a report.
public enum ExpressionLanguage {
    /// The outcome of evaluating one expression.
    public enum Outcome: Sendable, Equatable {
        /// The value, as a message would show it.
        case value(String)
        /// A field the expression reads is absent or unreadable ("thiếu thông tin").
        case absent
        /// A run-time error the rule would turn into RULE-ERROR.
        case runtimeError(String)
        /// The evaluation ran past its time budget (`EvaluationBudget`).
        case timedOut
    }

    /// Parses and type-checks `text`; nil when it is a valid expression, else the first error.
    public static func check(_ text: String, functions: FunctionRegistry = .standard) -> ExpressionError? {
        do {
            _ = try ExpressionCompiler(functions: functions, rootShape: nil).compile(try Parser.parse(text))
            return nil
        } catch {
            return error
        }
    }

    /// Parses, type-checks and evaluates `text` against the root of `document` (top-level fields
    /// are names, as in a rule without `for_each`), within `budgetSeconds`. Throws the parse or
    /// type error.
    public static func evaluate(_ text: String, in document: YAMLDocument, functions: FunctionRegistry = .standard,
                                budgetSeconds: Double = EvaluationBudget.defaultSeconds) throws(ExpressionError) -> Outcome {
        let compiler = ExpressionCompiler(functions: functions, rootShape: nil)
        let compiled = try compiler.compile(try Parser.parse(text))
        let ctx = EvaluationContext(document: document, slotCount: compiler.slotCount)
        ctx.targetNode = ctx.root
        do {
            return try EvaluationBudget.run(seconds: budgetSeconds) {
                .value(ValueFormatter.text(try ctx.materialize(compiled.evaluate(ctx))))
            }
        } catch is EvaluationTimeout {
            return .timedOut
        } catch is Absence {
            return .absent
        } catch let error as EvaluationError {
            return .runtimeError(error.message)
        } catch {
            return .runtimeError("\(error)")
        }
    }
}
