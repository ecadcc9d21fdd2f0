package org.banmian;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The Java binding against the real library and the real CLI. Expected values are never
 * written here: they come from `banmian parse FILE` run at test time (-Dbanmian.cli, -Dbanmian.page).
 */
public class BanmianTest {
    private static final String YOSHI = "\uD842\uDFB7"; // 𠮷 U+20BB7, outside the BMP
    private static Parser parser;
    private static Path pagePath;
    private static String cliJson;

    @BeforeClass
    public static void setUp() throws Exception {
        pagePath = Paths.get(System.getProperty("banmian.page"));
        String cli = System.getProperty("banmian.cli", "");
        assertFalse("-Dbanmian.cli must name the banmian CLI", cli.isEmpty());
        cliJson = run(cli, "parse", pagePath.toString()).trim();
        parser = new Parser();
    }

    @AfterClass
    public static void tearDown() {
        parser.close();
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertEquals("exit status of " + String.join(" ", cmd), 0, p.waitFor());
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static List<Object> articlesOf(String json) {
        return list(obj(Json.parse(json)).get("articles"));
    }

    /** Every field the binding reads through its accessors, compared to one article of the JSON. */
    private static void assertArticleEquals(String where, Map<String, Object> want, Article a) {
        assertEquals(where + " kind", want.get("kind"), a.kindName());
        assertEquals(where + " headline", want.get("headline"), a.headlines());
        assertEquals(where + " kicker", want.get("kicker"), a.kicker());
        assertEquals(where + " title", want.get("title"), a.title());
        assertEquals(where + " subtitle", want.get("subtitle"), a.subtitle());
        assertEquals(where + " dateline", want.get("dateline"), a.dateline());
        assertEquals(where + " editor_note", want.get("editor_note"), a.editorNote());
        List<Byline> bylines = new ArrayList<>();
        for (Object b : list(want.get("bylines")))
            bylines.add(new Byline((String) obj(b).get("role"), (String) obj(b).get("name")));
        assertEquals(where + " bylines", bylines, a.bylines());
        assertEquals(where + " paragraphs", want.get("paragraphs"), a.paragraphs());
        assertEquals(where + " flags", want.get("flags"), a.flagNames());
        List<Object> span = list(want.get("span"));
        assertEquals(where + " span start", ((Number) span.get(0)).longValue(), a.spanStart());
        assertEquals(where + " span end", ((Number) span.get(1)).longValue(), a.spanEnd());
        // Optional: the JSON has it (rounded to 3 decimals) exactly when the accessor is not negative.
        Object conf = want.get("confidence");
        double c = a.confidence();
        if (conf == null) {
            assertTrue(where + " confidence not computed: " + c, c < 0.0);
        } else {
            assertTrue(where + " confidence in [0, 1]: " + c, c >= 0.0 && c <= 1.0);
            assertEquals(where + " confidence", ((Number) conf).doubleValue(), c, 0.0005 + 1e-9);
        }
        // Issue 14: dateline parts, day expressions, field spans.
        Map<String, Object> di = obj(want.get("dateline_info"));
        if (di == null) {
            assertNull(where + " dateline_info", a.datelineInfo());
        } else {
            assertEquals(where + " dateline_info",
                    new DatelineInfo((String) di.get("source"), (String) di.get("place"), intOr0(di.get("month")),
                            intOr0(di.get("day")), (String) di.get("date")),
                    a.datelineInfo());
        }
        List<DateRef> dates = new ArrayList<>();
        for (Object o : list(want.get("dates"))) {
            Map<String, Object> d = obj(o);
            dates.add(new DateRef((String) d.get("text"), (String) d.get("date"), spanOf(d.get("span"))));
        }
        assertEquals(where + " dates", dates, a.dates());
        Map<String, Object> sp = obj(want.get("spans"));
        assertEquals(where + " has spans", sp != null, a.hasSpans());
        if (sp != null) {
            assertEquals(where + " headline spans", spansOf(sp.get("headline")), a.headlineSpans());
            assertEquals(where + " dateline span", spanOf(sp.get("dateline")), a.datelineSpan());
            assertEquals(where + " byline spans", spansOf(sp.get("bylines")), a.bylineSpans());
            assertEquals(where + " paragraph spans", spansOf(sp.get("paragraphs")), a.paragraphSpans());
        }
    }

    private static int intOr0(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Span spanOf(Object o) {
        if (o == null) return null;
        List<Object> l = list(o);
        return new Span(((Number) l.get(0)).longValue(), ((Number) l.get(1)).longValue());
    }

    private static List<Span> spansOf(Object o) {
        List<Span> out = new ArrayList<>();
        for (Object x : list(o)) out.add(spanOf(x));
        return out;
    }

    @Test
    public void goldenPageMatchesTheCli() throws Exception {
        List<Object> want = articlesOf(cliJson);
        // The page must have what this test is about, or the comparisons below prove nothing.
        int titles = 0, bylines = 0, paragraphs = 0;
        for (Object o : want) {
            if (obj(o).get("title") != null) titles++;
            bylines += list(obj(o).get("bylines")).size();
            paragraphs += list(obj(o).get("paragraphs")).size();
        }
        assertTrue("the CLI found titles", titles > 0);
        assertTrue("the CLI found bylines", bylines > 0);
        assertTrue("the CLI found paragraphs", paragraphs > 0);

        byte[] data = Files.readAllBytes(pagePath);
        try (Page page = parser.parse(data, null, pagePath.toString(), false)) {
            // The library's own JSON, through the binding, is the CLI's byte for byte.
            assertEquals(cliJson, page.toJson());
            assertEquals(cliJson, page.toJson(false));
            assertEquals(Json.parse(cliJson), Json.parse(page.toJson(true)));
            Map<String, Object> top = obj(Json.parse(cliJson));
            assertEquals(top.get("encoding"), page.encoding());
            assertEquals(top.get("source"), page.source());
            assertEquals(top.get("edition"), page.edition());
            assertEquals(top.get("masthead"), page.mastheads());
            assertEquals(top.get("paper"), page.paper());
            assertEquals(top.get("issue_date"), page.issueDate());
            assertEquals(top.get("page_number"), page.pageNumber());
            assertEquals(top.get("section"), page.section());
            assertEquals(((Number) top.get("replacements")).longValue(), page.replacements());
            // The accessors agree with the JSON article by article.
            assertEquals(want.size(), page.articleCount());
            List<Article> got = page.articles();
            assertEquals(want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(i, got.get(i).index());
                assertArticleEquals("article " + i, obj(want.get(i)), got.get(i));
            }
            // Spans are byte offsets into text().
            byte[] text = page.text().getBytes(StandardCharsets.UTF_8);
            for (Article a : got) {
                assertTrue(0 <= a.spanStart() && a.spanStart() <= a.spanEnd() && a.spanEnd() <= text.length);
            }
        }
    }

    @Test
    public void parsingTheSameTextAsAStringGivesTheSameArticles() throws Exception {
        String text = new String(Files.readAllBytes(pagePath), StandardCharsets.UTF_8);
        try (Page page = parser.parse(text)) {
            assertNull(page.source());
            List<Object> want = articlesOf(cliJson);
            assertEquals(want.size(), page.articleCount());
            for (int i = 0; i < want.size(); i++) assertArticleEquals("article " + i, obj(want.get(i)), page.article(i));
        }
    }

    /** 𠮷 must cross JNI as real UTF-8 (4 bytes), not as modified UTF-8 (two 3-byte surrogates). */
    @Test
    public void supplementaryCharactersRoundTrip() throws Exception {
        // A title and a paragraph of the golden page, as the CLI sees them, each given a 𠮷.
        Map<String, Object> art = null;
        for (Object o : articlesOf(cliJson)) {
            Map<String, Object> m = obj(o);
            if (m.get("title") != null && list(m.get("headline")).size() == 1 && !list(m.get("paragraphs")).isEmpty()) {
                art = m;
                break;
            }
        }
        assertNotNull("the golden page has a one-line headline with paragraphs", art);
        String title = (String) art.get("title");
        String para = (String) list(art.get("paragraphs")).get(0);
        String text = new String(Files.readAllBytes(pagePath), StandardCharsets.UTF_8);
        assertTrue(text.contains(title));
        String newTitle = YOSHI + title.substring(title.offsetByCodePoints(0, 1));
        String head = para.substring(0, para.offsetByCodePoints(0, 4));
        assertTrue("the paragraph starts a line of the page", text.contains(head));
        String newHead = YOSHI + head.substring(head.offsetByCodePoints(0, 1));
        String edited = text.replace(title, newTitle).replace(head, newHead);

        // In: String -> UTF-8 bytes; the library must see valid UTF-8 with 𠮷 as 4 bytes.
        try (Page page = parser.parse(edited, YOSHI + "野家.txt")) {
            assertEquals("UTF-8", page.encoding());
            assertEquals(0, page.replacements());
            assertEquals(YOSHI + "野家.txt", page.source());
            assertEquals(edited.replace("\r\n", "\n"), page.text());
            Article found = null;
            for (Article a : page.articles()) if (newTitle.equals(a.title())) found = a;
            assertNotNull("an article titled " + newTitle, found);
            assertEquals(0x20BB7, found.title().codePointAt(0));
            assertTrue(found.headlines().contains(newTitle));
            assertTrue("a paragraph starts with " + newHead, found.paragraphs().get(0).startsWith(newHead));
            assertFalse(found.flagNames().contains("invalid_text"));
            // Out: the JSON holds 𠮷 as the 4 UTF-8 bytes F0 A0 AE B7.
            String json = page.toJson();
            assertTrue(json.contains(newTitle));
            byte[] yoshiUtf8 = {(byte) 0xF0, (byte) 0xA0, (byte) 0xAE, (byte) 0xB7};
            assertArrayEquals(yoshiUtf8, YOSHI.getBytes(StandardCharsets.UTF_8));
            assertTrue(indexOf(found.title().getBytes(StandardCharsets.UTF_8), yoshiUtf8) == 0);
        }
        // normalize: both directions through std::string.
        String normalized = parser.normalize(YOSHI + "野家\n");
        assertTrue(normalized, normalized.startsWith(YOSHI + "野家"));
        assertEquals(normalized, parser.normalize((YOSHI + "野家\n").getBytes(StandardCharsets.UTF_8)));
        // An error message carrying the name of an unknown encoding keeps 𠮷 too.
        try {
            parser.parse("x".getBytes(StandardCharsets.UTF_8), "X" + YOSHI, null, false);
            fail("unknown encoding accepted");
        } catch (BanmianException e) {
            assertEquals(BanmianException.UNKNOWN_ENCODING, e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("X" + YOSHI));
        }
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.Assert.assertArrayEquals(a, b);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    public void errorsCarryCodeMessageAndOffset() {
        // Strict decoding: the offset is the first bad byte of the raw input.
        byte[] bad = {'a', 'b', (byte) 0xFF, 'c', '\n'};
        try {
            parser.parse(bad, "UTF-8", null, true);
            fail("invalid UTF-8 accepted in strict mode");
        } catch (BanmianException e) {
            assertEquals(BanmianException.ENCODING, e.getCode());
            assertEquals(2, e.getByteOffset());
            assertFalse(e.getMessage().isEmpty());
            assertNotEquals("unknown status", e.getStatusName());
        }
        // Not strict: U+FFFD instead.
        try (Page page = parser.parse(bad, "UTF-8", null, false)) {
            assertEquals(1, page.replacements());
        }
        try {
            new Parser("this line is before any section\n", false);
            fail("bad lexicon accepted");
        } catch (BanmianException e) {
            assertEquals(BanmianException.LEXICON, e.getCode());
        }
        try {
            new Parser("", false, "/nonexistent/banmian.lex", 0);
            fail("missing lexicon file accepted");
        } catch (BanmianException e) {
            assertTrue(e.getCode() == BanmianException.IO || e.getCode() == BanmianException.LEXICON);
        }
        try (Parser small = new Parser("", false, "", 16)) {
            small.parse(new byte[17]);
            fail("input over max_input_bytes accepted");
        } catch (BanmianException e) {
            assertEquals(BanmianException.TOO_LARGE, e.getCode());
        }
        try (Page page = parser.parse("x\n")) {
            try {
                page.article(page.articleCount());
                fail("article index out of range accepted");
            } catch (BanmianException e) {
                assertEquals(BanmianException.RANGE, e.getCode());
            }
            try {
                page.masthead(-1);
                fail("negative index accepted");
            } catch (BanmianException e) {
                assertEquals(BanmianException.RANGE, e.getCode());
            }
        }
        try {
            parser.parse((byte[]) null);
            fail("null data accepted");
        } catch (NullPointerException e) {
            // expected
        }
    }

    @Test
    public void closedObjectsThrowAndCloseTwiceIsFine() throws Exception {
        byte[] data = Files.readAllBytes(pagePath);
        Parser p = new Parser();
        Page page = p.parse(data);
        p.close();
        p.close();
        assertTrue(p.isClosed());
        try {
            p.parse(data);
            fail("parse on a closed parser");
        } catch (BanmianException e) {
            assertEquals(BanmianException.INVALID_ARGUMENT, e.getCode());
        }
        // The page outlives its parser.
        assertFalse(page.isClosed());
        assertTrue(page.articleCount() > 0);
        Article first = page.article(0);
        String kind = first.kindName();
        page.close();
        page.close();
        assertTrue(page.isClosed());
        for (Runnable r : new Runnable[] {page::toJson, page::text, page::articleCount, first::kindName,
                first::title, first::paragraphs, first::bylines}) {
            try {
                r.run();
                fail("a call on a closed page");
            } catch (BanmianException e) {
                assertEquals(BanmianException.INVALID_ARGUMENT, e.getCode());
            }
        }
        assertNotNull(kind);
        // After delete() (the native object is gone) a call throws instead of crashing.
        first.delete();
        first.delete();
        try {
            first.title();
            fail("a call on a deleted object");
        } catch (BanmianException e) {
            assertEquals(BanmianException.INVALID_ARGUMENT, e.getCode());
        }
        page.delete();
        p.delete();
    }

    @Test
    public void manyPagesCreatedAndFreed() throws Exception {
        byte[] data = Files.readAllBytes(pagePath);
        for (int i = 0; i < 200; i++) {
            try (Page page = parser.parse(data)) {
                for (Article a : page.articles()) a.paragraphs();
            }
        }
        // Pages never closed are freed by the garbage collector (finalizers).
        for (int i = 0; i < 50; i++) parser.parse(data).articles();
        System.gc();
    }

    @Test
    public void oneParserSharedByThreads() throws Exception {
        byte[] data = Files.readAllBytes(pagePath);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    try (Page page = parser.parse(data, null, pagePath.toString(), false)) {
                        return page.toJson();
                    }
                }));
            }
            for (Future<String> f : results) assertEquals(cliJson, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    public void versionMatchesTheCli() throws Exception {
        String v = Banmian.version();
        assertTrue(v, v.matches("\\d+\\.\\d+\\.\\d+"));
        String[] p = v.split("\\.");
        assertEquals(Integer.parseInt(p[0]) * 10000 + Integer.parseInt(p[1]) * 100 + Integer.parseInt(p[2]),
                Banmian.versionNumber());
        assertTrue(run(System.getProperty("banmian.cli"), "--version").contains(v));
    }

    // Issue 14: page metadata, dateline parts, day expressions, field spans and the issueDate
    // and script options, on small pages written here.
    private static final String DATED_PAGE = "人民日报\n\n2025年1月8日 星期三\n\n第4版 要闻\n\n"
            + "本报北京1月7日电 昨天下午，全国会议在北京召开，会期为1月7日至9日。近日另有安排。\n";
    /** The traditional-character k_page of tests/capi: a title with 國. */
    private static final String TRAD_PAGE = "平湖版\n\n平湖入選第六屆 全國文明城市名單\n\n■記者 李雨婷\n\n"
            + "本報訊 昨天,中央文明辦公布名單,平湖成功入選。\n\n三年來,全市上下齊心協力。\n";

    /** The UTF-8 bytes of text in [s.start, s.end), decoded. */
    private static String slice(byte[] text, Span s) {
        return new String(text, (int) s.start(), (int) (s.end() - s.start()), StandardCharsets.UTF_8);
    }

    private static void assertInside(String what, Article a, Span s, int textLen) {
        assertNotNull(what + " span", s);
        Span as = a.span();
        assertTrue(what + " " + s + " inside " + as,
                s.start() >= as.start() && s.end() <= as.end() && s.start() < s.end() && s.end() <= textLen);
    }

    @Test
    public void pageMetadataDatelineInfoAndDates() {
        try (Page page = parser.parse(DATED_PAGE)) {
            assertEquals("2025-01-08", page.issueDate());
            assertEquals("4", page.pageNumber());
            assertEquals("要闻", page.section());
            assertEquals("人民日报", page.paper());
            byte[] text = page.text().getBytes(StandardCharsets.UTF_8);
            Article a = null;
            for (Article x : page.articles()) {
                if (x.datelineInfo() != null) {
                    assertNull("one article with a dateline", a);
                    a = x;
                }
            }
            assertNotNull("an article with datelineInfo()", a);
            assertEquals(new DatelineInfo("本报", "北京", 1, 7, "2025-01-07"), a.datelineInfo());
            List<DateRef> dates = a.dates();
            List<String> texts = new ArrayList<>();
            for (DateRef d : dates) {
                texts.add(d.text());
                if (d.span() != null) {
                    assertInside("date " + d.text(), a, d.span(), text.length);
                    assertEquals(d.text(), slice(text, d.span()).replace(" ", ""));
                }
            }
            assertFalse(texts.contains("近日"));
            int k = texts.indexOf("昨天");
            assertTrue("昨天 in " + texts, k >= 0 && k + 3 <= dates.size());
            assertEquals(List.of("2025-01-07", "2025-01-07", "2025-01-09"),
                    List.of(dates.get(k).date(), dates.get(k + 1).date(), dates.get(k + 2).date()));
            // Field spans: inside the article; the dateline's is the dateline as printed.
            assertTrue(a.hasSpans());
            assertInside("dateline", a, a.datelineSpan(), text.length);
            assertEquals("本报北京1月7日电", a.dateline());
            assertEquals(a.dateline(), slice(text, a.datelineSpan()));
            assertEquals(a.paragraphCount(), a.paragraphSpans().size());
            for (Span s : a.paragraphSpans()) assertInside("paragraph", a, s, text.length);
            try {
                a.paragraphSpan(a.paragraphCount());
                fail("paragraphSpan out of range");
            } catch (BanmianException e) {
                assertEquals(BanmianException.RANGE, e.getCode());
            }
        }
        // Without a date on the page, issueDate resolves the days.
        String undated = "本报讯 昨天下午，会议在北京召开。\n";
        try (Page page = parser.parse(undated)) {
            assertNull(page.issueDate());
            assertNull(page.paper());
            for (Article a : page.articles())
                if (a.datelineInfo() != null) assertNull(a.datelineInfo().date());
        }
        try (Page page = parser.parse(undated, new ParseOptions().issueDate("2024-03-01"))) {
            assertEquals("2024-03-01", page.issueDate());
            List<String> yesterday = new ArrayList<>();
            for (Article a : page.articles())
                for (DateRef d : a.dates())
                    if (d.text().equals("昨天")) yesterday.add(d.date());
            assertEquals(List.of("2024-02-29"), yesterday);
        }
        try {
            parser.parse(undated, new ParseOptions().issueDate("2025-13-40"));
            fail("a bad issueDate must throw");
        } catch (BanmianException e) {
            assertEquals(BanmianException.INVALID_ARGUMENT, e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("issue_date"));
        }
    }

    private static List<String> titles(Page page) {
        List<String> out = new ArrayList<>();
        for (Article a : page.articles())
            if (a.title() != null) out.add(a.title());
        return out;
    }

    @Test
    public void scriptOptionAndFieldSpans() {
        byte[] data = TRAD_PAGE.getBytes(StandardCharsets.UTF_8);
        try (Page keep = parser.parse(data, new ParseOptions());
             Page simp = parser.parse(data, new ParseOptions().script(Script.SIMPLIFIED))) {
            List<String> kt = titles(keep), st = titles(simp);
            assertFalse(kt.isEmpty());
            assertTrue(kt.toString(), kt.get(0).contains("全國文明城市名單"));
            assertFalse(st.isEmpty());
            assertTrue(st.toString(), st.get(0).contains("全国文明城市名单"));
            assertFalse(st.toString(), st.get(0).contains("國"));
            // The text and the spans stay the input.
            assertEquals(TRAD_PAGE, keep.text());
            assertEquals(keep.text(), simp.text());
            List<Article> ka = keep.articles(), sa = simp.articles();
            assertEquals(ka.size(), sa.size());
            for (int i = 0; i < ka.size(); i++) {
                Article k = ka.get(i), s = sa.get(i);
                assertEquals(k.span(), s.span());
                assertEquals(k.hasSpans(), s.hasSpans());
                assertEquals(k.headlineSpans(), s.headlineSpans());
                assertEquals(k.bylineSpans(), s.bylineSpans());
                assertEquals(k.paragraphSpans(), s.paragraphSpans());
                assertEquals(k.datelineSpan(), s.datelineSpan());
                if (!k.hasSpans()) continue;
                for (int j = 0; j < k.headlineCount(); j++) {
                    assertInside("headline", k, k.headlineSpan(j), data.length);
                    assertEquals(k.headline(j).replace(" ", ""), slice(data, k.headlineSpan(j)).replace(" ", ""));
                }
                for (Span b : k.bylineSpans()) assertInside("byline", k, b, data.length);
                if (k.dateline() != null) assertEquals(k.dateline(), slice(data, k.datelineSpan()));
                else assertNull(k.datelineSpan());
            }
        }
        assertEquals("国会开会。\n", parser.normalize("國會開會。\n".getBytes(StandardCharsets.UTF_8),
                new ParseOptions().script(Script.SIMPLIFIED)));
    }
}
