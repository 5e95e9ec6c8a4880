import Foundation

/// Result assembly: the notices of a page read, pinpointed and labelled.
extension SearchEngine {
    /// The notices of one page, read, with their best paragraphs pinpointed and a citation line each.
    func records(_ page: [(Int64, Double)], query: Query) throws -> [NoticeRecord] {
        guard !page.isEmpty else { return [] }
        let terms = query.root?.positiveTerms ?? []
        let wantsProvisions = !query.filters.provisions.isEmpty || terms.contains { if case .provision = $0 { return true } else { return false } }
        // With no words and no provision filter no paragraph can match (`Pinpointer.mayMatch`): a page of a
        // filters-only search such as `--law eir` skips reading and inflating its notices' text.
        guard !terms.isEmpty || !query.filters.provisions.isEmpty else {
            let reader = NoticeReader(db: db)
            return try page.compactMap { item -> NoticeRecord? in
                guard var record = try reader.record(id: item.0) else { return nil }
                record.score = item.1
                record.rowID = item.0
                return record
            }
        }
        // SQLite reads on this thread; inflating text and pinpointing, pure Swift, on every core.
        var pages: [PageItem] = []
        for (id, score) in page {
            guard var record = try NoticeReader(db: db).record(id: id) else { continue }
            record.score = score
            record.rowID = id
            pages.append(PageItem(record: record, stored: try StoredParagraphs.fetch(db, notice: id),
                                  mentions: wantsProvisions ? try NoticeReader(db: db).provisionMentions(of: id, parsed: &parsedProvisions) : [:]))
        }
        let prefixes = try prefixExpansions(for: query.root)
        let pinpointers = try (0..<min(pinpointTokenizers.count, max(1, pages.count))).map {
            try Pinpointer(tokenizer: pinpointTokenizers[$0], terms: terms, filterProvisions: query.filters.provisions,
                           headings: headingCaches[$0], prefixes: prefixes)
        }
        return try pinpoint(pages, with: pinpointers).map { r in
            var r = r
            for k in r.paragraphs.indices { r.paragraphs[k].citation = CitationLine.paragraph(r.citation, number: r.paragraphs[k].number) }
            return r
        }
    }

    /// The required top-level terms of `root` that no notice holds, as written (at most
    /// `QueryParser.maxPartialTerms` are looked up, one indexed lookup each).
    func absentTerms(of root: QueryNode) throws -> [String] {
        let items: [QueryNode]
        if case let .and(xs) = root { items = xs.filter { if case .not = $0 { return false } else { return true } } } else { items = [root] }
        guard items.count <= QueryParser.maxPartialTerms else { return [] }
        let prefixes = try prefixExpansions(for: root)
        return try items.filter { item in
            try db.int("SELECT 1 FROM notice_fts WHERE notice_fts MATCH ? LIMIT 1", [MatchBuilder.expression(item, prefixes: prefixes)]) == nil
        }.map(\.description)
    }

    /// For each partial match, the top-level terms of the query it does not satisfy, as written.
    func missingTerms(of ids: [Int64], root: QueryNode) throws -> [Int64: [String]] {
        guard !ids.isEmpty, case let .and(items) = root else { return [:] }
        let list = NoticeReader.jsonArray(ids)
        let prefixes = try prefixExpansions(for: root)
        var out: [Int64: [String]] = [:]
        for item in items {
            if case .not = item { continue }
            let having = Set(try db.rows("""
                SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """, [MatchBuilder.expression(item, prefixes: prefixes), list]) { $0.int64(0) })
            for id in ids where !having.contains(id) { out[id, default: []].append(item.description) }
        }
        return out
    }
    /// One result before pinpointing.
    struct PageItem {
        var record: NoticeRecord
        var stored: StoredParagraphs.Stored
        var mentions: Pinpointer.Mentions
    }

    /// Each notice's best paragraphs, decoded and pinpointed in parallel, one pinpointer (and so one
    /// tokenizer instance and heading cache) per worker.
    private func pinpoint(_ pages: [PageItem], with pinpointers: [Pinpointer]) throws -> [NoticeRecord] {
        var out = pages.map(\.record)
        let workers = min(pinpointers.count, pages.count)
        let failure = FirstError()
        // Each worker writes only its own indices of `results` and uses only its own pinpointer.
        nonisolated(unsafe) let pinpointers = pinpointers
        out.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in stride(from: w, to: pages.count, by: workers) {
                    do {
                        results[i].paragraphs = try pinpointers[w].best(stored: pages[i].stored, limit: 3, mentions: pages[i].mentions)
                    } catch {
                        failure.record(error)
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        return out
    }

    /// The first error raised by any pinpointing worker.
    private final class FirstError: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Error?
        var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
        func record(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    }
}
