import NoticeIndex

/// What a request can fail with, each mapped to one HTTP status and a message a person can act on.
/// Library errors are translated here so no SQLite or Foundation text reaches a page.
enum ServerError: Error, Equatable {
    /// A parameter or query that cannot be understood: 400.
    case badRequest(String)
    /// No such notice, case or route: 404.
    case notFound(String)
    /// Anything but GET/HEAD: 405.
    case methodNotAllowed
    /// The index cannot be opened or read: 503, so a load balancer routes around this server.
    case unavailable(String)

    var status: Int {
        switch self {
        case .badRequest: 400
        case .notFound: 404
        case .methodNotAllowed: 405
        case .unavailable: 503
        }
    }

    var message: String {
        switch self {
        case let .badRequest(m), let .notFound(m), let .unavailable(m): m
        case .methodNotAllowed: "only GET and HEAD are served; this server has no write endpoints"
        }
    }

    /// Maps a library error: mistakes in what was asked are the client's (400); the rest mean the index
    /// is not usable right now (503), named without SQLite's own words.
    static func from(_ error: Error) -> ServerError {
        switch error {
        case let e as ServerError: return e
        case let e as NoticeIndexError:
            switch e {
            case .query, .usage: return .badRequest(e.description)
            case let .database(_, reason): return .unavailable("the index cannot be read: \(reason)")
            default: return .unavailable("the index cannot be read right now; try again shortly")
            }
        default: return .unavailable("the index cannot be read right now; try again shortly")
        }
    }
}
