#!/usr/bin/env python3
"""Align and check document pairs on Apache Spark, with `verso stream` as the map step.

Input: a JSONL file, a folder of them, or a glob; one document pair a line:
    {"id": "doc-1", "source": "full text", "target": "full text", "source_lang": "en", "target_lang": "fr"}
Output (folders of part-NNNNN files, one a partition, in input order):
    OUTPUT/beads/      one bead a line: the align contract plus "document" (see `verso stream --help`)
    OUTPUT/errors/     one line a bad record: {"document": id-or-null, "line": N, "error": "…"}
                       (N is the line number inside the partition's input)
    OUTPUT/summaries/  with --summaries, one line a document
    OUTPUT/beads.parquet/  with --parquet, the beads as Parquet

The verso binary, with the three Verso_*.resources folders beside it, must be runnable on every
worker: a path that exists on each of them (a shared file system, or installed in the image), or
an archive shipped with `spark-submit --archives verso.tgz#verso` and `--verso ./verso/verso` on
YARN/Kubernetes, where shipped files land in the executor's working directory. A tiny job runs
`verso --version` and one probe record through `verso stream` on the workers first, and stops
with a clear message when that fails.

    python3 Scripts/spark_align.py pairs.jsonl out/                      # local[2], .build/release/verso
    python3 Scripts/spark_align.py --master spark://host:7077 --verso /shared/bin/verso pairs/ out/ -- --source-lang de

Arguments after "--" are passed to `verso stream`.
"""
import argparse
import json
import os
import shlex
import socket
import subprocess
import sys
import time


def parse_arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL file, folder or glob of document pairs")
    p.add_argument("output", help="output folder (must not exist, unless --overwrite)")
    p.add_argument("--master", default="local[2]", help="Spark master URL (default local[2])")
    p.add_argument("--verso", default=".build/release/verso",
                   help="path of the verso binary on the workers (default .build/release/verso; "
                        "a path that exists here is made absolute)")
    p.add_argument("--jobs", type=int, default=1, help="--jobs of each verso process (default 1: Spark gives the parallelism)")
    p.add_argument("--partitions", type=int, default=0, help="number of input partitions (default: Spark's choice)")
    p.add_argument("--summaries", action="store_true", help="also write one summary line a document")
    p.add_argument("--parquet", action="store_true", help="also write the beads as Parquet")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT when it exists")
    p.add_argument("--executor-memory", default=None, help="spark.executor.memory (e.g. 2g)")
    # Arguments after "--" go to `verso stream` (e.g. -- --no-dictionary --source-lang de).
    split = argv.index("--") if "--" in argv else len(argv)
    args = p.parse_args(argv[:split])
    args.verso_args = argv[split + 1:]
    return args


def verso_path(path):
    """Absolute when the binary is here (local mode, shared file systems); as given otherwise."""
    return os.path.abspath(path) if os.path.exists(path) else path


PROBE = b'{"id": "probe", "source": "One. Two.", "target": "Un. Deux."}\n'


def check_workers(sc, verso, slots):
    """Runs `verso --version` and one tiny `verso stream` record in one task a slot (the second
    catches a binary whose resource folders or libraries are missing); exits with a clear
    message when any fails. Returns the versions seen."""
    def probe(_):
        host = socket.gethostname()
        try:
            version = subprocess.run([verso, "--version"], capture_output=True, timeout=60)
            text = (version.stdout or version.stderr).decode("utf-8", "replace").strip()
            if version.returncode != 0:
                yield (host, False, text or f"--version exited with {version.returncode}")
                return
            stream = subprocess.run([verso, "stream", "--no-dictionary"], input=PROBE, capture_output=True, timeout=120)
            if stream.returncode != 0 or not stream.stdout.startswith(b'{"source": '):
                lines = stream.stderr.decode("utf-8", "replace").strip().splitlines()
                reason = next((l for l in lines if "error" in l.lower()), lines[-1] if lines else f"exit status {stream.returncode}")
                yield (host, False, f"`verso stream` failed on a probe record: {reason[:300]}")
                return
            yield (host, True, text)
        except (OSError, subprocess.SubprocessError) as e:
            yield (host, False, f"{type(e).__name__}: {e}")

    results = sc.parallelize(range(slots), slots).mapPartitions(probe).collect()
    bad = sorted({(host, text) for host, ok, text in results if not ok})
    if bad:
        lines = "\n".join(f"  {host}: {text}" for host, text in bad)
        sys.exit(f"spark_align: error: verso is not runnable on the workers as {verso!r}:\n{lines}\n"
                 "Put the binary and its three Verso_*.resources folders side by side on every worker "
                 "(a shared path, the container image, or spark-submit --archives verso.tgz#verso with "
                 "--verso ./verso/verso), built for the workers' system (same distribution; ICU 72, "
                 "libxml2 and zlib installed there).")
    return sorted({text for _, _, text in results})


def bead_schema():
    from pyspark.sql.types import (ArrayType, DoubleType, IntegerType, StringType, StructField, StructType)
    flag = StructType([StructField(name, StringType()) for name in ("code", "severity", "message", "side", "category", "suggestion")]
                      + [StructField("span", ArrayType(IntegerType()))])
    return StructType([
        StructField("document", StringType()),
        StructField("source", ArrayType(StringType())), StructField("target", ArrayType(StringType())),
        StructField("source_index", ArrayType(IntegerType())), StructField("target_index", ArrayType(IntegerType())),
        StructField("score", DoubleType()), StructField("flags", ArrayType(flag)),
    ])


def kind(line):
    """bead, summary or error, from the line's fixed shape (bead lines start with the source)."""
    if line.startswith('{"source": '):
        return "bead"
    return "summary" if '"summary": {' in line[:2000] and '"error": ' not in line[:2000] else "error"


def main(argv):
    args = parse_arguments(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    if os.path.exists(args.output):
        if not args.overwrite:
            sys.exit(f"spark_align: error: {args.output} exists (remove it or pass --overwrite)")
        import shutil
        shutil.rmtree(args.output)
    builder = SparkSession.builder.master(args.master).appName("verso-stream").config("spark.ui.showConsoleProgress", "false")
    if args.executor_memory:
        builder = builder.config("spark.executor.memory", args.executor_memory)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    started = time.time()

    verso = verso_path(args.verso)
    versions = check_workers(sc, verso, max(sc.defaultParallelism, 1))
    print(f"spark_align: workers run {'; '.join(versions)}", file=sys.stderr)

    command = [verso, "stream", "--jobs", str(args.jobs)] + args.verso_args
    if args.summaries:
        command.append("--summaries")
    pairs = sc.textFile(args.input, args.partitions) if args.partitions else sc.textFile(args.input)
    # rdd.pipe gives the child an empty environment unless told; verso needs only a UTF-8 locale.
    out = pairs.pipe(shlex.join(command), env={"LC_ALL": "C.UTF-8"}, checkCode=True)
    out = out.map(lambda line: (kind(line), line)).persist(StorageLevel.MEMORY_AND_DISK)

    beads = out.filter(lambda kv: kv[0] == "bead").map(lambda kv: kv[1])
    beads.saveAsTextFile(os.path.join(args.output, "beads"))
    errors = out.filter(lambda kv: kv[0] == "error").map(lambda kv: kv[1])
    errors.saveAsTextFile(os.path.join(args.output, "errors"))
    if args.summaries:
        out.filter(lambda kv: kv[0] == "summary").map(lambda kv: kv[1]).saveAsTextFile(os.path.join(args.output, "summaries"))
    if args.parquet:
        spark.read.json(beads, schema=bead_schema()).write.parquet(os.path.join(args.output, "beads.parquet"))

    counts = dict(out.map(lambda kv: (kv[0], 1)).reduceByKey(lambda a, b: a + b).collect())
    elapsed = time.time() - started
    print(f"spark_align: {counts.get('bead', 0)} bead(s), {counts.get('summary', 0)} summary line(s), "
          f"{counts.get('error', 0)} bad record(s) in {pairs.getNumPartitions()} partition(s), "
          f"{elapsed:.1f} s -> {args.output}", file=sys.stderr)
    for line in errors.take(5):
        print(f"spark_align: bad record: {line}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
