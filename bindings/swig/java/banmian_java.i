/*
 * Java part of banmian.i: package org.banmian.
 *
 * Strings cross as byte[] holding real UTF-8 and are converted on the Java
 * side with StandardCharsets.UTF_8. JNI's NewStringUTF/GetStringUTFChars use
 * "modified UTF-8", which encodes a character outside the BMP (such as U+20BB7)
 * as two 3-byte surrogates: that is not valid UTF-8 for the C library.
 */

%{
#include <string>

/* Throws org.banmian.BanmianException(code, utf8 message bytes, byte offset). */
static void bm_java_throw(JNIEnv *jenv, const bmswig::Error &e) {
  if (jenv->ExceptionCheck()) return;
  jclass cls = jenv->FindClass("org/banmian/BanmianException");
  if (!cls) return; /* NoClassDefFoundError is pending */
  jmethodID ctor = jenv->GetMethodID(cls, "<init>", "(I[BJ)V");
  if (!ctor) return;
  const std::string &m = e.message();
  jbyteArray msg = jenv->NewByteArray((jsize)m.size());
  if (!msg) return;
  if (!m.empty()) jenv->SetByteArrayRegion(msg, 0, (jsize)m.size(), (const jbyte *)m.data());
  jobject ex = jenv->NewObject(cls, ctor, (jint)e.code(), msg, (jlong)e.byteOffset());
  if (ex) jenv->Throw((jthrowable)ex);
  jenv->DeleteLocalRef(msg);
  jenv->DeleteLocalRef(cls);
}

static jbyteArray bm_java_bytes(JNIEnv *jenv, const std::string &s) {
  jbyteArray a = jenv->NewByteArray((jsize)s.size());
  if (a && !s.empty()) jenv->SetByteArrayRegion(a, 0, (jsize)s.size(), (const jbyte *)s.data());
  return a;
}

/* A Java byte[] copied into a std::string (null becomes ""). */
static bool bm_java_copy(JNIEnv *jenv, jbyteArray a, std::string &out) {
  out.clear();
  if (!a) return true;
  jsize n = jenv->GetArrayLength(a);
  out.resize((size_t)n);
  if (n) jenv->GetByteArrayRegion(a, 0, n, (jbyte *)&out[0]);
  return !jenv->ExceptionCheck();
}
%}

/* The one place C++ errors become Java exceptions. */
%exception {
  try {
    $action
  } catch (const bmswig::Error &e) {
    bm_java_throw(jenv, e);
    return $null;
  } catch (const std::bad_alloc &) {
    bm_java_throw(jenv, bmswig::Error(BM_E_NOMEM, "banmian: out of memory", -1));
    return $null;
  } catch (const std::exception &e) {
    bm_java_throw(jenv, bmswig::Error(BM_E_INTERNAL, e.what(), -1));
    return $null;
  }
}

/* A proxy used after delete(): throw instead of dereferencing NULL. */
%typemap(check) SWIGTYPE *self %{
  if (!$1) {
    bm_java_throw(jenv, bmswig::Error(BM_E_INVALID_ARGUMENT, "banmian: the object was deleted", -1));
    return $null;
  }
%}

/* std::string in: a Java String encoded to UTF-8 on the Java side. */
%typemap(jni) std::string, const std::string & "jbyteArray"
%typemap(jtype) std::string, const std::string & "byte[]"
%typemap(jstype) std::string, const std::string & "String"
%typemap(javain) std::string, const std::string &
  "($javainput == null ? null : $javainput.getBytes(java.nio.charset.StandardCharsets.UTF_8))"
%typemap(in) std::string %{
  if (!bm_java_copy(jenv, $input, $1)) return $null;
%}
%typemap(in) const std::string & (std::string temp) %{
  if (!bm_java_copy(jenv, $input, temp)) return $null;
  $1 = &temp;
%}

/* std::string out: UTF-8 bytes decoded on the Java side. */
%typemap(out) std::string %{
  $result = bm_java_bytes(jenv, $1);
%}
%typemap(javaout) std::string {
    return new String($jnicall, java.nio.charset.StandardCharsets.UTF_8);
  }

/* OptString out: String, or null when the C API returned NULL. */
%typemap(jni) bmswig::OptString "jbyteArray"
%typemap(jtype) bmswig::OptString "byte[]"
%typemap(jstype) bmswig::OptString "String"
%typemap(out) bmswig::OptString %{
  $result = $1.present ? bm_java_bytes(jenv, $1.value) : (jbyteArray)0;
%}
%typemap(javaout) bmswig::OptString {
    byte[] b = $jnicall;
    return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

/* Raw input bytes: byte[] copied into a std::string (the copy is freed by
 * RAII even when the call throws, unlike SWIG's pinned-array typemap). */
%typemap(jni) (const char *data, size_t len) "jbyteArray"
%typemap(jtype) (const char *data, size_t len) "byte[]"
%typemap(jstype) (const char *data, size_t len) "byte[]"
%typemap(javain) (const char *data, size_t len) "$javainput"
%typemap(in) (const char *data, size_t len) (std::string bytes) %{
  if (!$input) {
    SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException, "banmian: data is null");
    return $null;
  }
  if (!bm_java_copy(jenv, $input, bytes)) return $null;
  $1 = ($1_ltype)bytes.data();
  $2 = ($2_ltype)bytes.size();
%}

/* Load the JNI library: -Dbanmian.jni.library=/path/libbanmian_jni.so, else
 * System.loadLibrary("banmian_jni") through java.library.path. */
%pragma(java) jniclasscode=%{
  static {
    String path = System.getProperty("banmian.jni.library");
    if (path != null && !path.isEmpty()) {
      System.load(path);
    } else {
      System.loadLibrary("banmian_jni");
    }
  }
%}

%pragma(java) moduleclassmodifiers="public final class"
%pragma(java) modulecode=%{
  private Banmian() {}
%}

%typemap(javainterfaces) bmswig::Parser "AutoCloseable"
%typemap(javainterfaces) bmswig::Page "AutoCloseable"

%javamethodmodifiers bmswig::Parser::parse "private";
%javamethodmodifiers bmswig::Parser::normalize "private";
%rename(parseBytes) bmswig::Parser::parse;
%rename(normalizeBytes) bmswig::Parser::normalize;

%typemap(javaimports) bmswig::Parser %{
import java.nio.charset.StandardCharsets;
%}
%typemap(javacode) bmswig::Parser %{
  /** Parses raw bytes (encoding detected: BOM, UTF-8, then GB18030/Big5/UTF-16). */
  public Page parse(byte[] data) {
    return parseBytes(data, "", "", false, "", Script.KEEP.value());
  }

  /**
   * Parses raw bytes. encoding: null or "auto" to detect, else an ICU converter
   * name ("GB18030", "Big5", "UTF-16LE", ...); source: null, or the name reported
   * as "source" in the JSON; strict: invalid bytes throw instead of becoming U+FFFD.
   */
  public Page parse(byte[] data, String encoding, String source, boolean strict) {
    return parseBytes(data, encoding, source, strict, "", Script.KEEP.value());
  }

  /** Parses raw bytes with the given options (null: the defaults). */
  public Page parse(byte[] data, ParseOptions options) {
    ParseOptions o = options == null ? new ParseOptions() : options;
    return parseBytes(data, o.encoding(), o.source(), o.strict(), o.issueDate(), o.script().value());
  }

  /** Parses a page already in a Java String (sent as UTF-8) with the given options; their
   *  encoding is ignored. */
  public Page parse(String text, ParseOptions options) {
    ParseOptions o = options == null ? new ParseOptions() : options;
    return parseBytes(text.getBytes(StandardCharsets.UTF_8), "UTF-8", o.source(), o.strict(), o.issueDate(),
                      o.script().value());
  }

  /** Parses a page already in a Java String (sent as UTF-8). */
  public Page parse(String text) {
    return parseBytes(text.getBytes(StandardCharsets.UTF_8), "UTF-8", "", false, "", Script.KEEP.value());
  }

  /** Parses a page already in a Java String (sent as UTF-8), naming its source. */
  public Page parse(String text, String source) {
    return parseBytes(text.getBytes(StandardCharsets.UTF_8), "UTF-8", source, false, "", Script.KEEP.value());
  }

  /** The normalized text of raw bytes: one paragraph per line. */
  public String normalize(byte[] data) {
    return normalizeBytes(data, "", false, Script.KEEP.value());
  }

  public String normalize(byte[] data, String encoding, boolean strict) {
    return normalizeBytes(data, encoding, strict, Script.KEEP.value());
  }

  /** The normalized text of raw bytes with the given options (encoding, strict, script). */
  public String normalize(byte[] data, ParseOptions options) {
    ParseOptions o = options == null ? new ParseOptions() : options;
    return normalizeBytes(data, o.encoding(), o.strict(), o.script().value());
  }

  /** The normalized text of a Java String: one paragraph per line. */
  public String normalize(String text) {
    return normalizeBytes(text.getBytes(StandardCharsets.UTF_8), "UTF-8", false, Script.KEEP.value());
  }
%}

%typemap(javaimports) bmswig::Page %{
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
%}
%typemap(javacode) bmswig::Page %{
  /** The page JSON on one line (docs/page-json.md). */
  public String toJson() {
    return toJson(false);
  }

  /** Views of all articles, in page order (valid while the page is open). */
  public List<Article> articles() {
    int n = articleCount();
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(article(i));
    return Collections.unmodifiableList(out);
  }

  public List<String> mastheads() {
    int n = mastheadCount();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(masthead(i));
    return Collections.unmodifiableList(out);
  }
%}

%typemap(javaimports) bmswig::Article %{
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
%}
%typemap(javacode) bmswig::Article %{
  /** Headline parts in reading order. */
  public List<String> headlines() {
    int n = headlineCount();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(headline(i));
    return Collections.unmodifiableList(out);
  }

  /** Credited people in source order. */
  public List<Byline> bylines() {
    int n = bylineCount();
    List<Byline> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(new Byline(bylineRole(i), bylineName(i)));
    return Collections.unmodifiableList(out);
  }

  /** Body paragraphs. */
  public List<String> paragraphs() {
    int n = paragraphCount();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(paragraph(i));
    return Collections.unmodifiableList(out);
  }

  /** The flags as their JSON names ("truncated", ...). */
  public List<String> flagNames() {
    int n = flagCount();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(flagName(i));
    return Collections.unmodifiableList(out);
  }

  /** The dateline's parts, or null when the article has no dateline the parser read. */
  public DatelineInfo datelineInfo() {
    if (!hasDatelineInfo()) return null;
    return new DatelineInfo(datelineSource(), datelinePlace(), datelineMonth(), datelineDay(), datelineDate());
  }

  /** Expressions naming one day, in order (headline parts, then paragraphs). */
  public List<DateRef> dates() {
    int n = dateCount();
    List<DateRef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(new DateRef(dateText(i), dateValue(i), Span.of(dateSpanStart(i), dateSpanEnd(i))));
    return Collections.unmodifiableList(out);
  }

  /** The article's [start, end) in Page.text(). */
  public Span span() {
    return new Span(spanStart(), spanEnd());
  }

  /** Span of headline part i, or null when unknown (no spans: see hasSpans()). */
  public Span headlineSpan(int i) {
    return Span.of(headlineSpanStart(i), headlineSpanEnd(i));
  }

  /** Span of the dateline, or null (no dateline, or no spans). */
  public Span datelineSpan() {
    return Span.of(datelineSpanStart(), datelineSpanEnd());
  }

  /** Span of byline i's name as printed, or null when unknown. */
  public Span bylineSpan(int i) {
    return Span.of(bylineSpanStart(i), bylineSpanEnd(i));
  }

  /** Span of paragraph i, or null when unknown. */
  public Span paragraphSpan(int i) {
    return Span.of(paragraphSpanStart(i), paragraphSpanEnd(i));
  }

  /** Spans of the headline parts, in order (entries null when unknown). */
  public List<Span> headlineSpans() {
    int n = headlineCount();
    List<Span> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(headlineSpan(i));
    return Collections.unmodifiableList(out);
  }

  /** Spans of the byline names, in order (entries null when unknown). */
  public List<Span> bylineSpans() {
    int n = bylineCount();
    List<Span> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(bylineSpan(i));
    return Collections.unmodifiableList(out);
  }

  /** Spans of the paragraphs, in order (entries null when unknown). */
  public List<Span> paragraphSpans() {
    int n = paragraphCount();
    List<Span> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(paragraphSpan(i));
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    String t = title();
    return "Article[" + kindName() + (t == null ? "" : ": " + t) + "]";
  }
%}
