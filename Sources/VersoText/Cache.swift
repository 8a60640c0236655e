import Synchronization

/// A process-wide table of values made once per key (parsed data files, language resources,
/// dictionaries), safe to share between threads.
///
/// The value is made outside the lock, so making one may use other caches (or this one for
/// another key) without deadlock; when two threads make the same key at once, the first value
/// stored wins and both get it.
public final class Cache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    public init() {}

    /// The value for `key`, made by `make` the first time.
    /// - Throws: what `make` throws; nothing is stored then, so the next call tries again.
    public func value(_ key: Key, make: () throws -> Value) rethrows -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = try make()
        return values.withLock { table in
            if let first = table[key] { return first }
            table[key] = made
            return made
        }
    }
}
