/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`. Bodies are those of the
/// CLI's `--json` (see the README's JSON contract); a test checks that every path here is served.
enum OpenAPI {
    static let document = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "NoticeIndex API",
        "version": "1.0.0",
        "description": "Search UK ICO decision notices. Read-only: every route is GET. Bodies are exactly what `search … --json` prints. Errors: {\"error\": message, \"status\": code}; 400 for a malformed parameter, 404 for an unknown notice or case, 503 when the index cannot be read."
      },
      "paths": {
        "/api/search": {
          "get": {
            "summary": "Ranked notices for a query (search QUERY --json)",
            "parameters": [
              {"$ref": "#/components/parameters/q"}, {"$ref": "#/components/parameters/provision"},
              {"$ref": "#/components/parameters/authority"}, {"$ref": "#/components/parameters/outcome"},
              {"$ref": "#/components/parameters/law"}, {"$ref": "#/components/parameters/cites"},
              {"$ref": "#/components/parameters/finding"}, {"$ref": "#/components/parameters/since"},
              {"$ref": "#/components/parameters/until"}, {"$ref": "#/components/parameters/sort"},
              {"$ref": "#/components/parameters/offset"}, {"$ref": "#/components/parameters/limit"},
              {"name": "facets", "in": "query", "description": "Counts by provision, authority, outcome and year over every match (--facets).", "schema": {"type": "boolean"}}
            ],
            "responses": {
              "200": {"description": "The search response", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"}
            }
          }
        },
        "/api/notices/{id}": {
          "get": {
            "summary": "One notice with every paragraph and its findings (search show REF --json)",
            "parameters": [{"name": "id", "in": "path", "required": true, "description": "Reference, id or file name, percent-encoded.", "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The notice", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Notice"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/cases": {
          "get": {
            "summary": "Case law cited across the index, most cited first (search cases --json)",
            "parameters": [
              {"name": "q", "in": "query", "description": "Only cases whose name or citation holds these words (search cases NAME).", "schema": {"type": "string"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 20}}
            ],
            "responses": {
              "200": {"description": "Cases", "content": {"application/json": {"schema": {"type": "object", "required": ["cases", "total"], "properties": {"cases": {"type": "array", "items": {"$ref": "#/components/schemas/CitedCase"}}, "total": {"type": "integer", "description": "Every matching case, however many are listed"}}}}}},
              "400": {"$ref": "#/components/responses/BadRequest"}
            }
          }
        },
        "/api/cases/{key}": {
          "get": {
            "summary": "One case and the notices citing it",
            "parameters": [{"name": "key", "in": "path", "required": true, "description": "The case's canonical key, percent-encoded (EA%2F2018%2F0164).", "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CitedCase"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/export": {
          "get": {
            "summary": "The strict matches of a search, streamed; no query and no filters: every notice (search export [QUERY] [options] --format jsonl|csv)",
            "parameters": [
              {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["jsonl", "csv"], "default": "jsonl"}},
              {"$ref": "#/components/parameters/q"}, {"$ref": "#/components/parameters/provision"},
              {"$ref": "#/components/parameters/authority"}, {"$ref": "#/components/parameters/outcome"},
              {"$ref": "#/components/parameters/law"}, {"$ref": "#/components/parameters/cites"},
              {"$ref": "#/components/parameters/finding"}, {"$ref": "#/components/parameters/since"},
              {"$ref": "#/components/parameters/until"}, {"$ref": "#/components/parameters/sort"}
            ],
            "responses": {
              "200": {"description": "One notice object per line (jsonl), or one row per notice (csv)",
                      "content": {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/Notice"}}, "text/csv": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"}
            }
          }
        },
        "/api/openapi.json": {
          "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}
        },
        "/healthz": {
          "get": {
            "summary": "Liveness and readiness: the index can be read",
            "responses": {
              "200": {"description": "Ready", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"const": "ok"}, "notices": {"type": "integer"}}}}}},
              "503": {"description": "The index cannot be read", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        }
      },
      "components": {
        "parameters": {
          "q": {"name": "q", "in": "query", "description": "The query: words (all required), \"phrases\", OR, -word, (grouping), word*, NEAR/5, fields provision: authority: outcome: law: cites: year:. At most 1000 characters.", "schema": {"type": "string", "maxLength": 1000}},
          "provision": {"name": "provision", "in": "query", "description": "Relied-on provision in any spelling: 31(3), s.31(3), section 31, reg 12(4)(b). Repeatable.", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
          "authority": {"name": "authority", "in": "query", "description": "Public authority by name or alias (MPS, Home Office). Repeatable, as --authority: each must match.", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
          "outcome": {"name": "outcome", "in": "query", "schema": {"type": "string", "enum": ["upheld", "partly-upheld", "not-upheld", "partly upheld", "not upheld"]}},
          "law": {"name": "law", "in": "query", "schema": {"type": "string", "enum": ["foia", "eir", "FOIA", "EIR"]}},
          "cites": {"name": "cites", "in": "query", "description": "Cited case: party name, neutral citation or appeal number. Repeatable.", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
          "finding": {"name": "finding", "in": "query", "description": "PROVISION=OUTCOME, e.g. 14(1)=not-upheld. Repeatable.", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
          "since": {"name": "since", "in": "query", "description": "YYYY or YYYY-MM-DD, inclusive.", "schema": {"type": "string"}},
          "until": {"name": "until", "in": "query", "description": "YYYY or YYYY-MM-DD, inclusive.", "schema": {"type": "string"}},
          "sort": {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "newest", "oldest"], "default": "relevance"}},
          "offset": {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
          "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 10}}
        },
        "responses": {
          "BadRequest": {"description": "A malformed parameter, named in the message", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such notice or case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error", "status"], "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
          "Case": {"type": "object", "properties": {"key": {"type": "string"}, "name": {"type": ["string", "null"]}, "citations": {"type": "array", "items": {"type": "string"}}}},
          "CitedCase": {"type": "object", "properties": {"key": {"type": "string"}, "name": {"type": ["string", "null"]}, "count": {"type": "integer"}, "notices": {"type": "array", "items": {"type": "string"}}}},
          "Finding": {"type": "object", "properties": {"provision": {"type": "string"}, "finding": {"type": "string"}, "paragraph": {"type": ["integer", "null"]}, "start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]}}, "additionalProperties": true},
          "Paragraph": {"type": "object", "properties": {"number": {"type": "integer"}, "heading": {"type": "string"}, "snippet": {"type": "string"}, "text": {"type": "string"}}},
          "Notice": {
            "type": "object",
            "properties": {
              "id": {"type": "string"}, "reference": {"type": ["string", "null"]}, "file": {"type": "string"},
              "date": {"type": ["string", "null"]}, "authority": {"type": ["string", "null"]},
              "law": {"type": ["string", "null"]}, "outcome": {"type": ["string", "null"]},
              "provisions": {"type": "array", "items": {"type": "string"}},
              "cases": {"type": "array", "items": {"$ref": "#/components/schemas/Case"}},
              "score": {"type": "number"},
              "paragraphs": {"type": "array", "items": {"$ref": "#/components/schemas/Paragraph"}},
              "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
              "citation": {"type": "string"},
              "missing": {"type": "array", "items": {"type": "string"}}
            },
            "additionalProperties": true
          },
          "SearchResponse": {
            "type": "object",
            "required": ["query", "total", "results"],
            "properties": {
              "query": {"type": "string"}, "total": {"type": "integer"},
              "results": {"type": "array", "items": {"$ref": "#/components/schemas/Notice"}},
              "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}},
              "offset": {"type": "integer"},
              "partial": {"type": "array", "description": "Notices with only some of the words, each with `missing`", "items": {"$ref": "#/components/schemas/Notice"}},
              "partial_total": {"type": "integer"},
              "suggestions": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
              "corrected_query": {"type": "string"}
            },
            "additionalProperties": true
          }
        }
      }
    }

    """#
}
