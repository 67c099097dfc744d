#!/usr/bin/env python3
"""make bench-kernel, step 4: numbers from the guests' logs.

Usage: bench-kernel-report.py RESULTS DOCS COMMIT SETTINGS

RESULTS holds one directory per boot, KERNEL-ROUND/bench.log (written by
selftests/bench-init.sh).  Writes, in RESULTS:
  bench-kernel.csv          every value: kernel, round, point, metric, value
  bench-kernel-summary.csv  per point: median, min and max of each kernel,
                            patched/stock of the medians and the range of the
                            per-round ratios, the goal
  bench-kernel.png          the chart (gnuplot)
and prints a table.  When DOCS/bench-kernel-summary.csv exists (the
committed run), says for every point whether the new ratio lies within the
committed per-round range.
"""

import csv
import os
import re
import statistics
import subprocess
import sys

KERNELS = ("stock", "patched")

# The metric each point is judged on, and whether more is better.
# get, create, control: throughput; tasks-trace: the grace period latency
# (ratio inverted, so that above 1 means the patched kernel is faster
# everywhere); spurious: both threads' throughput.
PRIMARY = {
    "create": ("creates_kps", True),
    "seq-get": ("hits_mops", True),
    "int-get": ("hits_mops", True),
    "hashmap-control": ("hits_mops", True),
    "tasks-trace": ("gp_latency_us", False),
}
GOALS = {"seq-get": 0.98, "int-get": 0.98, "create": 0.97}

NUM = r"([-+0-9.naif]+)"
PATTERNS = [
    # bench.c local_storage_report_final()
    (re.compile(r"^Summary: hits throughput\s+" + NUM + r" \S+\s+" + NUM +
                r" M ops/s, hits latency\s+" + NUM +
                r" ns/op, important_hits throughput\s+" + NUM),
     ("hits_mops", "hits_mops_sd", "latency_ns", "important_mops")),
    # bench_local_storage_create.c report_final()
    (re.compile(r"^Summary: creates\s+" + NUM + r" \S+\s+" + NUM +
                r"\s*k/s \(\s*" + NUM + r"k/prod\),\s+" + NUM + r" kmallocs/create"),
     ("creates_kps", "creates_kps_sd", "creates_kps_prod", "kmallocs_per_create")),
    # bench_local_storage_rcu_tasks_trace.c report_final()
    (re.compile(r"^SUMMARY tasks_trace grace period latency\s+avg " + NUM +
                r" us\s+stddev " + NUM),
     ("gp_latency_us", "gp_latency_us_sd")),
    (re.compile(r"^SUMMARY ticks per tasks_trace grace period\s+avg " + NUM),
     ("gp_ticks",)),
]


def parse_log(path):
    """{point: {metric: value}} from one guest's bench.log."""
    points, point = {}, None
    with open(path, errors="replace") as f:
        for line in f:
            line = line.strip()
            m = re.match(r"^=== (\S+)$", line)
            if m:
                point = None if m.group(1) == "end" else m.group(1)
                continue
            if point is None:
                continue
            vals = points.setdefault(point, {})
            for rx, names in PATTERNS:
                m = rx.match(line)
                if m:
                    for name, v in zip(names, m.groups()):
                        vals[name] = float(v)
            if line.startswith("spurious: "):
                words = line.split()[1:]
                for k, v in zip(words[0::2], words[1::2]):
                    vals[k] = float(v)
                spurious_rates(vals)
    return points


def spurious_rates(v):
    """Per million helper calls, and throughput, from the raw counts."""
    calls = v["calls"] or 1
    v["task_get_fail_pm"] = v["task_null"] * 1e6 / calls
    v["task_del_ebusy_pm"] = v["task_ebusy"] * 1e6 / calls
    v["cgrp_get_fail_pm"] = v["cgrp_null"] * 1e6 / calls
    v["cgrp_del_ebusy_pm"] = v["cgrp_ebusy"] * 1e6 / calls
    v["fail_pm"] = (v["task_null"] + v["task_ebusy"] + v["cgrp_null"] +
                    v["cgrp_ebusy"]) * 1e6 / (4 * calls)
    v["lock_err"] = v["task_err"] + v["cgrp_err"] + v["map_err"] + v["map_ebusy"]
    v["map_kops"] = v["map_ops"] / v["secs"] / 1e3
    v["prog_kcalls"] = v["calls"] / v["secs"] / 1e3


def family(point):
    return point.split("/")[0]


def main():
    results, docs, commit, settings = sys.argv[1:5]
    rows = []        # kernel, round, point, metric, value
    runs = {}        # (kernel, round) -> {point: {metric: value}}
    for d in sorted(os.listdir(results)):
        m = re.match(r"^(stock|patched)-(\d+)$", d)
        if m and os.path.exists(os.path.join(results, d, "bench.log")):
            key = (m.group(1), int(m.group(2)))
            runs[key] = parse_log(os.path.join(results, d, "bench.log"))
            load = os.path.join(results, d, "host-load")
            if os.path.exists(load):
                with open(load) as f:
                    vals = [float(x) for x in f.read().split()]
                if vals:
                    runs[key]["host"] = {"load_before": vals[0], "load_after": vals[-1]}
            during = os.path.join(results, d, "host-load-during")
            if os.path.exists(during):
                with open(during) as f:
                    vals = [float(x) for x in f.read().split()]
                if vals:
                    runs[key].setdefault("host", {})["load_during"] = statistics.mean(vals)
            for point, vals in runs[key].items():
                for metric, value in sorted(vals.items()):
                    rows.append((key[0], key[1], point, metric, value))
    with open(os.path.join(results, "bench-kernel.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["# commit " + commit + ", " + settings])
        w.writerow(["kernel", "round", "point", "metric", "value"])
        w.writerows(rows)

    rounds = sorted({r for _, r in runs})
    order = []
    for k in runs:
        for p in runs[k]:
            if p not in order:
                order.append(p)

    def series(kernel, point, metric):
        return {r: runs[(kernel, r)][point][metric] for r in rounds
                if (kernel, r) in runs and metric in runs[(kernel, r)].get(point, {})}

    summary = []
    for point in order:
        fam = family(point)
        if fam == "host":
            metrics = [("load_before", None), ("load_during", None), ("load_after", None)]
        elif fam == "spurious":
            metrics = [("map_kops", True), ("prog_kcalls", True),
                       ("fail_pm", None), ("task_get_fail_pm", None),
                       ("task_del_ebusy_pm", None), ("cgrp_get_fail_pm", None),
                       ("cgrp_del_ebusy_pm", None), ("lock_err", None)]
        else:
            metrics = [PRIMARY.get(fam, ("hits_mops", True))]
        for metric, higher in metrics:
            s, p = series("stock", point, metric), series("patched", point, metric)
            if not s or not p:
                continue
            sm, pm = statistics.median(s.values()), statistics.median(p.values())
            row = {"point": point, "metric": metric, "n": min(len(s), len(p)),
                   "stock_median": sm, "stock_min": min(s.values()),
                   "stock_max": max(s.values()), "patched_median": pm,
                   "patched_min": min(p.values()), "patched_max": max(p.values()),
                   "ratio": "", "ratio_min": "", "ratio_max": "",
                   "goal": GOALS.get(fam, "")}
            if higher is not None and sm and pm:
                # Per-round ratios: each round boots both kernels back to
                # back, so their range shows the noise of the machine.
                per = [(p[r] / s[r]) if higher else (s[r] / p[r])
                       for r in rounds if r in s and r in p and s[r] and p[r]]
                row["ratio"] = pm / sm if higher else sm / pm
                row["ratio_min"], row["ratio_max"] = min(per), max(per)
            if fam == "spurious" and higher is None:
                row["goal"] = "patched 0"
            if fam == "spurious" and metric == "lock_err":
                row["goal"] = ""
            if fam == "spurious" and higher:
                row["goal"] = 1.0
            summary.append(row)

    fields = ["point", "metric", "n", "stock_median", "stock_min", "stock_max",
              "patched_median", "patched_min", "patched_max", "ratio",
              "ratio_min", "ratio_max", "goal"]
    with open(os.path.join(results, "bench-kernel-summary.csv"), "w", newline="") as f:
        f.write("# commit " + commit + ", " + settings + "\n")
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for row in summary:
            w.writerow({k: (("%.4g" % v) if isinstance(v, float) else v)
                        for k, v in row.items()})

    def fmt(v):
        return ("%.4g" % v) if isinstance(v, float) else str(v)

    print("%-22s %-18s %23s %23s %7s %15s %5s" % (
        "point", "metric", "stock med [min-max]", "patched med [min-max]",
        "ratio", "round ratios", "goal"))
    for row in summary:
        miss = ""
        if isinstance(row["goal"], float) and row["ratio"] != "" and row["ratio"] < row["goal"]:
            miss = "  MISS"
        if row["goal"] == "patched 0" and row["patched_max"] != 0:
            miss = "  MISS"
        print("%-22s %-18s %8s [%6s-%6s] %8s [%6s-%6s] %7s %7s-%-7s %5s%s" % (
            row["point"], row["metric"], fmt(row["stock_median"]),
            fmt(row["stock_min"]), fmt(row["stock_max"]),
            fmt(row["patched_median"]), fmt(row["patched_min"]),
            fmt(row["patched_max"]),
            fmt(row["ratio"]), fmt(row["ratio_min"]), fmt(row["ratio_max"]),
            fmt(row["goal"]), miss))

    # The guests share the host with other work: its load, boot by boot.
    print("host load (1-min average) per boot: before / mean during / after")
    for key in sorted(runs, key=lambda k: (k[1], KERNELS.index(k[0]))):
        h = runs[key].get("host", {})
        print("  round %d %-7s %s" % (key[1], key[0], " / ".join(
            fmt(h[m]) if m in h else "-"
            for m in ("load_before", "load_during", "load_after"))))

    chart(results, summary, commit, settings)
    compare(docs, summary)


def chart(results, summary, commit, settings):
    """Left: patched/stock per point, with the range of the per-round ratios.
    Right: the spurious failures of each helper, per million calls."""
    dat = os.path.join(results, "bench-kernel-chart.dat")
    sdat = os.path.join(results, "bench-kernel-spurious.dat")
    pts = [r for r in summary if r["ratio"] != ""]
    colors = {"create": 1, "seq-get": 2, "int-get": 3, "hashmap-control": 4,
              "tasks-trace": 5, "spurious": 6}
    lo = min([0.9] + [r["ratio_min"] for r in pts])
    hi = max([1.1] + [r["ratio_max"] for r in pts])
    with open(dat, "w") as f:
        for i, r in enumerate(pts):
            fam = family(r["point"])
            label = r["point"] if fam != "spurious" else \
                "spurious " + ("map syscalls" if r["metric"] == "map_kops" else "prog calls")
            if fam == "tasks-trace":
                label += " (1/latency)"
            goal = r["goal"] if isinstance(r["goal"], float) else float("nan")
            f.write('%d "%s" %g %g %g %g %d\n' % (i, label, r["ratio"], r["ratio_min"],
                                                  r["ratio_max"], goal, colors.get(fam, 7)))
    names = {"task_get_fail_pm": "task get NULL", "task_del_ebusy_pm": "task delete -EBUSY",
             "cgrp_get_fail_pm": "cgrp get NULL", "cgrp_del_ebusy_pm": "cgrp delete -EBUSY"}
    spur = [r for r in summary if r["metric"] in names]
    smax = 1.0
    with open(sdat, "w") as f:
        for i, r in enumerate(spur):
            f.write('%d "%s" %g %g %g %g %g %g\n' % (
                i, names[r["metric"]], r["stock_median"], r["stock_min"], r["stock_max"],
                r["patched_median"], r["patched_min"], r["patched_max"]))
            smax = max(smax, r["stock_max"], r["patched_max"])
    png = os.path.join(results, "bench-kernel.png")
    script = """
set terminal pngcairo size 1600,700 font ",10"
set output '%s'
set multiplot title "BPF local storage, the kernel's bench in QEMU TCG (x86_64, 2 vCPUs): stock 6.12 vs the series\\n%s; %s" noenhanced
set origin 0,0
set size 0.74,0.95
set title "patched / stock: median of the rounds; bars: range of the per-round ratios" noenhanced
set ylabel "patched / stock (above 1: patched faster)"
set xtics rotate by -60 left noenhanced
set grid ytics
set key top left
set yrange [%g:%g]
set xrange [-0.6:%g]
set style fill solid 0.6
set boxwidth 0.7
set linetype 1 lc rgb "#4a7ebb"
set linetype 2 lc rgb "#5aa469"
set linetype 3 lc rgb "#8fcf8f"
set linetype 4 lc rgb "#aaaaaa"
set linetype 5 lc rgb "#c9a0dc"
set linetype 6 lc rgb "#e8a33d"
set linetype 7 lc rgb "#777777"
plot '%s' using 1:3:7:xtic(2) with boxes lc variable notitle, \\
     '' using 1:3:4:5 with yerrorbars lc rgb "black" pt -1 title "per-round range", \\
     '' using ($1-0.4):6:(0.8):(0) with vectors nohead lc rgb "red" lw 2 dt 2 title "goal", \\
     1 with lines lc rgb "black" lw 1 notitle
set origin 0.74,0
set size 0.26,0.95
set title "spurious failures per million helper calls\\n(two threads on one vCPU; goal: 0 patched)" noenhanced
set ylabel "per million calls (median, bars: min-max)"
unset key
set key top right
set yrange [0:%g]
set xrange [-0.6:%g]
set boxwidth 0.35
plot '%s' using ($1-0.18):3:(0.35):xtic(2) with boxes lc rgb "#4a7ebb" title "stock", \\
     '' using ($1-0.18):3:4:5 with yerrorbars lc rgb "black" pt -1 notitle, \\
     '' using ($1+0.18):6:(0.35) with boxes lc rgb "#e8a33d" title "patched", \\
     '' using ($1+0.18):6:7:8 with yerrorbars lc rgb "black" pt -1 notitle, \\
     '' using ($1+0.18):6:(sprintf("%%.0f", $6)) with labels offset 0,0.8 notitle
unset multiplot
""" % (png, settings.replace("_", " "), commit,
       max(0.0, lo - 0.05), hi + 0.05, len(pts) - 0.4, dat,
       smax * 1.15, max(len(spur), 1) - 0.4, sdat)
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print("bench-kernel: no chart: %s" % e, file=sys.stderr)


def compare(docs, summary):
    """Is each new ratio within the committed per-round range?"""
    path = os.path.join(docs, "bench-kernel-summary.csv")
    if not os.path.exists(path):
        return
    with open(path) as f:
        old = {(r["point"], r["metric"]): r for r in
               csv.DictReader(l for l in f if not l.startswith("#"))}
    inside, total = 0, 0
    for row in summary:
        o = old.get((row["point"], row["metric"]))
        if not o or row["ratio"] == "" or not o["ratio_min"]:
            continue
        total += 1
        lo, hi = float(o["ratio_min"]), float(o["ratio_max"])
        if lo <= row["ratio"] <= hi:
            inside += 1
        else:
            print("bench-kernel: %s %s: ratio %.3f outside the committed %.3f-%.3f"
                  % (row["point"], row["metric"], row["ratio"], lo, hi))
    print("bench-kernel: %d of %d ratios within the committed range (docs/)" % (inside, total))


if __name__ == "__main__":
    main()
