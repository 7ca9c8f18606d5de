/// A reproducible random draw of units to inspect (inspection teams draw lots among
/// communes): the same seed and the same candidates always give the same draw, on any machine.
public struct UnitDraw {
    /// SplitMix64: tiny, fast, and the same everywhere (Swift's system generator is not seedable).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A double in (0, 1].
        mutating func unit() -> Double { (Double(next() >> 11) + 1) / Double(1 << 53) }
    }

    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Draws `count` of `candidates` without replacement. With `weights`, a candidate's chance
    /// grows with its weight (Efraimidis–Spirakis: keep the largest u^(1/w)); weights must be > 0.
    /// Candidates are sorted first, so the order they were given in does not matter.
    public func draw(_ candidates: [String], count: Int, weights: [String: Double] = [:]) -> [String] {
        var generator = Generator(state: seed)
        let keyed = candidates.sorted().map { candidate -> (String, Double) in
            let w = max(weights[candidate] ?? 1, 1e-9)
            return (candidate, Foundation.pow(generator.unit(), 1 / w))
        }
        return keyed.sorted { $0.1 > $1.1 }.prefix(max(0, count)).map(\.0).sorted()
    }
}

import Foundation
