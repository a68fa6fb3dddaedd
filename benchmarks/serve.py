"""``govindex serve`` measured beside ``govindex score`` as a process per request, in one run.

    python benchmarks/serve.py [--requests 200] [--workers 2] [--fuzz 5000]

1. Throughput: the 30 agencies of the 2017 data (the bundled published dataset as an assessment file)
   scored through the API by 4 clients on a server with ``--workers`` processes (median, p99, requests/s)
   against ``govindex score`` started once per request (the same file, the same JSON).
2. Mixed load: ``--requests`` concurrent requests (score, validate, publish, bad input): every answer is
   compared with the command line's (status and bytes); unexpected answers counted; peak memory (RSS) of
   the server processes.
3. Fuzz: ``--fuzz`` random bodies and headers: answers of 500 and hangs (no answer in 30 s) counted.

The last line is JSON with every figure.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from govindex.io import dump_assessments
from govindex.io.published import load_dataset

ROOT = Path(__file__).resolve().parents[1]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(url: str, body: bytes, kind: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers={"content-type": kind, **(headers or {})}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _rss(pid: int) -> int:
    """The resident memory of a process and its children, in kB (Linux /proc)."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fuzz", type=int, default=5000)
    parser.add_argument("--cli-runs", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    cohort = folder / "ca-nam-2017.yaml"
    cohort.write_text(dump_assessments(load_dataset("sonla-2017-it").assessments(), year=2017,
                                       rubric="sonla-2017-it"), encoding="utf-8")
    body = cohort.read_bytes()
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "govindex", "serve", "--port", str(port),
                               "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{base}/api/rubrics", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        expected = subprocess.run([sys.executable, "-m", "govindex", "score", "sonla-2017-it", str(cohort),
                                   "--format", "json"], capture_output=True, check=True).stdout
        # 1. the command line, a process per request
        cli_times = []
        for _ in range(args.cli_runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "govindex", "score", "sonla-2017-it", str(cohort),
                                  "--format", "json"], capture_output=True, check=True).stdout
            cli_times.append(time.perf_counter() - start)
            assert out == expected
        # 1. the API
        url = f"{base}/api/score?rubric=sonla-2017-it"
        count = max(100, args.requests)

        def timed(_: int) -> tuple[float, bool]:
            start = time.perf_counter()
            status, content = _call(url, body, "application/yaml")
            return time.perf_counter() - start, status == 200 and content == expected

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            api = list(pool.map(timed, range(count)))
        api_wall = time.perf_counter() - start
        api_times = [t for t, _ok in api]
        # 2. mixed concurrent load
        bad = b"agency,group,infrastructure\nx,provincial,99\n"
        publish = folder / "phu-luc.html"
        subprocess.run([sys.executable, "-m", "govindex", "publish", "sonla-2017-it", str(cohort), "--output",
                        str(publish)], check=True, capture_output=True)
        cases = [
            (url, body, "application/yaml", 200, expected),
            (f"{base}/api/publish?rubric=sonla-2017-it&format=html", body, "application/yaml", 200,
             publish.read_bytes()),
            (f"{base}/api/validate?rubric=sonla-2017-it", body, "application/yaml", 200, None),
            (url, bad, "text/csv", 422, None),
        ]
        peak = 0

        def mixed(i: int) -> bool:
            target, data, kind, status, content = cases[i % len(cases)]
            got, answer = _call(target, data, kind)
            return got == status and (content is None or answer == content)

        with concurrent.futures.ThreadPoolExecutor(args.requests) as pool:
            futures = [pool.submit(mixed, i) for i in range(args.requests)]
            while not all(f.done() for f in futures):
                peak = max(peak, _rss(server.pid))
                time.sleep(0.05)
            unexpected = sum(not f.result() for f in futures)
        # 3. fuzz
        rng = random.Random(2017)
        paths = ["/api/score", "/api/validate", "/api/explain", "/api/publish", "/api/reconcile"]
        kinds = ["text/csv", "application/json", "application/yaml", XLSX, "multipart/form-data; boundary=b", ""]
        errors = hangs = 0
        for _ in range(args.fuzz):
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
            query = f"?rubric={rng.choice(['sonla-2017-it', 'x', ''])}&format={rng.choice(['json', 'pdf', ''])}"
            try:
                status, _content = _call(base + rng.choice(paths) + query, data, rng.choice(kinds),
                                         {"accept-language": "".join(chr(rng.randrange(32, 127)) for _ in range(8))})
                errors += status >= 500
            except (TimeoutError, urllib.error.URLError):
                hangs += 1
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures = {
        "cli_median_s": round(statistics.median(cli_times), 4),
        "cli_requests_per_s": round(len(cli_times) / sum(cli_times), 2),
        "api_median_s": round(statistics.median(api_times), 4),
        "api_p99_s": round(_percentile(api_times, 0.99), 4),
        "api_requests_per_s": round(count / api_wall, 2),
        "api_answers_equal_cli": all(ok for _t, ok in api),
        "throughput_ratio": round((count / api_wall) / (len(cli_times) / sum(cli_times)), 1),
        "mixed_requests": args.requests,
        "mixed_unexpected": unexpected,
        "server_peak_rss_mb": round(peak / 1024, 1),
        "fuzz_cases": args.fuzz,
        "fuzz_500": errors,
        "fuzz_hangs": hangs,
        "workers": args.workers,
        "cores": os.cpu_count(),
    }
    for name, value in figures.items():
        print(f"{name:24} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
