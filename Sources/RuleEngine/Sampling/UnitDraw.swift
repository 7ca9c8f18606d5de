/// A reproducible random draw of units to inspect (inspection teams draw lots among
/// communes): the same seed and the same candidates always give the same draw, on any machine.
public struct UnitDraw {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Draws `count` of `candidates` without replacement. With `weights`, a candidate's chance
    /// grows with its weight (Efraimidis–Spirakis: keep the largest u^(1/w)); weights must be > 0.
    /// Candidates are sorted first, so the order they were given in does not matter.
    public func draw(_ candidates: [String], count: Int, weights: [String: Double] = [:]) -> [String] {
        var generator = SplitMix64(seed: seed)
        let keyed = candidates.sorted().map { candidate -> (String, Double) in
            let w = max(weights[candidate] ?? 1, 1e-9)
            return (candidate, Foundation.pow(generator.unit(), 1 / w))
        }
        return keyed.sorted { $0.1 > $1.1 }.prefix(max(0, count)).map(\.0).sorted()
    }
}

import Foundation
