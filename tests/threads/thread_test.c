/*
 * Thread test over the public C API (docs/threading.md):
 *  1. one shared bm_parser, THREADS threads x ROUNDS rounds over the dev pages;
 *  2. THREADS threads each with their own bm_parser, ROUNDS rounds;
 *  3. one shared bm_page serialised by THREADS threads at once;
 *  4. bm_last_error is per thread: a failure on one thread never shows on another.
 * Every output (page JSON, pretty JSON, normalized text) must be byte-identical
 * to the single-thread result. Pages are parsed with the script option of their
 * index (keep, simplified, traditional in turn), so the threads share the
 * parser's transliterators of both directions. Usage: bm_thread_test [ROUNDS [THREADS]]
 * (defaults 200 and 8; CI uses fewer rounds under TSan).
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banmian/banmian.h"

#define MAX_PAGES 64
#define MAX_THREADS 64

typedef struct {
  char *name;
  char *bytes;
  size_t len;
  char *json;   /* single-thread reference */
  size_t json_len;
  char *pretty;
  size_t pretty_len;
  char *norm;
  size_t norm_len;
  int script; /* BM_SCRIPT_* */
} page_ref;

static page_ref g_pages[MAX_PAGES];
static size_t g_npages;
static int g_rounds = 200;
static int g_threads = 8;
static bm_parser *g_shared;
static bm_page *g_shared_page;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) {
    buf[n] = 0;
    *len = (size_t)n;
  }
  return buf;
}

static void die(const char *what) {
  const bm_error *e = bm_last_error();
  fprintf(stderr, "FAIL: %s (last error %d: %s)\n", what, e->code, e->message);
  exit(1);
}

/* Parses one page; returns 0 when JSON, pretty JSON and normalized text match the reference. */
static int run_page(const bm_parser *p, const page_ref *r, int make_ref, page_ref *out) {
  bm_page *page = NULL;
  char *json = NULL, *pretty = NULL, *norm = NULL;
  size_t jl = 0, pl = 0, nl = 0;
  bm_parse_options po;
  int bad = 0;
  bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
  po.source = r->name;
  po.script = r->script;
  if (bm_parse(p, r->bytes, r->len, &po, &page) != BM_OK) die("bm_parse");
  if (bm_page_to_json(page, 0, &json, &jl) != BM_OK) die("bm_page_to_json");
  if (bm_page_to_json(page, BM_JSON_PRETTY, &pretty, &pl) != BM_OK) die("bm_page_to_json pretty");
  bm_page_free(page);
  po.source = NULL;
  if (bm_normalize(p, r->bytes, r->len, &po, &norm, &nl) != BM_OK) die("bm_normalize");
  if (make_ref) {
    out->json = json;
    out->json_len = jl;
    out->pretty = pretty;
    out->pretty_len = pl;
    out->norm = norm;
    out->norm_len = nl;
    return 0;
  }
  if (jl != r->json_len || memcmp(json, r->json, jl) != 0) bad = 1;
  if (pl != r->pretty_len || memcmp(pretty, r->pretty, pl) != 0) bad = 1;
  if (nl != r->norm_len || memcmp(norm, r->norm, nl) != 0) bad = 1;
  bm_string_free(json);
  bm_string_free(pretty);
  bm_string_free(norm);
  return bad;
}

/* A failing call, then a succeeding one: the error state is this thread's own. */
static int check_errors(const bm_parser *p, int id) {
  bm_parse_options po;
  bm_text *t = NULL;
  char enc[64];
  const bm_error *e;
  bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
  snprintf(enc, sizeof enc, "no-such-encoding-%d", id);
  po.encoding = enc;
  if (bm_decode(p, "abc", 3, &po, &t) != BM_E_UNKNOWN_ENCODING || t != NULL) return 1;
  e = bm_last_error();
  if (e->code != BM_E_UNKNOWN_ENCODING || strstr(e->message, enc) == NULL) return 1;
  if (bm_decode(p, "abc", 3, NULL, &t) != BM_OK) return 1;
  bm_text_free(t);
  e = bm_last_error();
  return e->code != BM_OK || e->message[0] != 0;
}

typedef struct {
  int id;
  int own_parser;
  int failures;
} worker_arg;

static void *worker(void *varg) {
  worker_arg *a = (worker_arg *)varg;
  bm_parser *p = g_shared;
  int round;
  size_t k;
  if (a->own_parser && bm_parser_new(NULL, &p) != BM_OK) {
    a->failures++;
    return NULL;
  }
  for (round = 0; round < g_rounds; ++round) {
    for (k = 0; k < g_npages; ++k) {
      /* each thread walks the pages in a different order */
      const page_ref *r = &g_pages[(k + (size_t)a->id + (size_t)round) % g_npages];
      if (run_page(p, r, 0, NULL) != 0) {
        fprintf(stderr, "thread %d round %d: output of %s differs from the single-thread output\n", a->id, round,
                r->name);
        a->failures++;
      }
    }
    if (check_errors(p, a->id) != 0) {
      fprintf(stderr, "thread %d: bm_last_error not thread-local\n", a->id);
      a->failures++;
    }
  }
  if (a->own_parser) bm_parser_free(p);
  return NULL;
}

static void *page_reader(void *varg) {
  worker_arg *a = (worker_arg *)varg;
  int round;
  for (round = 0; round < g_rounds; ++round) {
    char *json = NULL;
    size_t jl = 0, n, i;
    if (bm_page_to_json(g_shared_page, 0, &json, &jl) != BM_OK) {
      a->failures++;
      continue;
    }
    if (jl != g_pages[0].json_len || memcmp(json, g_pages[0].json, jl) != 0) a->failures++;
    bm_string_free(json);
    n = bm_page_article_count(g_shared_page);
    for (i = 0; i < n; ++i) {
      const bm_article *art = bm_page_article(g_shared_page, i);
      if (!bm_article_kind_name(art)) a->failures++;
    }
  }
  return NULL;
}

static int run_threads(void *(*fn)(void *), int own, const char *label) {
  pthread_t th[MAX_THREADS];
  worker_arg args[MAX_THREADS];
  int i, failures = 0;
  for (i = 0; i < g_threads; ++i) {
    args[i].id = i;
    args[i].own_parser = own;
    args[i].failures = 0;
    if (pthread_create(&th[i], NULL, fn, &args[i]) != 0) {
      fprintf(stderr, "pthread_create failed\n");
      exit(1);
    }
  }
  for (i = 0; i < g_threads; ++i) {
    pthread_join(th[i], NULL);
    failures += args[i].failures;
  }
  printf("%s: %d threads x %d rounds x %zu pages: %d mismatches\n", label, g_threads, g_rounds, g_npages, failures);
  return failures;
}

int main(int argc, char **argv) {
  const char *dir = BM_TEST_DATA_DIR "/pages/dev";
  char *names[MAX_PAGES];
  size_t n = 0, i;
  int failures = 0;
  DIR *d;
  struct dirent *de;
  if (argc > 1) g_rounds = atoi(argv[1]);
  if (argc > 2) g_threads = atoi(argv[2]);
  if (g_rounds < 1 || g_threads < 1 || g_threads > MAX_THREADS) {
    fprintf(stderr, "usage: %s [ROUNDS [THREADS<=64]]\n", argv[0]);
    return 2;
  }
  d = opendir(dir);
  if (!d) {
    fprintf(stderr, "cannot open %s\n", dir);
    return 1;
  }
  while ((de = readdir(d)) != NULL && n < MAX_PAGES) {
    const size_t l = strlen(de->d_name);
    if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[n++] = strdup(de->d_name);
  }
  closedir(d);
  if (n == 0) {
    fprintf(stderr, "no pages in %s\n", dir);
    return 1;
  }
  qsort(names, n, sizeof names[0], cmp_str);

  if (bm_parser_new(NULL, &g_shared) != BM_OK) die("bm_parser_new");
  for (i = 0; i < n; ++i) {
    char path[4096];
    page_ref *r = &g_pages[i];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    r->name = names[i];
    r->script = i % 3 == 0 ? BM_SCRIPT_KEEP : i % 3 == 1 ? BM_SCRIPT_SIMPLIFIED : BM_SCRIPT_TRADITIONAL;
    r->bytes = read_all(path, &r->len);
    if (!r->bytes) {
      fprintf(stderr, "cannot read %s\n", path);
      return 1;
    }
    run_page(g_shared, r, 1, r); /* the single-thread reference */
    if (r->json_len == 0 || r->norm_len == 0) die("empty reference output");
  }
  g_npages = n;
  {
    /* the reference is stable when repeated on the same thread */
    if (run_page(g_shared, &g_pages[0], 0, NULL) != 0) {
      fprintf(stderr, "FAIL: output differs between two single-thread runs\n");
      return 1;
    }
  }

  failures += run_threads(worker, 0, "shared parser");
  failures += run_threads(worker, 1, "own parsers");
  {
    bm_parse_options po;
    bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
    po.source = g_pages[0].name;
    if (bm_parse(g_shared, g_pages[0].bytes, g_pages[0].len, &po, &g_shared_page) != BM_OK) die("bm_parse");
    failures += run_threads(page_reader, 0, "shared page");
    bm_page_free(g_shared_page);
  }
  bm_parser_free(g_shared);
  for (i = 0; i < n; ++i) {
    free(g_pages[i].name);
    free(g_pages[i].bytes);
    bm_string_free(g_pages[i].json);
    bm_string_free(g_pages[i].pretty);
    bm_string_free(g_pages[i].norm);
  }
  if (failures) {
    printf("FAIL: %d mismatches\n", failures);
    return 1;
  }
  printf("OK\n");
  return 0;
}
