import Foundation

/// Building HTML safely: every string from a notice, the index or the request goes through `escape`
/// (text and attribute values alike), so a `<script>`, a quote that would end an attribute, or a
/// control character in a query or a notice is shown as text. Pages are plain strings built here; no
/// template engine, no JavaScript.
enum HTML {
    /// Escapes for element text and double-quoted attribute values. Control characters other than tab
    /// and newline are not allowed in HTML and could confuse a terminal that views the page source, so
    /// they become U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "\r": out += " "
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// An `href` to a path and query string; both parts are percent-encoded by the caller's helpers, and
    /// the whole is escaped again for the attribute.
    static func href(_ path: String, _ pairs: [(String, String)] = [], fragment: String? = nil) -> String {
        var url = path
        if !pairs.isEmpty { url += "?" + QueryString.build(pairs) }
        if let fragment { url += "#" + fragment }
        return escape(url)
    }

    /// `/notices/{id}` with the id as one path segment.
    static func noticePath(_ id: String) -> String { "/notices/" + QueryString.encode(id) }
    /// `/cases/{key}` with the key as one path segment (keys hold spaces, brackets and slashes).
    static func casePath(_ key: String) -> String { "/cases/" + QueryString.encode(key) }

    /// The page around `body`: title, search box in the header, stylesheet, no scripts.
    /// `headerSearch: false` on the search page itself, which has its own box with the filters.
    static func page(title: String, query: String = "", headerSearch: Bool = true, body: String) -> String {
        let search = headerSearch ? """
            <form class="topsearch" action="/search" method="get" role="search">
            <input type="search" name="q" value="\(escape(query))" aria-label="Search ICO decision notices" placeholder="section 31(3) NCND">
            <button type="submit">Search</button></form>
            """ : "<span class=\"topsearch\"></span>"
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · NoticeIndex</title>
        <link rel="stylesheet" href="/static/site.css">
        </head><body>
        <header class="top"><a class="brand" href="/">NoticeIndex</a>
        \(search)
        <nav><a href="/cases">Case law</a> <a href="/api/openapi.json">API</a></nav></header>
        <main>
        \(body)
        </main>
        <footer>UK ICO decision notices, searched by NoticeIndex. Pages work without JavaScript.</footer>
        </body></html>
        """
    }

    /// An error page: the message (escaped) and a way back.
    static func errorPage(status: Int, message: String, query: String = "") -> String {
        let title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Unavailable"
        return page(title: title, query: query, body: """
            <h1>\(title)</h1><p class="error">\(escape(message))</p><p><a href="/">Start a new search</a></p>
            """)
    }

    static let stylesheet = """
        :root{--ink:#1b1f24;--muted:#5b6470;--line:#d8dde3;--accent:#0b5cad;--mark:#fff1a8;--bg:#fbfbfc}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}header.top{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}
        .brand{font-weight:700;text-decoration:none;color:var(--ink);font-size:1.1rem}
        .topsearch{display:flex;flex:1;min-width:16rem;gap:.4rem}.topsearch input{flex:1;padding:.4rem .6rem;font-size:1rem;border:1px solid #aab3bd;border-radius:4px}
        button{padding:.4rem .9rem;font-size:1rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
        nav a{margin-left:.8rem}main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem;display:block}
        footer{color:var(--muted);font-size:.85rem;text-align:center;padding:2rem}
        .layout{display:grid;grid-template-columns:16rem 1fr;gap:1.5rem}@media(max-width:50rem){.layout{grid-template-columns:1fr}}
        aside h2{font-size:.95rem;margin:1rem 0 .3rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        aside ul{list-style:none;margin:0;padding:0}aside li{display:flex;justify-content:space-between;font-size:.92rem}
        aside li .n{color:var(--muted)}details.filters{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin-bottom:1rem}
        .filters label{display:inline-flex;flex-direction:column;font-size:.85rem;color:var(--muted);margin:.3rem .6rem .3rem 0}
        .filters input,.filters select{font-size:.95rem;padding:.25rem .4rem;border:1px solid #aab3bd;border-radius:3px;min-width:9rem}
        .summary{color:var(--muted);margin:.3rem 0 1rem}.result{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin-bottom:.9rem}
        .result h3{margin:0 0 .2rem;font-size:1.05rem}.meta{color:var(--muted);font-size:.9rem}.meta span+span:before{content:" · "}.meta .tag{margin-left:.5rem}
        .tags{margin:.3rem 0;font-size:.88rem}.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 .35rem;margin:0 .25rem .2rem 0;background:#f4f6f8}
        .tag.upheld{border-color:#7cb27c}.tag.not-upheld{border-color:#c98b8b}.tag.partly-upheld{border-color:#d1b25c}
        mark{background:var(--mark);padding:0 .1em}.para{margin:.45rem 0 0;font-size:.95rem}.para .pn{font-weight:600;margin-right:.3rem}
        .para .hd{color:var(--muted);font-size:.85rem}.partial-head{margin-top:2rem;padding-top:.6rem;border-top:2px dashed var(--line)}
        .result.partial{opacity:.92;border-style:dashed}.missing{color:#8a4b00;font-size:.88rem}
        .pager{display:flex;gap:1rem;margin:1rem 0}.didyoumean{background:#fff8e1;border:1px solid #f0d58c;padding:.5rem .8rem;border-radius:4px}
        .chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem;margin-bottom:1rem}.chart svg{width:100%;height:auto;display:block}
        .legend{font-size:.8rem;color:var(--muted)}.sw{display:inline-block;width:.7rem;height:.7rem;margin:0 .2rem 0 .6rem;vertical-align:middle}
        .c-upheld{background:#4f9a4f;fill:#4f9a4f}.c-partly-upheld{background:#d1a73a;fill:#d1a73a}.c-not-upheld{background:#b85c5c;fill:#b85c5c}.c-other{background:#9aa5b1;fill:#9aa5b1}
        article.notice p.np{margin:.5rem 0}article.notice .pn{font-weight:600;margin-right:.4rem;text-decoration:none}
        article.notice h2.hp{font-size:1rem;margin:1.4rem 0 .3rem;color:var(--muted)}:target{background:#eef5ff;outline:2px solid #9cc2ee}
        .cite{font-family:ui-monospace,Menlo,monospace;font-size:.88rem;background:#f4f6f8;border:1px solid var(--line);padding:.4rem .6rem;border-radius:4px;user-select:all}
        table.list{border-collapse:collapse;width:100%;background:#fff}table.list td,table.list th{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;font-size:.93rem}
        .error{color:#8a1c1c;font-weight:600}dl.kv{display:grid;grid-template-columns:9rem 1fr;gap:.2rem .8rem}dl.kv dt{color:var(--muted)}
        """
}
