/// 64-bit FNV-1a: the one byte hash for places that need a cheap, stable fingerprint of bytes (a source
/// file's content hash stored in the index; interning keys). Stable across runs and platforms, unlike
/// Swift's `Hasher`, which is seeded per process, so values may be stored and compared later.
///
/// A hash is not an identity: a caller that interns by it must confirm the bytes on a hit.
/// (`WordScanner` has its own faster word hash; see `WordScanner.Hasher`.)
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a of `bytes` (a `Data`'s or a buffer's); a non-zero `seed` starts from another basis, keeping
    /// two key spaces apart.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h = offsetBasis ^ seed
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}
