/*
 * banmian — turn the raw text of Chinese newspaper pages into structured articles.
 *
 * This is the whole public C API (pure C99; no C++ in any public header).
 *
 * Conventions (see docs/api-stability.md, docs/threading.md, docs/errors.md):
 *  - Every fallible call returns a bm_status: BM_OK (0) or a negative BM_E_* code.
 *    Details of the last failure on the calling thread: bm_last_error().
 *  - Input text is (pointer, length); no function needs a NUL terminator.
 *  - All offsets are byte offsets into the *decoded* UTF-8 text of the input
 *    (bm_text_data / bm_page_text), never into the raw input bytes, except
 *    bm_error.byte_offset, which points into the raw input bytes.
 *  - The library allocates and the library frees: strings with bm_string_free,
 *    objects with their bm_<noun>_free. Every bm_*_free accepts NULL.
 *  - Strings returned as `const char *` are NUL-terminated UTF-8 owned by the
 *    object they came from and valid until that object is freed.
 *  - Options are versioned structs: call the *_init function with the
 *    BM_*_OPTIONS_VERSION your program was compiled with, then change fields.
 *    The library reads and writes only the fields of that version, so a program
 *    built against an older header keeps working with a newer library. New
 *    fields are only ever appended (see "Versioned options" below).
 */
#ifndef BANMIAN_H
#define BANMIAN_H

#include <stddef.h>
#include <stdint.h>

#include "banmian/version.h"

#if defined(_WIN32) && !defined(BM_STATIC)
#  if defined(BM_BUILDING_LIBRARY)
#    define BM_EXTERN __declspec(dllexport)
#  else
#    define BM_EXTERN __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && defined(BM_BUILDING_LIBRARY)
#  define BM_EXTERN __attribute__((visibility("default")))
#else
#  define BM_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes and errors                                                   */
/* ------------------------------------------------------------------------ */

/** Result of every fallible call: BM_OK or one of the negative BM_E_* codes. */
typedef int bm_status;

enum {
    BM_OK = 0,
    BM_E_INVALID_ARGUMENT = -1,   /* NULL where an object is required, bad flag, ... */
    BM_E_NOMEM = -2,              /* an allocation failed */
    BM_E_ENCODING = -3,           /* invalid bytes for the encoding (strict decoding only) */
    BM_E_UNKNOWN_ENCODING = -4,   /* the named encoding is not known to ICU */
    BM_E_TOO_LARGE = -5,          /* input larger than the parser's max_input_bytes */
    BM_E_LEXICON = -6,            /* a lexicon could not be read or has a bad line */
    BM_E_IO = -7,                 /* a file could not be read */
    BM_E_VERSION = -8,            /* an options struct of a version this library does not know */
    BM_E_RANGE = -9,              /* an index out of range */
    BM_E_INTERNAL = -99           /* a bug: please report it with the input */
};

/** Details of the last failure on the calling thread. */
typedef struct bm_error {
    bm_status code;       /* BM_OK when the last call on this thread succeeded */
    const char *message;  /* UTF-8, never NULL ("" when code is BM_OK) */
    int64_t byte_offset;  /* offset in the raw input bytes of the problem, or -1 */
} bm_error;

/**
 * The error of the last bm_* call made on this thread (thread-local storage).
 * Never returns NULL. The pointer stays valid until the next bm_* call on the
 * same thread. Thread-safe.
 */
BM_EXTERN const bm_error *bm_last_error(void);

/** A static English description of a status code ("unknown status" for others). Thread-safe. */
BM_EXTERN const char *bm_status_string(bm_status status);

/* ------------------------------------------------------------------------ */
/* Version                                                                   */
/* ------------------------------------------------------------------------ */

/** The library's version as "MAJOR.MINOR.PATCH" (static storage). Thread-safe. */
BM_EXTERN const char *bm_version(void);

/** The library's version as BM_VERSION_NUMBER would encode it (major*10000+minor*100+patch). */
BM_EXTERN int bm_version_number(void);

/* ------------------------------------------------------------------------ */
/* Strings                                                                   */
/* ------------------------------------------------------------------------ */

/** Frees a string the library returned through a `char **` out-parameter. NULL is fine. */
BM_EXTERN void bm_string_free(char *str);

/* ------------------------------------------------------------------------ */
/* Parser: loaded lexicons and settings; immutable once created              */
/* ------------------------------------------------------------------------ */

typedef struct bm_parser bm_parser;

/*
 * Versioned options (libgit2's git_*_options_init is the model).
 *
 * Each options struct begins with `uint32_t version`, and the caller tells the
 * library which version of the struct it was compiled with:
 *
 *     bm_parser_options opts;
 *     if (bm_parser_options_init(&opts, BM_PARSER_OPTIONS_VERSION) != BM_OK) ...;
 *     opts.max_input_bytes = 1 << 20;
 *
 * or, without a call, `bm_parser_options opts = BM_PARSER_OPTIONS_INIT;`.
 * The *_init functions write, and every function taking options reads, only
 * the fields that exist in that version: a program built against an older
 * header never gets a write or a read past the end of its (smaller) struct,
 * and the fields it does not know keep their defaults. A version of 0 or one
 * newer than the library knows fails with BM_E_VERSION.
 *
 * How a field is appended (never inserted, never removed or retyped):
 *  1. add it at the end of the struct, with its default in the comment;
 *  2. increment BM_<NAME>_OPTIONS_VERSION (2, 3, ...) and note next to the
 *     field which version added it;
 *  3. append the field's default to BM_<NAME>_OPTIONS_INIT;
 *  4. in src/capi/options.cpp, append one entry to the struct's size table
 *     (the end of the new field: offsetof + sizeof) and set its default;
 *  5. record the compatible change: scripts/abi-check.sh --update
 *     (abi/README.md). The SOVERSION does not change.
 */

/* Version history of bm_parser_options:
 *   1: version, flags, max_input_bytes, lexicon_path, lexicon_text, lexicon_len */
#define BM_PARSER_OPTIONS_VERSION 1

/* bm_parser_options.flags */
#define BM_PARSER_LEXICON_REPLACE 0x1u  /* the user lexicon replaces the built-in one instead of extending it */

/** Default and largest values of bm_parser_options.max_input_bytes. */
#define BM_DEFAULT_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)
#define BM_LIMIT_MAX_INPUT_BYTES ((size_t)1024 * 1024 * 1024)

typedef struct bm_parser_options {
    uint32_t version;          /* the BM_PARSER_OPTIONS_VERSION the caller was compiled with */
    uint32_t flags;            /* BM_PARSER_* bits; default 0 */
    size_t max_input_bytes;    /* inputs larger than this fail with BM_E_TOO_LARGE; 0 = default (64 MiB); at most 1 GiB */
    const char *lexicon_path;  /* NULL, or a lexicon file (format: docs/lexicon.md) added to the built-in one */
    const char *lexicon_text;  /* NULL, or lexicon text in memory (lexicon_len bytes), added after lexicon_path */
    size_t lexicon_len;
    /* new fields are appended here (see "Versioned options" above) */
} bm_parser_options;

/** Static initializer with the defaults of the current version (same values as bm_parser_options_init). */
#define BM_PARSER_OPTIONS_INIT { BM_PARSER_OPTIONS_VERSION, 0u, BM_DEFAULT_MAX_INPUT_BYTES, NULL, NULL, 0 }

/**
 * Fills the fields of version `version` of `opts` with their defaults and sets
 * opts->version = version; bytes past that version's last field are never
 * touched. Pass BM_PARSER_OPTIONS_VERSION. Returns BM_OK, BM_E_INVALID_ARGUMENT
 * when `opts` is NULL, or BM_E_VERSION (nothing written) when `version` is 0 or
 * newer than this library knows. Thread-safe.
 */
BM_EXTERN bm_status bm_parser_options_init(bm_parser_options *opts, unsigned int version);

/**
 * Creates a parser. `opts` may be NULL (defaults); otherwise only the fields of
 * opts->version are read (BM_E_VERSION for an unknown one). On success *out owns a new
 * parser, freed with bm_parser_free. The parser is immutable: one parser may be
 * used by any number of threads at once. Creating one loads and compiles the
 * lexicons: create it once and reuse it.
 */
BM_EXTERN bm_status bm_parser_new(const bm_parser_options *opts, bm_parser **out);

/** Frees a parser. NULL is fine. No call may be using the parser at that time. */
BM_EXTERN void bm_parser_free(bm_parser *parser);

/* ------------------------------------------------------------------------ */
/* Per-call options                                                          */
/* ------------------------------------------------------------------------ */

/* Version history of bm_parse_options (see "Versioned options" above):
 *   1: version, flags, encoding, source
 *   2: issue_date
 *   3: script */
#define BM_PARSE_OPTIONS_VERSION 3

/* bm_parse_options.flags */
#define BM_PARSE_STRICT_DECODING 0x1u  /* invalid input bytes fail with BM_E_ENCODING instead of becoming U+FFFD */

/** Values of bm_parse_options.script: the characters of the output text. */
typedef enum bm_script {
    BM_SCRIPT_KEEP = 0,        /* as in the input (default) */
    BM_SCRIPT_SIMPLIFIED = 1,  /* traditional characters become simplified (ICU "Traditional-Simplified") */
    BM_SCRIPT_TRADITIONAL = 2  /* simplified characters become traditional (ICU "Simplified-Traditional") */
} bm_script;

typedef struct bm_parse_options {
    uint32_t version;      /* the BM_PARSE_OPTIONS_VERSION the caller was compiled with */
    uint32_t flags;        /* BM_PARSE_* bits; default 0 */
    const char *encoding;  /* NULL or "auto": BOM, then UTF-8, then detection; or an ICU converter name ("GB18030", "Big5", "UTF-16LE", ...) */
    const char *source;    /* NULL, or a name for the input reported as "source" in the page JSON */
    /* version 2: NULL, or the issue's date as "YYYY-MM-DD", used when the page prints none
     * (dates and datelines resolve against it); any other text fails bm_parse with
     * BM_E_INVALID_ARGUMENT. Default NULL. */
    const char *issue_date;
    /* version 3: a bm_script value, the script of the text bm_parse hands out (headline
     * parts, dateline, editor's note, byline names, paragraphs, day expressions, masthead,
     * edition, paper, section, page number) and of bm_normalize's output
     * (docs/page-json.md, "Script"). Spans and bm_page_text() stay the decoded input, and
     * the parse itself (articles, roles, dates) is the same whatever the script;
     * bm_decode never converts. Any other value fails bm_parse, bm_normalize and
     * bm_decode with BM_E_INVALID_ARGUMENT. Default BM_SCRIPT_KEEP. */
    int script;
    /* new fields are appended here (see "Versioned options" above) */
} bm_parse_options;

/** Static initializer with the defaults of the current version (same values as bm_parse_options_init). */
#define BM_PARSE_OPTIONS_INIT { BM_PARSE_OPTIONS_VERSION, 0u, NULL, NULL, NULL, BM_SCRIPT_KEEP }

/**
 * Fills the fields of version `version` of `opts` with their defaults and sets
 * opts->version = version; bytes past that version's last field are never
 * touched. Pass BM_PARSE_OPTIONS_VERSION. Returns BM_OK, BM_E_INVALID_ARGUMENT
 * when `opts` is NULL, or BM_E_VERSION (nothing written) when `version` is 0 or
 * newer than this library knows. Thread-safe.
 */
BM_EXTERN bm_status bm_parse_options_init(bm_parse_options *opts, unsigned int version);

/* ------------------------------------------------------------------------ */
/* Decoding                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct bm_text bm_text;

/* bm_text_flags() / bm_page_flags() bits: what decoding had to repair */
#define BM_TEXT_HAD_BOM            0x1u  /* a byte-order mark decided the encoding (and was removed) */
#define BM_TEXT_INVALID_REPLACED   0x2u  /* invalid byte sequences became U+FFFD */
#define BM_TEXT_CONTROLS_REMOVED   0x4u  /* C0/C1 control characters were removed */
#define BM_TEXT_NUL_REPLACED       0x8u  /* U+0000 became U+FFFD */
#define BM_TEXT_ENCODING_DETECTED  0x10u /* the encoding was guessed by charset detection */

/**
 * Decodes `len` bytes into UTF-8 text (see docs/errors.md for the exact policy:
 * BOM, UTF-8, detection, U+FFFD substitution, line ends, control characters).
 * `opts` may be NULL (defaults); otherwise only the fields of opts->version are
 * read (BM_E_VERSION for an unknown one), here and in bm_normalize and bm_parse.
 * On success *out owns a new bm_text (bm_text_free). Thread-safe (the parser is
 * only read).
 */
BM_EXTERN bm_status bm_decode(const bm_parser *parser, const char *bytes, size_t len,
                              const bm_parse_options *opts, bm_text **out);

/** The decoded UTF-8 (NUL-terminated; *len, if not NULL, receives its length without the NUL). */
BM_EXTERN const char *bm_text_data(const bm_text *text, size_t *len);
/** The encoding used, as an ICU canonical name ("UTF-8", "GB18030", "Big5", "UTF-16LE", ...). */
BM_EXTERN const char *bm_text_encoding(const bm_text *text);
/** BM_TEXT_* bits. */
BM_EXTERN uint32_t bm_text_flags(const bm_text *text);
/** How many U+FFFD replacement characters decoding inserted. */
BM_EXTERN size_t bm_text_replacements(const bm_text *text);
/** Offset in the raw input of the first invalid byte, or -1. */
BM_EXTERN int64_t bm_text_first_invalid_offset(const bm_text *text);
/** Frees a bm_text. NULL is fine. */
BM_EXTERN void bm_text_free(bm_text *text);

/* ------------------------------------------------------------------------ */
/* Normalization                                                             */
/* ------------------------------------------------------------------------ */

/**
 * Decodes `bytes` like bm_decode and returns the normalized text: one
 * paragraph per line, each line ending with '\n' (docs/normalization.md).
 * On success *out (free with bm_string_free) holds *out_len bytes plus a NUL.
 * Thread-safe.
 */
BM_EXTERN bm_status bm_normalize(const bm_parser *parser, const char *bytes, size_t len,
                                 const bm_parse_options *opts, char **out, size_t *out_len);

/* ------------------------------------------------------------------------ */
/* Parsing a page into articles                                              */
/* ------------------------------------------------------------------------ */

typedef struct bm_page bm_page;
typedef struct bm_article bm_article;

/** Article kinds (bm_article_kind). */
typedef enum bm_article_kind {
    BM_KIND_NEWS = 0,
    BM_KIND_PHOTO = 1,
    BM_KIND_AD = 2,
    BM_KIND_WEATHER = 3,
    BM_KIND_OTHER = 4
} bm_article_kind;

/* bm_article_flags() bits; bm_article_flag() gives the JSON names. */
#define BM_FLAG_DUPLICATE_TEXT_REMOVED   0x1u  /* "duplicate_text_removed" */
#define BM_FLAG_DOUBLED_CHARACTERS_FIXED 0x2u  /* "doubled_characters_fixed" */
#define BM_FLAG_TRUNCATED                0x4u  /* "truncated": the body ends mid-sentence */
#define BM_FLAG_TEXT_MISSING             0x8u  /* "text_missing": a sentence breaks off inside a paragraph */
#define BM_FLAG_BYLINE_UNATTACHED        0x10u /* "byline_unattached": a byline no article could take */
#define BM_FLAG_INVALID_TEXT             0x20u /* "invalid_text": the article contains U+FFFD from decoding */
#define BM_FLAG_COLUMNS_INTERLEAVED      0x40u /* "columns_interleaved": lines merged from neighbouring columns (PDF text) */
#define BM_FLAG_BOX_INSIDE               0x80u /* "box_inside": a box printed inside the story's text (PDF text); its span lies within the story's */

/**
 * Parses one page. `opts` may be NULL. On success *out owns a new bm_page
 * (bm_page_free). Thread-safe: many threads may parse with one parser at once.
 * The page itself may be read from several threads at once, but not freed
 * while another thread reads it.
 */
BM_EXTERN bm_status bm_parse(const bm_parser *parser, const char *bytes, size_t len,
                             const bm_parse_options *opts, bm_page **out);

/** Frees a page and everything borrowed from it. NULL is fine. */
BM_EXTERN void bm_page_free(bm_page *page);

/* bm_page_to_json flags */
#define BM_JSON_PRETTY 0x1u  /* indent with two spaces (default: one line, no trailing newline) */

/**
 * The page as the JSON of docs/page-json.md (schema "banmian.page/1").
 * On success *out (free with bm_string_free) holds *out_len bytes plus a NUL.
 */
BM_EXTERN bm_status bm_page_to_json(const bm_page *page, uint32_t flags, char **out, size_t *out_len);

/** The decoded input text the spans point into (*len, if not NULL, gets its length). */
BM_EXTERN const char *bm_page_text(const bm_page *page, size_t *len);
/** The encoding the input was decoded from. */
BM_EXTERN const char *bm_page_encoding(const bm_page *page);
/** The `source` given in the options, or NULL. */
BM_EXTERN const char *bm_page_source(const bm_page *page);
/** The edition ("平湖版"), or NULL when the page names none. */
BM_EXTERN const char *bm_page_edition(const bm_page *page);
/** BM_TEXT_* bits from decoding the input. */
BM_EXTERN uint32_t bm_page_flags(const bm_page *page);
/** How many U+FFFD replacement characters decoding inserted. */
BM_EXTERN size_t bm_page_replacements(const bm_page *page);
/** Masthead lines (paper name, app names, ...): count and each (NULL when out of range). */
BM_EXTERN size_t bm_page_masthead_count(const bm_page *page);
BM_EXTERN const char *bm_page_masthead(const bm_page *page, size_t index);

/** Articles in page order: count, and each (borrowed from the page; NULL when out of range). */
BM_EXTERN size_t bm_page_article_count(const bm_page *page);
BM_EXTERN const bm_article *bm_page_article(const bm_page *page, size_t index);

/** The article's kind, and its JSON name ("news", "photo", "ad", "weather", "other"). */
BM_EXTERN bm_article_kind bm_article_get_kind(const bm_article *article);
BM_EXTERN const char *bm_article_kind_name(const bm_article *article);

/** Headline parts in reading order: count and each. */
BM_EXTERN size_t bm_article_headline_count(const bm_article *article);
BM_EXTERN const char *bm_article_headline(const bm_article *article, size_t index);
/** Roles of the headline parts; NULL when the article has none. */
BM_EXTERN const char *bm_article_kicker(const bm_article *article);
BM_EXTERN const char *bm_article_title(const bm_article *article);
BM_EXTERN const char *bm_article_subtitle(const bm_article *article);
/** The dateline ("本报讯", "新华社北京7月1日电", ...), or NULL. */
BM_EXTERN const char *bm_article_dateline(const bm_article *article);
/** The editor's note without its label, or NULL. */
BM_EXTERN const char *bm_article_editor_note(const bm_article *article);

/** Credited people in source order: count, role ("reporter", "correspondent",
 *  "photographer", "editor", "intern", "author") and name of each. */
BM_EXTERN size_t bm_article_byline_count(const bm_article *article);
BM_EXTERN const char *bm_article_byline_role(const bm_article *article, size_t index);
BM_EXTERN const char *bm_article_byline_name(const bm_article *article, size_t index);

/** Body paragraphs: count and each. */
BM_EXTERN size_t bm_article_paragraph_count(const bm_article *article);
BM_EXTERN const char *bm_article_paragraph(const bm_article *article, size_t index);

/** BM_FLAG_* bits, and the flags as JSON names: count and each. */
BM_EXTERN uint32_t bm_article_flags(const bm_article *article);
BM_EXTERN size_t bm_article_flag_count(const bm_article *article);
BM_EXTERN const char *bm_article_flag(const bm_article *article, size_t index);

/** [start, end) byte offsets of the article in bm_page_text(). Either pointer may be NULL. */
BM_EXTERN void bm_article_span(const bm_article *article, size_t *start, size_t *end);

/**
 * How sure the parser is of the article's boundaries and roles: a value in
 * [0, 1], or a negative value when the parser did not compute one (also for
 * a NULL article). The JSON's optional "confidence" is this value rounded to
 * 3 decimals, absent when it is negative.
 */
BM_EXTERN double bm_article_confidence(const bm_article *article);

/* ------------------------------------------------------------------------ */
/* Page metadata, datelines and day expressions (optional fields, issue 14)  */
/* ------------------------------------------------------------------------ */
/* Strings are owned by the page and valid until bm_page_free; dates are
 * "YYYY-MM-DD". All return NULL / 0 for a NULL object or an index out of range. */

/** The paper's name when the masthead names it ("人民日报"), or NULL. */
BM_EXTERN const char *bm_page_paper(const bm_page *page);
/** The issue date: printed on the page, else bm_parse_options.issue_date; or NULL. */
BM_EXTERN const char *bm_page_issue_date(const bm_page *page);
/** The page number as printed without 第/版 ("4", "A04"), or NULL. */
BM_EXTERN const char *bm_page_page_number(const bm_page *page);
/** The section name printed at the top of the page ("要闻"), or NULL. */
BM_EXTERN const char *bm_page_section(const bm_page *page);

/** 1 when the article has a dateline whose parts the accessors below give, else 0. */
BM_EXTERN int bm_article_has_dateline_info(const bm_article *article);
/** The dateline's source ("本报", "新华社", ...) and place ("北京"), each NULL when not printed. */
BM_EXTERN const char *bm_article_dateline_source(const bm_article *article);
BM_EXTERN const char *bm_article_dateline_place(const bm_article *article);
/** The dateline's month (1-12) and day (1-31) as printed, 0 when not printed. */
BM_EXTERN int bm_article_dateline_month(const bm_article *article);
BM_EXTERN int bm_article_dateline_day(const bm_article *article);
/** The dateline's day resolved against the issue date (the latest such day not after it), or NULL. */
BM_EXTERN const char *bm_article_dateline_date(const bm_article *article);

/** Expressions naming one day in the headline parts and paragraphs, in order: count, and
 *  each one's text, resolved date (NULL when it cannot be resolved) and byte span in
 *  bm_page_text() (returns 0 and sets nothing-found spans to 0 when the source could
 *  not be matched, 1 otherwise; either pointer may be NULL). */
BM_EXTERN size_t bm_article_date_count(const bm_article *article);
BM_EXTERN const char *bm_article_date_text(const bm_article *article, size_t index);
BM_EXTERN const char *bm_article_date_value(const bm_article *article, size_t index);
BM_EXTERN int bm_article_date_span(const bm_article *article, size_t index, size_t *start, size_t *end);

/* ------------------------------------------------------------------------ */
/* Field spans (optional "spans" of the page JSON, issue 14)                 */
/* ------------------------------------------------------------------------ */
/* Where each field came from: [start, end) byte offsets in bm_page_text(), from
 * the first to the last source byte the field was read from (a paragraph joined
 * from several lines covers all of them, lines of other items between them
 * included; a byline covers its name as printed, "张 伟" for 张伟). The field's
 * text is the normalized form of that source, except where the parser repaired it
 * (docs/page-json.md, "spans"). Each *_span function returns 1 and sets *start
 * and *end when the span is known; 0, with both set to 0, for an index out of
 * range, an absent dateline, an article without spans or a NULL article. Either
 * pointer may be NULL. Thread-safe like the other accessors. */

/** 1 when the parser computed the article's field spans (the JSON has "spans"), else 0. */
BM_EXTERN int bm_article_has_spans(const bm_article *article);
/** Span of headline part `index` (as bm_article_headline). */
BM_EXTERN int bm_article_headline_span(const bm_article *article, size_t index, size_t *start, size_t *end);
/** Span of the dateline (as bm_article_dateline). */
BM_EXTERN int bm_article_dateline_span(const bm_article *article, size_t *start, size_t *end);
/** Span of byline `index`'s name (as bm_article_byline_name). */
BM_EXTERN int bm_article_byline_span(const bm_article *article, size_t index, size_t *start, size_t *end);
/** Span of paragraph `index` (as bm_article_paragraph). */
BM_EXTERN int bm_article_paragraph_span(const bm_article *article, size_t index, size_t *start, size_t *end);

/* ------------------------------------------------------------------------ */
/* Parsing positioned lines (a PDF's or an OCR engine's; issue 15, part 2)   */
/* ------------------------------------------------------------------------ */

/* Version history of bm_line (the struct is versioned like the options
 * structs: its first field says which version the caller was compiled with,
 * and the library reads only that version's fields):
 *   1: version, flags, text, text_len, x0, y0, x1, y1, font_size, page_index */
#define BM_LINE_VERSION 1

/* bm_line.flags */
#define BM_LINE_BOLD   0x1u  /* the line is set in a bold face */
#define BM_LINE_ITALIC 0x2u  /* the line is set in an italic face */
/* The element is no text but something drawn on the page: a rule (a thin
 * line across or down) or a frame (a box's border or background), given by
 * its bounds; text_len must be 0 and font_size is not read. The edge of a
 * small frame of furniture (a notice, a label) parts two items; rules are
 * accepted and not read (docs/positioned-lines.md). */
#define BM_LINE_DRAWN  0x4u

/** Largest |coordinate| of a line box, in points (a sheet 3.5 km wide). */
#define BM_LINE_MAX_COORDINATE 1e7

/** One line of text where it sits on its page. */
typedef struct bm_line {
    uint32_t version;      /* BM_LINE_VERSION; the same in every element of an array */
    uint32_t flags;        /* BM_LINE_* bits; default 0 */
    const char *text;      /* the line's UTF-8 (text_len bytes, no NUL needed); invalid bytes become
                            * U+FFFD (BM_E_ENCODING under BM_PARSE_STRICT_DECODING) */
    size_t text_len;
    double x0, y0, x1, y1; /* the line's box in points, origin at the top left of its page, y growing
                            * down (PDF coordinates: y = page height - PDF y); x0 <= x1, y0 <= y1, finite,
                            * |value| <= BM_LINE_MAX_COORDINATE */
    double font_size;      /* in points; 0 = unknown (the box height stands in) */
    uint32_t page_index;   /* which page of the source the line is on (0 for a one-page source) */
} bm_line;

/** Static initializer: version set, everything else zero. */
#define BM_LINE_INIT { BM_LINE_VERSION, 0u, NULL, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0u }

/**
 * Parses a page from `n` positioned lines, in any order. The lines are read in
 * reading order (rows and columns found from the boxes: the page is cut at
 * white space across, then down), joined into paragraphs (same font, close, not
 * indented, the line before running to its column's edge) and headline parts
 * (a font well above the body's), and that text is parsed as bm_parse would;
 * elements flagged BM_LINE_DRAWN (frames) part items where they stand;
 * bm_page_text() is that text, and every span points into it. Each article also
 * gets its box on the page (bm_article_bbox, JSON "bbox" and "page_index") and
 * its headline parts and paragraphs theirs (JSON "bboxes"). opts->encoding is not
 * used. Fails with BM_E_INVALID_ARGUMENT for a NULL pointer, an element whose
 * version differs from the first's, a box that is not finite or inverted, or a
 * negative font size (naming the line); BM_E_ENCODING, under BM_PARSE_STRICT_DECODING,
 * for a line that is not UTF-8 (naming it; bm_last_error()->byte_offset is then the
 * offset in that line's text); BM_E_VERSION for an unknown version;
 * BM_E_TOO_LARGE when the text of the lines exceeds max_input_bytes. n = 0 gives
 * an empty page. Thread-safe as bm_parse.
 */
BM_EXTERN bm_status bm_parse_lines(const bm_parser *parser, const bm_line *lines, size_t n,
                                   const bm_parse_options *opts, bm_page **out);

/**
 * The box of an article parsed from positioned lines: the union of the boxes of
 * the lines its text came from, on page *page_index (its first line's page).
 * Returns 1 and fills box[4] = {x0, y0, x1, y1} (points, as bm_line); 0 when the
 * article has none (a parse of text, or a NULL article), box and *page_index
 * then zero. page_index and box may be NULL.
 */
BM_EXTERN int bm_article_bbox(const bm_article *article, uint32_t *page_index, double box[4]);
/** The box of headline part `index`, as bm_article_bbox. */
BM_EXTERN int bm_article_headline_bbox(const bm_article *article, size_t index, uint32_t *page_index, double box[4]);
/** The box of paragraph `index`, as bm_article_bbox. */
BM_EXTERN int bm_article_paragraph_bbox(const bm_article *article, size_t index, uint32_t *page_index, double box[4]);

#ifdef __cplusplus
}
#endif

#endif /* BANMIAN_H */
