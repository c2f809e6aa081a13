#!/usr/bin/env bash
# Slurm overhead on one machine (docs/CLUSTER.md): experiments/cluster-scaling.yaml (100 WeakNAS
# trials of 100 queries on NB201) run locally with --jobs 2, then as a 2-task Slurm array (one CPU
# and one worker per task) plus its merge job on the single-node cluster of
# tools/scripts/slurm-local.sh, started here unless SLURM_CONF points at a running one. Both runs use
# the same two cores, so the ratio measures the array's overhead (scheduling, two processes, the
# merge), not a speed-up. The merged files must be byte-identical to the local ones.
# Writes notebooks-export/data/cluster-scaling/timings.csv (one row per run: its start, the load average
# before it) and keeps both runs in $OUT (default runs/cluster-scaling). Needs root for the cluster.
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, SLURM_CONF.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/cluster-scaling}
RESULTS=notebooks-export/data/cluster-scaling
ensure_table nb201 "$TABLE"
rm -rf "$OUT/local" "$OUT/slurm"
mkdir -p "$OUT" "$RESULTS"

started_cluster=
if [ -z "${SLURM_CONF:-}" ]; then
  export SLURM_LOCAL_DIR=${SLURM_LOCAL_DIR:-/tmp/nasbench-slurm-scaling}
  tools/scripts/slurm-local.sh start >/dev/null
  export SLURM_CONF=$SLURM_LOCAL_DIR/slurm.conf
  started_cluster=1
  trap 'tools/scripts/slurm-local.sh stop; rm -f "${_private:-}"' EXIT
fi

load() { cut -d' ' -f1 /proc/loadavg; }
experiment=(search --spec experiments/cluster-scaling.yaml --table "$TABLE")

load_local=$(load); date_local=$(date -u +%FT%TZ)
t0=$(date +%s.%N)
"$NASBENCH" "${experiment[@]}" --jobs 2 --out "$OUT/local" >/dev/null
t1=$(date +%s.%N)
local_s=$(echo "$t1 - $t0" | bc)

load_slurm=$(load); date_slurm=$(date -u +%FT%TZ)
t0=$(date +%s.%N)
"$NASBENCH" slurm --shards 2 --cpus-per-task 1 -- "${experiment[@]}" --jobs 1 --out "$OUT/slurm"
while [ -n "$(squeue -h)" ]; do sleep 1; done
t1=$(date +%s.%N)
slurm_s=$(echo "$t1 - $t0" | bc)
[ -f "$OUT/slurm/summary.csv" ] || { echo "cluster-scaling: the merge did not run (logs in $OUT/slurm/slurm)" >&2; exit 1; }

identical=yes
for f in queries.csv trials.csv summary.csv curves.csv; do
  cmp -s "$OUT/local/$f" "$OUT/slurm/$f" || { identical=no; echo "cluster-scaling: $f differs" >&2; }
done
{
  echo "run,tasks,workers_per_task,wall_seconds,identical_to_local,load_before,nproc,date"
  printf 'local,1,2,%.1f,yes,%s,%s,%s\n' "$local_s" "$load_local" "$(nproc)" "$date_local"
  printf 'slurm-array+merge,2,1,%.1f,%s,%s,%s,%s\n' "$slurm_s" "$identical" "$load_slurm" "$(nproc)" "$date_slurm"
} > "$RESULTS/timings.csv.tmp"
mv "$RESULTS/timings.csv.tmp" "$RESULTS/timings.csv"
cat "$RESULTS/timings.csv"
[ "$identical" = yes ]
