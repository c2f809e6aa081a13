/* dnnl_conv_bench: oneDNN's 3x3 convolution (padding 1) called directly from C, the ceiling the
 * tensor engine's oneDNN path is measured against (`make bench`, tools/tensor-bench.sh).
 * Layouts are the library's choice (dnnl_format_tag_any); no reorders are timed. Best of 10
 * runs after 3 warm-ups, per pass: forward (training), backward-data, backward-weights.
 * Build: cc -O2 tools/bench/dnnl_conv_bench.c -ldnnl -o dnnl_conv_bench   (no pkg-config file ships).
 * Usage: dnnl_conv_bench [N C O HW]...   (default: the shapes of issue 15 / tensor-bench). */
#include <dnnl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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

static void run(dnnl_engine_t eng, dnnl_stream_t s, int n, int c, int o, int hw) {
    dnnl_dims_t sd = {n, c, hw, hw}, wd = {o, c, 3, 3}, dd = {n, o, hw, hw}, st = {1, 1}, pad = {1, 1};
    dnnl_memory_desc_t src, wei, dst;
    CHECK(dnnl_memory_desc_init_by_tag(&src, 4, sd, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&wei, 4, wd, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&dst, 4, dd, dnnl_f32, dnnl_format_tag_any));
    dnnl_convolution_desc_t fd, bdd, bwd;
    CHECK(dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, dnnl_convolution_direct, &src, &wei, NULL, &dst, st, pad, pad));
    CHECK(dnnl_convolution_backward_data_desc_init(&bdd, dnnl_convolution_direct, &src, &wei, &dst, st, pad, pad));
    CHECK(dnnl_convolution_backward_weights_desc_init(&bwd, dnnl_convolution_direct, &src, &wei, NULL, &dst, st, pad, pad));
    dnnl_primitive_desc_t fpd, dpd, wpd;
    CHECK(dnnl_primitive_desc_create(&fpd, &fd, NULL, eng, NULL));
    CHECK(dnnl_primitive_desc_create(&dpd, &bdd, NULL, eng, fpd));
    CHECK(dnnl_primitive_desc_create(&wpd, &bwd, NULL, eng, fpd));
    const char *impl; CHECK(dnnl_primitive_desc_query(fpd, dnnl_query_impl_info_str, 0, &impl));
    dnnl_memory_t ms = alloc_md(dnnl_primitive_desc_query_md(fpd, dnnl_query_src_md, 0), eng);
    dnnl_memory_t mw = alloc_md(dnnl_primitive_desc_query_md(fpd, dnnl_query_weights_md, 0), eng);
    dnnl_memory_t md = alloc_md(dnnl_primitive_desc_query_md(fpd, dnnl_query_dst_md, 0), eng);
    dnnl_memory_t mds = alloc_md(dnnl_primitive_desc_query_md(dpd, dnnl_query_diff_src_md, 0), eng);
    dnnl_memory_t mdd = alloc_md(dnnl_primitive_desc_query_md(dpd, dnnl_query_diff_dst_md, 0), eng);
    dnnl_memory_t mdw = alloc_md(dnnl_primitive_desc_query_md(wpd, dnnl_query_diff_weights_md, 0), eng);
    dnnl_memory_t mdd2 = alloc_md(dnnl_primitive_desc_query_md(wpd, dnnl_query_diff_dst_md, 0), eng);
    dnnl_memory_t ms2 = alloc_md(dnnl_primitive_desc_query_md(wpd, dnnl_query_src_md, 0), eng);
    dnnl_primitive_t fp, dp, wp;
    CHECK(dnnl_primitive_create(&fp, fpd)); CHECK(dnnl_primitive_create(&dp, dpd)); CHECK(dnnl_primitive_create(&wp, wpd));
    dnnl_exec_arg_t fa[] = {{DNNL_ARG_SRC, ms}, {DNNL_ARG_WEIGHTS, mw}, {DNNL_ARG_DST, md}};
    dnnl_exec_arg_t da[] = {{DNNL_ARG_DIFF_DST, mdd}, {DNNL_ARG_WEIGHTS, mw}, {DNNL_ARG_DIFF_SRC, mds}};
    dnnl_exec_arg_t wa[] = {{DNNL_ARG_SRC, ms2}, {DNNL_ARG_DIFF_DST, mdd2}, {DNNL_ARG_DIFF_WEIGHTS, mdw}};
    double tf = best(fp, s, 3, fa), td = best(dp, s, 3, da), tw = best(wp, s, 3, wa);
    double flops = 2.0 * n * o * c * 9.0 * hw * hw;
    printf("dnnl-c N=%-3d %3d->%-3d %2dx%-2d  fwd %6.1f GFLOP/s  bwd %6.1f GFLOP/s  [fwd %.2f ms, bwd-data %.2f ms, bwd-weights %.2f ms]  %s\n",
           n, c, o, hw, hw, flops / tf / 1e9, 2 * flops / (td + tw) / 1e9, tf * 1e3, td * 1e3, tw * 1e3, impl);
    dnnl_primitive_destroy(fp); dnnl_primitive_destroy(dp); dnnl_primitive_destroy(wp);
    dnnl_primitive_desc_destroy(fpd); dnnl_primitive_desc_destroy(dpd); dnnl_primitive_desc_destroy(wpd);
    dnnl_memory_t all[] = {ms, mw, md, mds, mdd, mdw, mdd2, ms2};
    for (int i = 0; i < 8; i++) dnnl_memory_destroy(all[i]);
}

int main(int argc, char **argv) {
    static const int shapes[][4] = {{128, 16, 32, 14}, {32, 64, 64, 32}, {250, 16, 16, 32}, {250, 32, 32, 16}, {250, 64, 64, 8}};
    dnnl_engine_t eng; dnnl_stream_t s;
    CHECK(dnnl_engine_create(&eng, dnnl_cpu, 0));
    CHECK(dnnl_stream_create(&s, eng, dnnl_stream_default_flags));
    const dnnl_version_t *v = dnnl_version();
    printf("oneDNN %d.%d.%d (C API called directly; layouts: format_tag_any; best of 10 after 3 warm-ups)\n", v->major, v->minor, v->patch);
    if (argc > 1) {
        for (int i = 1; i + 3 < argc; i += 4) run(eng, s, atoi(argv[i]), atoi(argv[i + 1]), atoi(argv[i + 2]), atoi(argv[i + 3]));
    } else {
        for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) run(eng, s, shapes[i][0], shapes[i][1], shapes[i][2], shapes[i][3]);
    }
    dnnl_stream_destroy(s); dnnl_engine_destroy(eng);
    return 0;
}
