/// The database layout. Ordinary tables are plain SQLite (readable from a stock `sqlite3` shell); the
/// full-text index is one contentless FTS5 table with the built-in porter/unicode61 tokenizer, so no
/// custom tokenizer has to be registered to open the file.
///
/// Why one FTS row per notice, not per paragraph: ranking notices from paragraph rows means scoring every
/// matching paragraph (1.2M rows at ICO scale; "public interest test" matches most of them). A notice-level
/// row lets FTS5 rank 25k documents at most; the few notices shown are then pinpointed to paragraphs in
/// Swift from their stored text (`notice_text`, see `StoredText` and `Pinpointer`).
///
/// Legal terms are normalised at index time into the `terms` column: every provision mention adds its
/// token and its ancestors' (`s31(1)(a)` → `sec31x1xa sec31x1 sec31`), every synonym form adds its group
/// token (`NCND`/"neither confirm nor deny" → `synncnd`). The query layer emits the same tokens.
enum Schema {
    /// Bump whenever tables or the text fed to the FTS index change: older files are then rebuilt.
    static let version = 12  // 9: findings spans, case names by rule; 10: NFKC-folded text, bodycam synonym group;
                             // 11: barrier tokens between paragraphs and heading paths (FTSDocument.barrier);
                             // 12: notices_browse replaces notices_date; notices_columns adds law and sector,
                             // notices_authority, notices_law and notices_outcome date and filter columns
                             // (filters-only searches in SQL)

    static let create = """
        CREATE TABLE IF NOT EXISTS meta(
            key TEXT PRIMARY KEY,
            value TEXT
        ) WITHOUT ROWID;

        -- One row per source file seen; size/mtime/hash decide whether a rerun must parse it again.
        CREATE TABLE IF NOT EXISTS files(
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            hash TEXT NOT NULL,
            notice_id INTEGER
        );

        -- One row per notice. `uid` is the stable id: the reference if any, else from the file name.
        CREATE TABLE IF NOT EXISTS notices(
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            reference TEXT,
            file TEXT NOT NULL,
            date TEXT,
            year INTEGER,
            authority TEXT,
            authority_key TEXT,
            sector TEXT,
            law TEXT,
            outcome TEXT,
            layout TEXT NOT NULL,
            paragraph_count INTEGER NOT NULL,
            provisions TEXT NOT NULL DEFAULT '',   -- relied-on provisions, most specific, space-separated
            warnings TEXT NOT NULL DEFAULT '',
            fts_terms TEXT NOT NULL DEFAULT ''      -- the `terms` value given to notice_fts (needed to delete it)
        );
        -- An authority's notices newest first, with the columns filters test: `--authority MPS` and its
        -- combinations count and page from here (FilterBrowse).
        CREATE INDEX IF NOT EXISTS notices_authority ON notices(authority_key, date DESC, id, law, outcome, sector);
        -- Filters-only searches on notices' own columns (FilterBrowse): in the newest-first order they page
        -- in (date DESC, then id), with every column a filter tests, so a page stops at its last notice and
        -- neither it nor the count reads the wide rows.
        CREATE INDEX IF NOT EXISTS notices_browse ON notices(date DESC, id, law, outcome, sector, authority_key, authority);
        CREATE INDEX IF NOT EXISTS notices_file ON notices(file);
        -- An outcome's or a law's notices newest first, with the columns filters test: `--law eir`,
        -- `--outcome upheld --since 2020` count and page a range of one of these (FilterBrowse).
        CREATE INDEX IF NOT EXISTS notices_outcome ON notices(outcome, date DESC, id, law, sector);
        CREATE INDEX IF NOT EXISTS notices_law ON notices(law, date DESC, id, outcome, sector);
        -- The columns the query layer holds in memory (NoticeColumns), read without the wide rows; with law
        -- and sector, every column a filter tests, for filters-only searches led by a set of ids (FilterBrowse).
        CREATE INDEX IF NOT EXISTS notices_columns ON notices(id, date, year, authority, authority_key, outcome, provisions, law, sector);

        -- A notice's paragraphs: their text joined by blank lines, zlib-compressed in the sqlite3 shell's
        -- sqlar format (`size` = text length; a blob that long is the text itself), and `layout`, a JSON
        -- array of [number, heading_no, start, end] per paragraph (`number` is the notice's own ¶ number,
        -- `heading_no` the path in `headings`, start/end byte offsets into the text). See StoredText.
        CREATE TABLE IF NOT EXISTS notice_text(
            notice_id INTEGER PRIMARY KEY,
            size INTEGER NOT NULL,
            text BLOB NOT NULL,
            layout TEXT NOT NULL
        );

        -- Every paragraph as a row of text, readable from a stock sqlite3 shell (which has sqlar_uncompress);
        -- `seq` is the position in the notice. Slow for bulk reads (it inflates a notice per paragraph);
        -- the library reads notice_text instead.
        CREATE VIEW IF NOT EXISTS paragraphs AS
            SELECT t.notice_id AS notice_id, CAST(p.key AS INTEGER) AS seq,
                   json_extract(p.value, '$[0]') AS number, json_extract(p.value, '$[1]') AS heading_no,
                   CAST(substr(sqlar_uncompress(t.text, t.size), json_extract(p.value, '$[2]') + 1,
                               json_extract(p.value, '$[3]') - json_extract(p.value, '$[2]')) AS TEXT) AS text
            FROM notice_text t, json_each(t.layout) p;

        -- A notice's heading paths ("Reasons for decision › Section 31 - Law enforcement"), numbered.
        CREATE TABLE IF NOT EXISTS headings(
            notice_id INTEGER NOT NULL,
            heading_no INTEGER NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY(notice_id, heading_no)
        ) WITHOUT ROWID;

        -- Every level of every provision a notice cites (s31(1)(a) also files under s31(1) and s31).
        -- relied: some mention within it is relied on/decided; listed: in notices.provisions.
        CREATE TABLE IF NOT EXISTS provision_index(
            provision TEXT NOT NULL,
            notice_id INTEGER NOT NULL,
            relied INTEGER NOT NULL,
            listed INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY(provision, notice_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS provision_index_notice ON provision_index(notice_id);

        -- Each provision mention with its source span (paragraph seq + UTF-8 byte offsets).
        -- Clustered by notice (WITHOUT ROWID): one B-tree, written in order, deleted by prefix.
        CREATE TABLE IF NOT EXISTS provision_mentions(
            notice_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            provision TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY(notice_id, seq, start, provision)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS findings(
            notice_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            provision TEXT NOT NULL,
            finding TEXT NOT NULL,
            paragraph INTEGER,          -- the paragraph's own number (¶) the finding was read from
            start INTEGER,              -- UTF-8 byte offsets of the deciding clause in that paragraph
            end INTEGER,
            PRIMARY KEY(notice_id, position)
        ) WITHOUT ROWID;

        -- Cases across the whole index; `case_forms` holds every normalised string that names a case.
        -- `name` is the name most citing notices give it (ties: the first in binary order), so the same
        -- files always give the same names, whatever order they were indexed in.
        CREATE TABLE IF NOT EXISTS cases(
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT
        );
        CREATE TABLE IF NOT EXISTS case_forms(
            form TEXT NOT NULL,
            case_id INTEGER NOT NULL,
            PRIMARY KEY(form, case_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS citations(
            notice_id INTEGER NOT NULL,
            case_id INTEGER NOT NULL,
            written TEXT NOT NULL,     -- the forms as written in this notice, joined by U+001F
            spans TEXT NOT NULL,       -- "seq:start:end" items, space-separated
            name TEXT,                 -- the party names this notice gives the case, if any (cases.name is chosen from these)
            PRIMARY KEY(case_id, notice_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS citations_notice ON citations(notice_id);

        -- Contentless notice-level full-text index; rowid = notices.id. Column weights live in Ranking.
        CREATE VIRTUAL TABLE IF NOT EXISTS notice_fts USING fts5(
            heading, decision, body, terms,
            content = '',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS notice_vocab USING fts5vocab(notice_fts, 'row');

        -- Notices per indexed term (terms in two or more notices), for idf; see TermStatistics.
        CREATE TABLE IF NOT EXISTS term_stats(
            term TEXT PRIMARY KEY,
            docs INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
}
