#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for tests: start | stop | status.
#   start: writes slurm.conf (this host as controller and node, CPUs = nproc, linuxproc process
#          tracking, no cgroups), a munge key, and starts munged, slurmctld and slurmd from
#          $SLURM_LOCAL_DIR (default /tmp/nasbench-slurm), each with its own pid file; waits until
#          `sinfo` shows the node idle. Prints `export SLURM_CONF=...` for the shell to use.
#   stop:  stops exactly the daemons start started (by their pid files), nothing else.
# Needs root (the daemons run as root here) and the Debian packages slurm-wlm and munge.
# Ports: SLURM_LOCAL_PORT (default 16817) for slurmctld, +1 for slurmd, so a system Slurm is untouched.
set -euo pipefail
dir=${SLURM_LOCAL_DIR:-/tmp/nasbench-slurm}
port=${SLURM_LOCAL_PORT:-16817}
host=$(hostname -s)
conf="$dir/slurm.conf"
daemons=(slurmd slurmctld munged)

pid_of() { [ -f "$dir/$1.pid" ] && cat "$dir/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

stop() {
  for d in "${daemons[@]}"; do
    local p; p=$(pid_of "$d")
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      kill "$p" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$p" 2>/dev/null || true
    fi
    rm -f "$dir/$d.pid"
  done
}

start() {
  for tool in munged slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || { echo "slurm-local: $tool is missing (apt install slurm-wlm munge)" >&2; exit 3; }
  done
  [ "$(id -u)" = 0 ] || { echo "slurm-local: needs root (the daemons run as root)" >&2; exit 3; }
  stop
  rm -rf "$dir/state" "$dir/spool"
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  chmod 700 "$dir/munge"
  [ -f "$dir/munge/munge.key" ] || dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/munged.seed"
  cat > "$conf" <<CONF
ClusterName=nasbench-local
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  slurmctld -f "$conf"
  slurmd -f "$conf"
  for _ in $(seq 100); do
    if sinfo -h -o %t 2>/dev/null | grep -q idle; then echo "export SLURM_CONF=$conf"; return 0; fi
    sleep 0.2
  done
  echo "slurm-local: the node did not come up (logs in $dir)" >&2
  tail -5 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  stop
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) for d in "${daemons[@]}"; do if alive "$d"; then echo "$d running ($(pid_of "$d"))"; else echo "$d stopped"; fi; done ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
