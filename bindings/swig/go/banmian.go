// Package banmian turns the raw text of Chinese newspaper pages into
// structured articles. It wraps the C library through a SWIG-generated
// internal package (banmian/internal/raw); wrappers are generated at build
// time by bindings/swig/CMakeLists.txt.
//
//	p, err := banmian.NewParser(nil) // once; safe for concurrent use
//	page, err := p.Parse(data, nil) // raw bytes, encoding detected
//	defer page.Close()
//	arts, err := page.Articles()    // plain Go values
//
// Every failing call returns an *Error (code, message, byte offset); calls
// on a closed Parser or Page return one too. Close is idempotent; a Parser
// or Page that is never closed is freed by a finalizer.
package banmian

import (
	"runtime"

	"banmian/internal/raw"
)

// Error is a failing call: the C API's negative bm_status Code, its
// Message, and ByteOffset, the offset in the raw input of the problem or -1.
type Error = raw.Error

// Status codes of Error.Code (the C API's BM_E_* values).
const (
	StatusInvalidArgument = -1  // also: a call on a closed Parser or Page
	StatusNoMem           = -2  //
	StatusEncoding        = -3  // invalid bytes in strict decoding
	StatusUnknownEncoding = -4  // the named encoding is not known to ICU
	StatusTooLarge        = -5  // input larger than ParserOptions.MaxInputBytes
	StatusLexicon         = -6  // a lexicon could not be read or has a bad line
	StatusIO              = -7  // a file could not be read
	StatusVersion         = -8  //
	StatusRange           = -9  // an index out of range
	StatusInternal        = -99 // a bug: please report it with the input
)

// call runs f, which makes raw calls, on one OS thread and returns the
// error the last of them left (the raw layer records errors per thread).
func call(f func()) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	f()
	return raw.TakeError()
}

// Version is the C library's version, "MAJOR.MINOR.PATCH".
func Version() string { return raw.Version() }

// StatusString is the C library's English name of a status code.
func StatusString(code int) string { return raw.StatusString(code) }

// ParserOptions configures NewParser. The zero value is the default.
type ParserOptions struct {
	LexiconText    string // extra lexicon lines (docs/lexicon.md)
	LexiconPath    string // a lexicon file, "" for none
	ReplaceLexicon bool   // the given lexicon replaces the built-in one
	MaxInputBytes  int64  // 0: the default (64 MiB)
}

// Script is the script of the text a parse hands out (the C API's
// bm_script). Spans and Page.Text() stay the decoded input whatever the script.
type Script int

// Values of ParseOptions.Script.
const (
	ScriptKeep        Script = 0 // as in the input (the default)
	ScriptSimplified  Script = 1 // traditional characters become simplified
	ScriptTraditional Script = 2 // simplified characters become traditional
)

// ParseOptions configures one Parse or Normalize call. nil is the default.
type ParseOptions struct {
	Encoding  string // "" or "auto": detect; else an ICU converter name ("GB18030", ...)
	Source    string // reported as "source" in the page JSON; "" for none
	Strict    bool   // invalid bytes fail with StatusEncoding instead of becoming U+FFFD
	IssueDate string // "" for none, else "YYYY-MM-DD", used when the page prints no date (Parse only)
	Script    Script // the script of the text handed out; any other value fails with StatusInvalidArgument
}

// Parser holds the loaded lexicons. It is immutable and safe for
// concurrent use by many goroutines, including Close.
type Parser struct {
	raw raw.Parser
}

// NewParser loads the lexicons; opts may be nil.
func NewParser(opts *ParserOptions) (*Parser, error) {
	var r raw.Parser
	err := call(func() {
		if opts == nil {
			r = raw.NewParser__SWIG_0()
		} else {
			r = raw.NewParser__SWIG_1(opts.LexiconText, opts.ReplaceLexicon, opts.LexiconPath, opts.MaxInputBytes)
		}
	})
	if err != nil {
		if r != nil && r.Swigcptr() != 0 {
			raw.DeleteParser(r)
		}
		return nil, err
	}
	p := &Parser{raw: r}
	runtime.SetFinalizer(p, func(p *Parser) { raw.DeleteParser(p.raw) })
	return p, nil
}

// Close frees the lexicons; later calls return an error. Parses already
// running on other goroutines finish normally (the C parser lives until they end).
func (p *Parser) Close() error {
	err := call(func() { p.raw.Close() })
	runtime.KeepAlive(p)
	return err
}

func parseArgs(opts *ParseOptions) ParseOptions {
	if opts == nil {
		return ParseOptions{}
	}
	return *opts
}

// Parse parses one page of raw bytes.
func (p *Parser) Parse(data []byte, opts *ParseOptions) (*Page, error) {
	o := parseArgs(opts)
	var r raw.Page
	err := call(func() { r = p.raw.Parse(data, o.Encoding, o.Source, o.Strict, o.IssueDate, int(o.Script)) })
	runtime.KeepAlive(p)
	if err != nil {
		if r != nil && r.Swigcptr() != 0 {
			raw.DeletePage(r)
		}
		return nil, err
	}
	pg := &Page{raw: r}
	runtime.SetFinalizer(pg, func(pg *Page) { raw.DeletePage(pg.raw) })
	return pg, nil
}

// ParseString parses one page given as a Go string of UTF-8 text.
func (p *Parser) ParseString(text string, source string) (*Page, error) {
	return p.Parse([]byte(text), &ParseOptions{Encoding: "UTF-8", Source: source})
}

// Normalize returns the normalized text of raw bytes: one paragraph per line.
func (p *Parser) Normalize(data []byte, opts *ParseOptions) (string, error) {
	o := parseArgs(opts)
	var s string
	err := call(func() { s = p.raw.Normalize(data, o.Encoding, o.Strict, int(o.Script)) })
	runtime.KeepAlive(p)
	if err != nil {
		return "", err
	}
	return s, nil
}

// Page is one parsed page. Safe for concurrent reads; Close may run
// concurrently with them (they then return an error).
type Page struct {
	raw raw.Page
}

// Close frees the page; later calls return an error. Article values
// already read stay valid (they are plain Go values).
func (pg *Page) Close() error {
	err := call(func() { pg.raw.Close() })
	runtime.KeepAlive(pg)
	return err
}

func (pg *Page) str(f func(raw.Page) string) (string, error) {
	var s string
	err := call(func() { s = f(pg.raw) })
	runtime.KeepAlive(pg)
	if err != nil {
		return "", err
	}
	return s, nil
}

// JSON is the page JSON of docs/page-json.md (pretty: indented).
func (pg *Page) JSON(pretty bool) (string, error) {
	return pg.str(func(r raw.Page) string { return r.ToJson(pretty) })
}

// Text is the decoded input text the article spans point into.
func (pg *Page) Text() (string, error) { return pg.str(raw.Page.Text) }

// Encoding is the encoding the input was decoded from ("UTF-8", "GB18030", ...).
func (pg *Page) Encoding() (string, error) { return pg.str(raw.Page.Encoding) }

// Source is the ParseOptions.Source given, or "".
func (pg *Page) Source() (string, error) { return pg.str(raw.Page.Source) }

// Edition is the edition the page names ("平湖版"), or "".
func (pg *Page) Edition() (string, error) { return pg.str(raw.Page.Edition) }

// Paper is the paper's name when the masthead names it ("人民日报"), or "".
func (pg *Page) Paper() (string, error) { return pg.str(raw.Page.Paper) }

// IssueDate is the issue date, "YYYY-MM-DD": printed on the page, else
// ParseOptions.IssueDate; or "".
func (pg *Page) IssueDate() (string, error) { return pg.str(raw.Page.IssueDate) }

// PageNumber is the page number as printed without 第/版 ("4", "A04"), or "".
func (pg *Page) PageNumber() (string, error) { return pg.str(raw.Page.PageNumber) }

// Section is the section name printed at the top of the page ("要闻"), or "".
func (pg *Page) Section() (string, error) { return pg.str(raw.Page.Section) }

// Mastheads are the masthead lines (paper name, app names, ...).
func (pg *Page) Mastheads() ([]string, error) {
	var out []string
	err := locked(func(ck func() bool) {
		n := pg.raw.MastheadCount()
		if !ck() {
			return
		}
		out = make([]string, 0, n)
		for i := 0; i < n; i++ {
			s := pg.raw.Masthead(i)
			if !ck() {
				return
			}
			out = append(out, s)
		}
	})
	runtime.KeepAlive(pg)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Byline is a credited person: Role ("reporter", "correspondent",
// "photographer", "editor", "intern", "author") and Name.
type Byline struct {
	Role string
	Name string
}

// Span is [Start, End), byte offsets in Page.Text().
type Span struct {
	Start, End int64
}

// DatelineInfo is the parts of a dateline ("本报北京1月7日电").
type DatelineInfo struct {
	Source string // "本报", "新华社", ...; "" when not printed
	Place  string // "北京"; "" when not printed
	Month  int    // 1-12 as printed, 0 when not printed
	Day    int    // 1-31 as printed, 0 when not printed
	Date   string // "YYYY-MM-DD", the day resolved against the issue date; "" when it cannot be
}

// DateRef is an expression naming one day ("昨天", "1月7日") in the headline
// parts or paragraphs.
type DateRef struct {
	Text string
	Date string // "YYYY-MM-DD"; "" when it cannot be resolved
	Span *Span  // in Page.Text(); nil when the source could not be matched
}

// Spans are where an article's fields came from, in Page.Text() (a
// paragraph joined from several lines covers all of them; a byline covers
// its name as printed). Each list has one entry per field of the Article.
type Spans struct {
	Headline   []Span // {-1, -1} for a part whose span is unknown (not expected)
	Dateline   *Span  // nil when the article has no dateline
	Bylines    []Span
	Paragraphs []Span
}

// Article is one article of a page, copied out of the page.
type Article struct {
	Kind       string   // "news", "photo", "ad", "weather", "other"
	Headline   []string // headline parts in reading order
	Kicker     string   // "" when none (also Title, Subtitle, Dateline, EditorNote)
	Title      string
	Subtitle   string
	Dateline   string
	EditorNote string
	Bylines    []Byline
	Paragraphs []string
	Flags      []string // JSON names: "truncated", "text_missing", ...
	Start, End int64    // [Start, End) byte offsets in Page.Text()
	Confidence float64  // how sure the parser is, in [0, 1]; negative when it did not compute one

	DatelineInfo *DatelineInfo // nil when the article has no dateline whose parts the parser read
	Dates        []DateRef     // expressions naming one day, in order
	Spans        *Spans        // nil when the parser did not compute the field spans
}

// locked runs f on one OS thread; f calls ck() after each raw call, which
// reports false (and keeps the error) once a call has failed.
func locked(f func(ck func() bool)) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var err error
	f(func() bool {
		if err == nil {
			err = raw.TakeError()
		}
		return err == nil
	})
	return err
}

func stringList(ck func() bool, n int, get func(int) string) ([]string, bool) {
	if !ck() {
		return nil, false
	}
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		s := get(i)
		if !ck() {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func readArticle(a raw.Article, ck func() bool) (Article, bool) {
	var o Article
	var ok bool
	o.Kind = a.KindName()
	if !ck() {
		return o, false
	}
	if o.Headline, ok = stringList(ck, a.HeadlineCount(), a.Headline); !ok {
		return o, false
	}
	for _, f := range []struct {
		dst *string
		get func() string
	}{{&o.Kicker, a.Kicker}, {&o.Title, a.Title}, {&o.Subtitle, a.Subtitle},
		{&o.Dateline, a.Dateline}, {&o.EditorNote, a.EditorNote}} {
		*f.dst = f.get()
		if !ck() {
			return o, false
		}
	}
	n := a.BylineCount()
	if !ck() {
		return o, false
	}
	o.Bylines = make([]Byline, 0, n)
	for i := 0; i < n; i++ {
		role := a.BylineRole(i)
		if !ck() {
			return o, false
		}
		name := a.BylineName(i)
		if !ck() {
			return o, false
		}
		o.Bylines = append(o.Bylines, Byline{Role: role, Name: name})
	}
	if o.Paragraphs, ok = stringList(ck, a.ParagraphCount(), a.Paragraph); !ok {
		return o, false
	}
	if o.Flags, ok = stringList(ck, a.FlagCount(), a.FlagName); !ok {
		return o, false
	}
	o.Start = a.SpanStart()
	if !ck() {
		return o, false
	}
	o.End = a.SpanEnd()
	if !ck() {
		return o, false
	}
	o.Confidence = a.Confidence()
	if !ck() {
		return o, false
	}
	if !readDates(a, ck, &o) || !readSpans(a, ck, &o) {
		return o, false
	}
	return o, true
}

// Each raw call clears the error the one before it left: ck() follows every call.

func readDates(a raw.Article, ck func() bool, o *Article) bool {
	has := a.HasDatelineInfo()
	if !ck() {
		return false
	}
	if has {
		d := &DatelineInfo{}
		for _, f := range []func(){
			func() { d.Source = a.DatelineSource() }, func() { d.Place = a.DatelinePlace() },
			func() { d.Month = a.DatelineMonth() }, func() { d.Day = a.DatelineDay() },
			func() { d.Date = a.DatelineDate() },
		} {
			if f(); !ck() {
				return false
			}
		}
		o.DatelineInfo = d
	}
	n := a.DateCount()
	if !ck() {
		return false
	}
	o.Dates = make([]DateRef, 0, n)
	for i := 0; i < n; i++ {
		var d DateRef
		var s, e int64
		for _, f := range []func(){
			func() { d.Text = a.DateText(i) }, func() { d.Date = a.DateValue(i) },
			func() { s = a.DateSpanStart(i) }, func() { e = a.DateSpanEnd(i) },
		} {
			if f(); !ck() {
				return false
			}
		}
		if s >= 0 && e >= 0 {
			d.Span = &Span{Start: s, End: e}
		}
		o.Dates = append(o.Dates, d)
	}
	return true
}

// span reads one span (-1 from the raw layer when unknown); ok is false on an error.
func span(ck func() bool, start, end func() int64) (sp *Span, ok bool) {
	s := start()
	if !ck() {
		return nil, false
	}
	e := end()
	if !ck() {
		return nil, false
	}
	if s < 0 || e < 0 {
		return nil, true
	}
	return &Span{Start: s, End: e}, true
}

func spanList(ck func() bool, n int, start, end func(int) int64) ([]Span, bool) {
	out := make([]Span, 0, n)
	for i := 0; i < n; i++ {
		sp, ok := span(ck, func() int64 { return start(i) }, func() int64 { return end(i) })
		if !ok {
			return nil, false
		}
		if sp == nil { // not expected when the article has spans
			sp = &Span{Start: -1, End: -1}
		}
		out = append(out, *sp)
	}
	return out, true
}

func readSpans(a raw.Article, ck func() bool, o *Article) bool {
	has := a.HasSpans()
	if !ck() {
		return false
	}
	if !has {
		return true
	}
	sp := &Spans{}
	var ok bool
	if sp.Headline, ok = spanList(ck, len(o.Headline), a.HeadlineSpanStart, a.HeadlineSpanEnd); !ok {
		return false
	}
	if sp.Dateline, ok = span(ck, a.DatelineSpanStart, a.DatelineSpanEnd); !ok {
		return false
	}
	if sp.Bylines, ok = spanList(ck, len(o.Bylines), a.BylineSpanStart, a.BylineSpanEnd); !ok {
		return false
	}
	if sp.Paragraphs, ok = spanList(ck, len(o.Paragraphs), a.ParagraphSpanStart, a.ParagraphSpanEnd); !ok {
		return false
	}
	o.Spans = sp
	return true
}

// Articles copies every article out of the page, in page order.
func (pg *Page) Articles() ([]Article, error) {
	var out []Article
	err := locked(func(ck func() bool) {
		n := pg.raw.ArticleCount()
		if !ck() {
			return
		}
		out = make([]Article, 0, n)
		for i := 0; i < n; i++ {
			a := pg.raw.Article(i)
			if !ck() {
				return
			}
			art, ok := readArticle(a, ck)
			raw.DeleteArticle(a)
			if !ok {
				return
			}
			out = append(out, art)
		}
	})
	runtime.KeepAlive(pg)
	if err != nil {
		return nil, err
	}
	return out, nil
}
