// The Go binding against the real library and the real CLI. Expected values
// are never written here: they come from `banmian parse FILE` run at test
// time (BANMIAN_CLI, BANMIAN_PAGE, set by ctest).
package banmian_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"banmian"
)

const yoshi = "\U00020BB7" // 𠮷, outside the BMP

type cliByline struct {
	Role string `json:"role"`
	Name string `json:"name"`
}

type cliArticle struct {
	Kind       string      `json:"kind"`
	Headline   []string    `json:"headline"`
	Kicker     *string     `json:"kicker"`
	Title      *string     `json:"title"`
	Subtitle   *string     `json:"subtitle"`
	Dateline   *string     `json:"dateline"`
	EditorNote *string     `json:"editor_note"`
	Bylines    []cliByline `json:"bylines"`
	Paragraphs []string    `json:"paragraphs"`
	Flags      []string    `json:"flags"`
	Span       [2]int64    `json:"span"`
	Confidence *float64    `json:"confidence"` // optional

	DatelineInfo *struct {
		Source *string `json:"source"`
		Place  *string `json:"place"`
		Month  *int    `json:"month"`
		Day    *int    `json:"day"`
		Date   *string `json:"date"`
	} `json:"dateline_info"`
	Dates []struct {
		Text string    `json:"text"`
		Span *[2]int64 `json:"span"`
		Date *string   `json:"date"`
	} `json:"dates"`
	Spans *struct {
		Headline   [][2]int64 `json:"headline"`
		Dateline   *[2]int64  `json:"dateline"`
		Bylines    [][2]int64 `json:"bylines"`
		Paragraphs [][2]int64 `json:"paragraphs"`
	} `json:"spans"` // optional
}

type cliPage struct {
	Source       *string      `json:"source"`
	Encoding     string       `json:"encoding"`
	Replacements int          `json:"replacements"`
	Edition      *string      `json:"edition"`
	Masthead     []string     `json:"masthead"`
	Paper        *string      `json:"paper"`
	IssueDate    *string      `json:"issue_date"`
	PageNumber   *string      `json:"page_number"`
	Section      *string      `json:"section"`
	Articles     []cliArticle `json:"articles"`
}

var (
	pagePath string
	cliJSON  string
	parser   *banmian.Parser
)

func TestMain(m *testing.M) {
	pagePath = os.Getenv("BANMIAN_PAGE")
	cli := os.Getenv("BANMIAN_CLI")
	if pagePath == "" || cli == "" {
		os.Stderr.WriteString("BANMIAN_PAGE and BANMIAN_CLI must name the golden page and the banmian CLI\n")
		os.Exit(1)
	}
	out, err := exec.Command(cli, "parse", pagePath).Output()
	if err != nil {
		os.Stderr.WriteString("banmian parse: " + err.Error() + "\n")
		os.Exit(1)
	}
	cliJSON = strings.TrimRight(string(out), "\n")
	parser, err = banmian.NewParser(nil)
	if err != nil {
		os.Stderr.WriteString("NewParser: " + err.Error() + "\n")
		os.Exit(1)
	}
	code := m.Run()
	parser.Close()
	os.Exit(code)
}

func decode(t *testing.T, s string) cliPage {
	t.Helper()
	var p cliPage
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		t.Fatalf("page JSON: %v", err)
	}
	return p
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func compareArticle(t *testing.T, i int, want cliArticle, got banmian.Article) {
	t.Helper()
	check := func(field string, w, g interface{}) {
		if !reflect.DeepEqual(w, g) {
			t.Errorf("article %d %s: want %q, got %q", i, field, w, g)
		}
	}
	check("kind", want.Kind, got.Kind)
	check("headline", nonNil(want.Headline), nonNil(got.Headline))
	check("kicker", str(want.Kicker), got.Kicker)
	check("title", str(want.Title), got.Title)
	check("subtitle", str(want.Subtitle), got.Subtitle)
	check("dateline", str(want.Dateline), got.Dateline)
	check("editor_note", str(want.EditorNote), got.EditorNote)
	wb := []banmian.Byline{}
	for _, b := range want.Bylines {
		wb = append(wb, banmian.Byline{Role: b.Role, Name: b.Name})
	}
	gb := got.Bylines
	if gb == nil {
		gb = []banmian.Byline{}
	}
	check("bylines", wb, gb)
	check("paragraphs", nonNil(want.Paragraphs), nonNil(got.Paragraphs))
	check("flags", nonNil(want.Flags), nonNil(got.Flags))
	check("span", want.Span, [2]int64{got.Start, got.End})
	// Optional: in the JSON (rounded to 3 decimals) exactly when Confidence is not negative.
	if want.Confidence == nil {
		if got.Confidence >= 0 {
			t.Errorf("article %d confidence: the JSON has none, got %v", i, got.Confidence)
		}
	} else if got.Confidence < 0 || got.Confidence > 1 || math.Abs(got.Confidence-*want.Confidence) > 0.0005+1e-9 {
		t.Errorf("article %d confidence: want %v, got %v", i, *want.Confidence, got.Confidence)
	}
	// Issue 14: dateline parts, day expressions, field spans.
	var wd *banmian.DatelineInfo
	if w := want.DatelineInfo; w != nil {
		num := func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		}
		wd = &banmian.DatelineInfo{Source: str(w.Source), Place: str(w.Place), Month: num(w.Month), Day: num(w.Day),
			Date: str(w.Date)}
	}
	check("dateline_info", wd, got.DatelineInfo)
	wdates := []banmian.DateRef{}
	for _, d := range want.Dates {
		r := banmian.DateRef{Text: d.Text, Date: str(d.Date)}
		if d.Span != nil {
			r.Span = &banmian.Span{Start: d.Span[0], End: d.Span[1]}
		}
		wdates = append(wdates, r)
	}
	gdates := got.Dates
	if gdates == nil {
		gdates = []banmian.DateRef{}
	}
	check("dates", wdates, gdates)
	var ws *banmian.Spans
	if w := want.Spans; w != nil {
		list := func(l [][2]int64) []banmian.Span {
			out := []banmian.Span{}
			for _, p := range l {
				out = append(out, banmian.Span{Start: p[0], End: p[1]})
			}
			return out
		}
		ws = &banmian.Spans{Headline: list(w.Headline), Bylines: list(w.Bylines), Paragraphs: list(w.Paragraphs)}
		if w.Dateline != nil {
			ws.Dateline = &banmian.Span{Start: w.Dateline[0], End: w.Dateline[1]}
		}
	}
	gs := got.Spans
	if gs != nil {
		c := *gs
		for _, l := range []*[]banmian.Span{&c.Headline, &c.Bylines, &c.Paragraphs} {
			if *l == nil {
				*l = []banmian.Span{}
			}
		}
		gs = &c
	}
	check("spans", ws, gs)
}

func readPage(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(pagePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGoldenPageMatchesCLI(t *testing.T) {
	want := decode(t, cliJSON)
	// The page must have what this test is about, or the comparisons prove nothing.
	titles, bylines, paragraphs := 0, 0, 0
	for _, a := range want.Articles {
		if a.Title != nil {
			titles++
		}
		bylines += len(a.Bylines)
		paragraphs += len(a.Paragraphs)
	}
	if titles == 0 || bylines == 0 || paragraphs == 0 {
		t.Fatalf("the CLI found %d titles, %d bylines, %d paragraphs: nothing to compare", titles, bylines, paragraphs)
	}

	page, err := parser.Parse(readPage(t), &banmian.ParseOptions{Source: pagePath})
	if err != nil {
		t.Fatal(err)
	}
	defer page.Close()
	// The library's own JSON, through the binding, is the CLI's byte for byte.
	got, err := page.JSON(false)
	if err != nil || got != cliJSON {
		t.Fatalf("JSON differs from the CLI's (err %v)\nCLI:  %.300s\nGo:   %.300s", err, cliJSON, got)
	}
	pretty, err := page.JSON(true)
	if err != nil || !reflect.DeepEqual(decode(t, pretty), want) {
		t.Errorf("pretty JSON differs from the CLI's (err %v)", err)
	}
	if enc, err := page.Encoding(); err != nil || enc != want.Encoding {
		t.Errorf("encoding %q %v, want %q", enc, err, want.Encoding)
	}
	if src, err := page.Source(); err != nil || src != str(want.Source) {
		t.Errorf("source %q %v", src, err)
	}
	if ed, err := page.Edition(); err != nil || ed != str(want.Edition) {
		t.Errorf("edition %q %v", ed, err)
	}
	if m, err := page.Mastheads(); err != nil || !reflect.DeepEqual(nonNil(m), nonNil(want.Masthead)) {
		t.Errorf("mastheads %q %v, want %q", m, err, want.Masthead)
	}
	for _, c := range []struct {
		name string
		get  func() (string, error)
		want *string
	}{{"paper", page.Paper, want.Paper}, {"issue_date", page.IssueDate, want.IssueDate},
		{"page_number", page.PageNumber, want.PageNumber}, {"section", page.Section, want.Section}} {
		if v, err := c.get(); err != nil || v != str(c.want) {
			t.Errorf("%s %q %v, want %q", c.name, v, err, str(c.want))
		}
	}
	// The accessors agree with the JSON article by article.
	arts, err := page.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(want.Articles) {
		t.Fatalf("%d articles, the CLI has %d", len(arts), len(want.Articles))
	}
	text, err := page.Text()
	if err != nil {
		t.Fatal(err)
	}
	for i := range arts {
		compareArticle(t, i, want.Articles[i], arts[i])
		if arts[i].Start < 0 || arts[i].Start > arts[i].End || arts[i].End > int64(len(text)) {
			t.Errorf("article %d span [%d,%d) outside the text (%d bytes)", i, arts[i].Start, arts[i].End, len(text))
		}
	}
}

// 𠮷 crosses cgo as its 4 UTF-8 bytes both ways.
func TestSupplementaryCharactersRoundTrip(t *testing.T) {
	want := decode(t, cliJSON)
	var art *cliArticle
	for i := range want.Articles {
		a := &want.Articles[i]
		if a.Title != nil && len(a.Headline) == 1 && len(a.Paragraphs) > 0 {
			art = a
			break
		}
	}
	if art == nil {
		t.Fatal("the golden page has no one-line headline with paragraphs")
	}
	text := string(readPage(t))
	title := *art.Title
	_, n := utf8.DecodeRuneInString(title)
	newTitle := yoshi + title[n:]
	head := art.Paragraphs[0]
	for i, k := 0, 0; i < len(head); k++ {
		if k == 4 {
			head = head[:i]
			break
		}
		_, w := utf8.DecodeRuneInString(head[i:])
		i += w
	}
	_, n = utf8.DecodeRuneInString(head)
	newHead := yoshi + head[n:]
	if !strings.Contains(text, title) || !strings.Contains(text, head) {
		t.Fatal("title or paragraph not found in the page text")
	}
	edited := strings.ReplaceAll(strings.ReplaceAll(text, title, newTitle), head, newHead)

	page, err := parser.ParseString(edited, yoshi+"野家.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer page.Close()
	if src, _ := page.Source(); src != yoshi+"野家.txt" {
		t.Errorf("source %q", src)
	}
	if got, _ := page.Text(); got != strings.ReplaceAll(edited, "\r\n", "\n") {
		t.Errorf("page text differs from the input")
	}
	arts, err := page.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var found *banmian.Article
	for i := range arts {
		if arts[i].Title == newTitle {
			found = &arts[i]
		}
	}
	if found == nil {
		t.Fatalf("no article titled %q", newTitle)
	}
	if !strings.HasPrefix(found.Title, "\xF0\xA0\xAE\xB7") {
		t.Errorf("title %q does not start with the UTF-8 bytes of U+20BB7", found.Title)
	}
	if len(found.Paragraphs) == 0 || !strings.HasPrefix(found.Paragraphs[0], newHead) {
		t.Errorf("first paragraph does not start with %q", newHead)
	}
	for _, f := range found.Flags {
		if f == "invalid_text" {
			t.Error("flagged invalid_text")
		}
	}
	if js, _ := page.JSON(false); !strings.Contains(js, newTitle) {
		t.Error("JSON lacks the new title")
	}
	norm, err := parser.Normalize([]byte(yoshi+"野家\n"), nil)
	if err != nil || !strings.HasPrefix(norm, yoshi+"野家") {
		t.Errorf("normalize: %q %v", norm, err)
	}
	_, err = parser.Parse([]byte("x"), &banmian.ParseOptions{Encoding: "X" + yoshi})
	var e *banmian.Error
	if !errors.As(err, &e) || e.Code != banmian.StatusUnknownEncoding || !strings.Contains(e.Message, "X"+yoshi) {
		t.Errorf("unknown encoding: %#v", err)
	}
}

func TestErrors(t *testing.T) {
	bad := []byte{'a', 'b', 0xFF, 'c', '\n'}
	_, err := parser.Parse(bad, &banmian.ParseOptions{Encoding: "UTF-8", Strict: true})
	var e *banmian.Error
	if !errors.As(err, &e) || e.Code != banmian.StatusEncoding || e.ByteOffset != 2 || e.Message == "" {
		t.Errorf("strict decoding: %#v", err)
	}
	if s := banmian.StatusString(banmian.StatusEncoding); s == "" || s == "unknown status" {
		t.Errorf("StatusString: %q", s)
	}
	page, err := parser.Parse(bad, &banmian.ParseOptions{Encoding: "UTF-8"})
	if err != nil {
		t.Fatal(err)
	}
	page.Close()
	if _, err := banmian.NewParser(&banmian.ParserOptions{LexiconText: "this line is before any section\n"}); !errors.As(err, &e) || e.Code != banmian.StatusLexicon {
		t.Errorf("bad lexicon: %#v", err)
	}
	if _, err := banmian.NewParser(&banmian.ParserOptions{LexiconPath: "/nonexistent/banmian.lex"}); !errors.As(err, &e) || (e.Code != banmian.StatusIO && e.Code != banmian.StatusLexicon) {
		t.Errorf("missing lexicon file: %#v", err)
	}
	small, err := banmian.NewParser(&banmian.ParserOptions{MaxInputBytes: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()
	if _, err := small.Parse(make([]byte, 17), nil); !errors.As(err, &e) || e.Code != banmian.StatusTooLarge {
		t.Errorf("too large: %#v", err)
	}
	if _, err := small.Parse(nil, nil); err != nil {
		t.Errorf("empty input: %v", err)
	}
}

func TestClosedObjects(t *testing.T) {
	data := readPage(t)
	p, err := banmian.NewParser(nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.Parse(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	var e *banmian.Error
	if _, err := p.Parse(data, nil); !errors.As(err, &e) || e.Code != banmian.StatusInvalidArgument {
		t.Errorf("parse on a closed parser: %#v", err)
	}
	// The page outlives its parser; its articles outlive the page.
	arts, err := page.Articles()
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles after the parser closed: %d %v", len(arts), err)
	}
	page.Close()
	page.Close()
	if _, err := page.Articles(); !errors.As(err, &e) || e.Code != banmian.StatusInvalidArgument {
		t.Errorf("articles of a closed page: %#v", err)
	}
	if _, err := page.JSON(false); err == nil {
		t.Error("JSON of a closed page")
	}
	if _, err := page.Mastheads(); err == nil {
		t.Error("mastheads of a closed page")
	}
	if arts[0].Kind == "" {
		t.Error("copied article lost its kind")
	}
}

func TestOneParserSharedByGoroutines(t *testing.T) {
	data := readPage(t)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			page, err := parser.Parse(data, &banmian.ParseOptions{Source: pagePath})
			if err != nil {
				errs <- err.Error()
				return
			}
			defer page.Close()
			if js, err := page.JSON(false); err != nil || js != cliJSON {
				errs <- "JSON differs from the CLI's"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestVersion(t *testing.T) {
	v := banmian.Version()
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Fatalf("version %q", v)
	}
	out, err := exec.Command(os.Getenv("BANMIAN_CLI"), "--version").Output()
	if err != nil || !bytes.Contains(out, []byte(v)) {
		t.Errorf("CLI --version %q does not name %s (%v)", out, v, err)
	}
}

// Issue 14: page metadata, dateline parts, day expressions, field spans and
// the IssueDate and Script options. Small pages written here, checked
// against the C API's documented behaviour.
const datedPage = "人民日报\n\n2025年1月8日 星期三\n\n第4版 要闻\n\n" +
	"本报北京1月7日电 昨天下午，全国会议在北京召开，会期为1月7日至9日。近日另有安排。\n"

// The traditional-character k_page of tests/capi: a title with 國.
const tradPage = "平湖版\n\n平湖入選第六屆 全國文明城市名單\n\n■記者 李雨婷\n\n" +
	"本報訊 昨天,中央文明辦公布名單,平湖成功入選。\n\n三年來,全市上下齊心協力。\n"

func checkSpan(t *testing.T, text string, a banmian.Article, what string, s banmian.Span) {
	t.Helper()
	if s.Start < a.Start || s.End > a.End || s.Start >= s.End || s.End > int64(len(text)) {
		t.Errorf("%s span %v outside the article span [%d, %d)", what, s, a.Start, a.End)
	}
}

func TestPageMetadataAndDates(t *testing.T) {
	page, err := parser.ParseString(datedPage, "")
	if err != nil {
		t.Fatal(err)
	}
	defer page.Close()
	for _, c := range []struct {
		name string
		get  func() (string, error)
		want string
	}{{"IssueDate", page.IssueDate, "2025-01-08"}, {"PageNumber", page.PageNumber, "4"},
		{"Section", page.Section, "要闻"}, {"Paper", page.Paper, "人民日报"}} {
		if got, err := c.get(); err != nil || got != c.want {
			t.Errorf("%s: want %q, got %q (%v)", c.name, c.want, got, err)
		}
	}
	text, err := page.Text()
	if err != nil {
		t.Fatal(err)
	}
	arts, err := page.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var a *banmian.Article
	for i := range arts {
		if arts[i].DatelineInfo != nil {
			if a != nil {
				t.Fatalf("two articles with a dateline")
			}
			a = &arts[i]
		}
	}
	if a == nil {
		t.Fatalf("no article with DatelineInfo: %+v", arts)
	}
	want := banmian.DatelineInfo{Source: "本报", Place: "北京", Month: 1, Day: 7, Date: "2025-01-07"}
	if *a.DatelineInfo != want {
		t.Errorf("DatelineInfo: want %+v, got %+v", want, *a.DatelineInfo)
	}
	k := -1
	for i, d := range a.Dates {
		if d.Text == "近日" {
			t.Errorf("近日 is not one day: %+v", a.Dates)
		}
		if d.Text == "昨天" && k < 0 {
			k = i
		}
		if d.Span != nil {
			checkSpan(t, text, *a, "date "+d.Text, *d.Span)
			if got := strings.ReplaceAll(text[d.Span.Start:d.Span.End], " ", ""); got != d.Text {
				t.Errorf("date span text %q, want %q", got, d.Text)
			}
		}
	}
	if k < 0 || k+3 > len(a.Dates) {
		t.Fatalf("昨天 and the two days after it not found: %+v", a.Dates)
	}
	var got []string
	for _, d := range a.Dates[k : k+3] {
		got = append(got, d.Date)
	}
	if !reflect.DeepEqual(got, []string{"2025-01-07", "2025-01-07", "2025-01-09"}) {
		t.Errorf("dates: %v (%+v)", got, a.Dates)
	}
	// Field spans: inside the article, the dateline's as printed.
	if a.Spans == nil {
		t.Fatalf("no spans")
	}
	if a.Spans.Dateline == nil {
		t.Fatalf("no dateline span")
	}
	checkSpan(t, text, *a, "dateline", *a.Spans.Dateline)
	if got := text[a.Spans.Dateline.Start:a.Spans.Dateline.End]; got != a.Dateline || got != "本报北京1月7日电" {
		t.Errorf("dateline span text %q, dateline %q", got, a.Dateline)
	}
	if len(a.Spans.Paragraphs) != len(a.Paragraphs) || len(a.Spans.Headline) != len(a.Headline) ||
		len(a.Spans.Bylines) != len(a.Bylines) {
		t.Errorf("one span per field: %+v for %+v", a.Spans, *a)
	}
	for _, s := range a.Spans.Paragraphs {
		checkSpan(t, text, *a, "paragraph", s)
	}
	// Without a date on the page: nothing resolved, unless IssueDate gives one.
	undated := []byte("本报讯 昨天下午，会议在北京召开。\n")
	p2, err := parser.Parse(undated, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := p2.IssueDate(); err != nil || d != "" {
		t.Errorf("IssueDate of an undated page: %q (%v)", d, err)
	}
	p2.Close()
	p3, err := parser.Parse(undated, &banmian.ParseOptions{IssueDate: "2024-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	defer p3.Close()
	if d, err := p3.IssueDate(); err != nil || d != "2024-03-01" {
		t.Errorf("IssueDate option: %q (%v)", d, err)
	}
	arts3, err := p3.Articles()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range arts3 {
		for _, d := range a.Dates {
			if d.Text == "昨天" {
				found = true
				if d.Date != "2024-02-29" {
					t.Errorf("昨天 with IssueDate 2024-03-01: %q", d.Date)
				}
			}
		}
	}
	if !found {
		t.Errorf("昨天 not found: %+v", arts3)
	}
	var e *banmian.Error
	if _, err := parser.Parse(undated, &banmian.ParseOptions{IssueDate: "2025-13-40"}); !errors.As(err, &e) ||
		e.Code != banmian.StatusInvalidArgument {
		t.Errorf("bad IssueDate: %v", err)
	}
}

func TestScriptOption(t *testing.T) {
	titles := func(s banmian.Script) ([]string, []banmian.Article, string) {
		page, err := parser.Parse([]byte(tradPage), &banmian.ParseOptions{Script: s})
		if err != nil {
			t.Fatal(err)
		}
		defer page.Close()
		arts, err := page.Articles()
		if err != nil {
			t.Fatal(err)
		}
		text, _ := page.Text()
		var out []string
		for _, a := range arts {
			if a.Title != "" {
				out = append(out, a.Title)
			}
		}
		return out, arts, text
	}
	keep, karts, ktext := titles(banmian.ScriptKeep)
	simp, sarts, stext := titles(banmian.ScriptSimplified)
	if len(keep) == 0 || !strings.Contains(keep[0], "全國文明城市名單") {
		t.Fatalf("titles kept: %q", keep)
	}
	if len(simp) == 0 || !strings.Contains(simp[0], "全国文明城市名单") || strings.Contains(simp[0], "國") {
		t.Errorf("titles simplified: %q", simp)
	}
	// Text and spans stay the input.
	if ktext != stext || ktext != tradPage {
		t.Errorf("Page.Text changed with the script")
	}
	if len(karts) != len(sarts) {
		t.Fatalf("article counts %d, %d", len(karts), len(sarts))
	}
	for i := range karts {
		if karts[i].Start != sarts[i].Start || karts[i].End != sarts[i].End ||
			!reflect.DeepEqual(karts[i].Spans, sarts[i].Spans) {
			t.Errorf("article %d spans differ with the script", i)
		}
		if a := sarts[i]; a.Spans != nil {
			for j, s := range a.Spans.Headline {
				checkSpan(t, stext, a, "headline", s)
				if got := strings.ReplaceAll(stext[s.Start:s.End], " ", ""); got != strings.ReplaceAll(karts[i].Headline[j], " ", "") {
					t.Errorf("headline span text %q, headline %q", got, karts[i].Headline[j])
				}
			}
			for _, s := range a.Spans.Bylines {
				checkSpan(t, stext, a, "byline", s)
			}
		}
	}
	if n, err := parser.Normalize([]byte("國會開會。\n"), &banmian.ParseOptions{Script: banmian.ScriptSimplified}); err != nil ||
		n != "国会开会。\n" {
		t.Errorf("Normalize simplified: %q (%v)", n, err)
	}
	var e *banmian.Error
	if _, err := parser.Parse([]byte(tradPage), &banmian.ParseOptions{Script: 7}); !errors.As(err, &e) ||
		e.Code != banmian.StatusInvalidArgument {
		t.Errorf("bad Script: %v", err)
	}
}
