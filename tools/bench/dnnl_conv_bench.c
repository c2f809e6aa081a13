/* dnnl_conv_bench: oneDNN's 3x3 convolution (padding 1) called directly from C, the ceiling the
 * tensor engine's oneDNN path is measured against (`make bench`, tools/scripts/tensor-bench.sh).
 * Layouts are the library's choice (dnnl_format_tag_any); no reorders are timed. Best of 10
 * runs after 3 warm-ups, per pass: forward (training), backward-data, backward-weights.
 * Two rows per shape:
 *   dnnl-c        one call on the whole batch with oneDNN's own OpenMP threads (library default);
 *   dnnl-c-split  the engine's threading policy: two threads, each with OpenMP set to 1 thread,
 *                 run the primitive on half the batch at the same time.
 * Build: cc -O2 tools/bench/dnnl_conv_bench.c -ldnnl -lgomp -lpthread -o dnnl_conv_bench
 * (Debian's libdnnl-dev ships no pkg-config file).
 * Usage: dnnl_conv_bench [N C O HW]...   (default: the shapes of issue 15 / tensor-bench). */
#include <dnnl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <pthread.h>

void omp_set_num_threads(int n);

#define CHECK(f) do { dnnl_status_t s_ = (f); if (s_ != dnnl_success) { \
    fprintf(stderr, "%s failed: status %d\n", #f, (int)s_); exit(1); } } while (0)

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static dnnl_memory_t alloc_md(const dnnl_memory_desc_t *md, dnnl_engine_t eng) {
    dnnl_memory_t m; CHECK(dnnl_memory_create(&m, md, eng, DNNL_MEMORY_ALLOCATE));
    float *p; CHECK(dnnl_memory_get_data_handle(m, (void **)&p));
    size_t n = dnnl_memory_desc_get_size(md) / sizeof(float);
    for (size_t i = 0; i < n; i++) p[i] = (float)((i * 2654435761u) % 1000) / 1000.0f - 0.5f;
    return m;
}

static double best(dnnl_primitive_t p, dnnl_stream_t s, int nargs, const dnnl_exec_arg_t *args) {
    double b = 1e9;
    for (int r = 0; r < 13; r++) {
        double t0 = now();
        CHECK(dnnl_primitive_execute(p, s, nargs, args)); CHECK(dnnl_stream_wait(s));
        double t = now() - t0;
        if (r >= 3 && t < b) b = t;
    }
    return b;
}

/* One convolution at one batch size: primitives and their memories. */
typedef struct {
    dnnl_primitive_t p[3];
    dnnl_exec_arg_t a[3][3];
    dnnl_memory_t m[8];
    dnnl_primitive_desc_t pd[3];
    const char *impl;
} conv_t;

static void conv_init(conv_t *cv, dnnl_engine_t eng, int n, int c, int o, int hw) {
    dnnl_dims_t sd = {n, c, hw, hw}, wd = {o, c, 3, 3}, dd = {n, o, hw, hw}, st = {1, 1}, pad = {1, 1};
    dnnl_memory_desc_t src, wei, dst;
    CHECK(dnnl_memory_desc_init_by_tag(&src, 4, sd, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&wei, 4, wd, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&dst, 4, dd, dnnl_f32, dnnl_format_tag_any));
    dnnl_convolution_desc_t fd, bdd, bwd;
    CHECK(dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, dnnl_convolution_direct, &src, &wei, NULL, &dst, st, pad, pad));
    CHECK(dnnl_convolution_backward_data_desc_init(&bdd, dnnl_convolution_direct, &src, &wei, &dst, st, pad, pad));
    CHECK(dnnl_convolution_backward_weights_desc_init(&bwd, dnnl_convolution_direct, &src, &wei, NULL, &dst, st, pad, pad));
    CHECK(dnnl_primitive_desc_create(&cv->pd[0], &fd, NULL, eng, NULL));
    CHECK(dnnl_primitive_desc_create(&cv->pd[1], &bdd, NULL, eng, cv->pd[0]));
    CHECK(dnnl_primitive_desc_create(&cv->pd[2], &bwd, NULL, eng, cv->pd[0]));
    CHECK(dnnl_primitive_desc_query(cv->pd[0], dnnl_query_impl_info_str, 0, &cv->impl));
    const dnnl_query_t q[8] = {dnnl_query_src_md, dnnl_query_weights_md, dnnl_query_dst_md, dnnl_query_diff_src_md,
                               dnnl_query_diff_dst_md, dnnl_query_diff_weights_md, dnnl_query_diff_dst_md, dnnl_query_src_md};
    const int from[8] = {0, 0, 0, 1, 1, 2, 2, 2};
    for (int i = 0; i < 8; i++) cv->m[i] = alloc_md(dnnl_primitive_desc_query_md(cv->pd[from[i]], q[i], 0), eng);
    for (int i = 0; i < 3; i++) CHECK(dnnl_primitive_create(&cv->p[i], cv->pd[i]));
    dnnl_exec_arg_t fa[] = {{DNNL_ARG_SRC, cv->m[0]}, {DNNL_ARG_WEIGHTS, cv->m[1]}, {DNNL_ARG_DST, cv->m[2]}};
    dnnl_exec_arg_t da[] = {{DNNL_ARG_DIFF_DST, cv->m[4]}, {DNNL_ARG_WEIGHTS, cv->m[1]}, {DNNL_ARG_DIFF_SRC, cv->m[3]}};
    dnnl_exec_arg_t wa[] = {{DNNL_ARG_SRC, cv->m[7]}, {DNNL_ARG_DIFF_DST, cv->m[6]}, {DNNL_ARG_DIFF_WEIGHTS, cv->m[5]}};
    for (int j = 0; j < 3; j++) { cv->a[0][j] = fa[j]; cv->a[1][j] = da[j]; cv->a[2][j] = wa[j]; }
}

static void conv_free(conv_t *cv) {
    for (int i = 0; i < 3; i++) { dnnl_primitive_destroy(cv->p[i]); dnnl_primitive_desc_destroy(cv->pd[i]); }
    for (int i = 0; i < 8; i++) dnnl_memory_destroy(cv->m[i]);
}

/* The split mode's second thread: runs pass `pass` of its half between two barriers. */
typedef struct { conv_t *cv; dnnl_stream_t s; pthread_barrier_t *bar; volatile int pass; } helper_t;

static void *helper_main(void *arg) {
    helper_t *h = arg;
    omp_set_num_threads(1);
    for (;;) {
        pthread_barrier_wait(h->bar);
        if (h->pass < 0) return NULL;
        CHECK(dnnl_primitive_execute(h->cv->p[h->pass], h->s, 3, h->cv->a[h->pass])); CHECK(dnnl_stream_wait(h->s));
        pthread_barrier_wait(h->bar);
    }
}

static void report(const char *label, int n, int c, int o, int hw, const double t[3], const char *impl) {
    double flops = 2.0 * n * o * c * 9.0 * hw * hw;
    printf("%-12s N=%-3d %3d->%-3d %2dx%-2d  fwd %6.1f GFLOP/s  bwd %6.1f GFLOP/s  [fwd %.2f ms, bwd-data %.2f ms, bwd-weights %.2f ms]  %s\n",
           label, n, c, o, hw, hw, flops / t[0] / 1e9, 2 * flops / (t[1] + t[2]) / 1e9, t[0] * 1e3, t[1] * 1e3, t[2] * 1e3, impl);
}

static void run(dnnl_engine_t eng, dnnl_stream_t s, int n, int c, int o, int hw) {
    /* Library default: one call, oneDNN's OpenMP threads. */
    conv_t cv;
    conv_init(&cv, eng, n, c, o, hw);
    double t[3];
    for (int i = 0; i < 3; i++) t[i] = best(cv.p[i], s, 3, cv.a[i]);
    report("dnnl-c", n, c, o, hw, t, cv.impl);
    conv_free(&cv);
    if (n < 2) return;
    /* The engine's policy: two threads with single-threaded OpenMP, half the batch each. */
    omp_set_num_threads(1);
    conv_t half[2];
    conv_init(&half[0], eng, n / 2 + n % 2, c, o, hw);
    conv_init(&half[1], eng, n / 2, c, o, hw);
    pthread_barrier_t bar;
    pthread_barrier_init(&bar, NULL, 2);
    dnnl_stream_t s2; CHECK(dnnl_stream_create(&s2, eng, dnnl_stream_default_flags));
    helper_t h = {&half[1], s2, &bar, 0};
    pthread_t th; pthread_create(&th, NULL, helper_main, &h);
    for (int pass = 0; pass < 3; pass++) {
        h.pass = pass;
        double b = 1e9;
        for (int r = 0; r < 13; r++) {
            double t0 = now();
            pthread_barrier_wait(&bar);
            CHECK(dnnl_primitive_execute(half[0].p[pass], s, 3, half[0].a[pass])); CHECK(dnnl_stream_wait(s));
            pthread_barrier_wait(&bar);
            double dt = now() - t0;
            if (r >= 3 && dt < b) b = dt;
        }
        t[pass] = b;
    }
    h.pass = -1; pthread_barrier_wait(&bar); pthread_join(th, NULL);
    report("dnnl-c-split", n, c, o, hw, t, half[0].impl);
    conv_free(&half[0]); conv_free(&half[1]);
    dnnl_stream_destroy(s2);
    pthread_barrier_destroy(&bar);
    omp_set_num_threads(2);
}

int main(int argc, char **argv) {
    static const int shapes[][4] = {{128, 16, 32, 14}, {32, 64, 64, 32}, {250, 16, 16, 32}, {250, 32, 32, 16}, {250, 64, 64, 8}};
    dnnl_engine_t eng; dnnl_stream_t s;
    CHECK(dnnl_engine_create(&eng, dnnl_cpu, 0));
    CHECK(dnnl_stream_create(&s, eng, dnnl_stream_default_flags));
    const dnnl_version_t *v = dnnl_version();
    printf("oneDNN %d.%d.%d (C API called directly; layouts: format_tag_any; best of 10 after 3 warm-ups; dnnl-c: OpenMP threads, dnnl-c-split: 2 threads x half batch)\n", v->major, v->minor, v->patch);
    if (argc > 1) {
        for (int i = 1; i + 3 < argc; i += 4) run(eng, s, atoi(argv[i]), atoi(argv[i + 1]), atoi(argv[i + 2]), atoi(argv[i + 3]));
    } else {
        for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) run(eng, s, shapes[i][0], shapes[i][1], shapes[i][2], shapes[i][3]);
    }
    dnnl_stream_destroy(s); dnnl_engine_destroy(eng);
    return 0;
}
