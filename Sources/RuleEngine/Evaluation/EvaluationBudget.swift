import Dispatch
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time one rule may spend on one report. A rule is data written by people, and data can
/// make an evaluation run away: a catastrophic regular expression (`matches(x, "(a+)+$")` on
/// `aaaa…b`), nested list functions over a 10,000-element list. The checker gives each rule a
/// deadline per report; evaluation looks at the clock at the points where time can pile up, and
/// a rule that passes its deadline becomes one located RULE-ERROR finding while the rest of the
/// report, and every other report, is still checked.
///
/// Where the clock is read:
/// - each call of a lambda by a list function (`count(documents, d => …)`): the only way an
///   expression of bounded size does unbounded work is by iterating, and every iteration over a
///   list goes through a lambda or a linear built-in;
/// - inside regular-expression matching: `NSRegularExpression` cannot be interrupted from
///   outside, but with `.reportProgress` ICU calls back periodically during a long match and
///   the callback stops it when the deadline has passed. The subject is also capped
///   (`RegexCache.maxSubjectLength`), which bounds ICU's backtracking memory.
///
/// The deadline lives in thread-local storage, so function implementations (which receive
/// only their arguments) see the deadline of the rule their thread is evaluating.
public enum EvaluationBudget {
    /// The default time one rule may spend on one report.
    public static let defaultSeconds = 2.0

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create")
        return key
    }()

    /// This thread's deadline in monotonic nanoseconds, 0 when none is set.
    static var deadline: UInt64 {
        UInt64(UInt(bitPattern: pthread_getspecific(key)))
    }

    /// Runs `body` with a deadline `seconds` from now on this thread (none when `seconds` ≤ 0),
    /// restoring the previous one afterwards.
    static func run<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        let saved = pthread_getspecific(key)
        defer { pthread_setspecific(key, saved) }
        let new: UInt64 = seconds > 0 ? now &+ UInt64(seconds * 1e9) : 0
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: UInt(new)))
        return try body()
    }

    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// True when this thread has a deadline and it has passed.
    static var isExceeded: Bool {
        let d = deadline
        return d != 0 && now > d
    }

    /// Throws `EvaluationTimeout` when this thread's deadline has passed.
    static func check() throws(EvaluationTimeout) {
        if isExceeded { throw EvaluationTimeout() }
    }
}

/// A rule ran past its time budget on one report (see `EvaluationBudget`).
struct EvaluationTimeout: Error {}
