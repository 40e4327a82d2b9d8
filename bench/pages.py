"""Page-serving benchmark: Masthead's pages under load, against nginx serving the same HTML.

Loads the demo publication into a fresh SQLite database in a temporary folder (and translates
the benchmark's article into Portuguese), starts `masthead serve` (granian or gunicorn) on a
free loopback port, saves each page's HTML to a folder that nginx serves on other loopback
ports (the references: see ``--references``), and puts the same nginx, configured exactly as
docs/deploy.md says (the configuration is read from the guide; see bench/nginx_front.py), in
front of Masthead on one more port. wrk runs against them all in turn, ``--rounds`` times each, in the same run, so the machine's noise
affects them alike; each figure is the median of the rounds. nginx's access log (the guide's
format, with ``$upstream_cache_status``) tells how many requests nginx answered from its cache.
Each run also reads the servers' CPU time (Masthead's processes, nginx's workers) before and
after it: CPU per request is the figure a shared, busy machine does not distort, where
requests per second depend on the share of the two cores each process gets.
Prints Markdown tables to paste into bench/RESULTS.md, with the load average for each page.

    .venv/bin/python bench/pages.py --duration 5 --connections 32 --rounds 3
    .venv/bin/python bench/pages.py --redis-url redis://127.0.0.1:6379/11   # shared cache in Redis

Needs Debian's nginx, its cache purge and brotli modules and wrk (`apt-get install nginx
libnginx-mod-http-cache-purge libnginx-mod-http-brotli-static wrk`). Traffic goes to 127.0.0.1
only.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from nginx_front import Front, free_port

ROOT = Path(__file__).resolve().parent.parent


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int, connections: int, threads: int) -> tuple[float, float, int]:
    """Requests per second, the 99th percentile latency in ms and the number of requests."""
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses under load\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return rps, float(value) * _UNITS_MS[unit], requests


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants (a server's parent and its workers, which granian
    starts from a thread of its own: every thread's children are read)."""
    pids, index = [pid], 0
    while index < len(pids):
        for children in Path(f"/proc/{pids[index]}/task").glob("*/children"):
            try:
                pids += [int(child) for child in children.read_text().split()]
            except OSError:  # the thread ended meanwhile
                continue
        index += 1
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far.

    CPU time per request is the figure a busy machine does not distort: requests per second
    depend on what share of the cores each process gets, CPU per request on the work done."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (the server's parent and workers)."""
    total = 0
    for each in process_tree(pid):
        status = Path(f"/proc/{each}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            total += int(match.group(1)) if match else 0
    return total / 1024


def masthead_output(masthead: list[str], env: dict[str, str], code: str) -> str:
    return (
        subprocess.run(
            [*masthead, "shell", "-c", code], env=env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )


def prepare_site(masthead: list[str], env: dict[str, str]) -> str:
    """The demo publication, with the newest article readers may read translated into
    Portuguese; its slug (the newest live one is the embargoed briefing behind a password,
    which is never cached)."""
    for step in (
        ["migrate", "--no-input", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
        ["load-demo"],
    ):
        subprocess.run([*masthead, *step], env=env, check=True, stdout=subprocess.DEVNULL)
    slug = masthead_output(
        masthead,
        env,
        "from masthead.news.selectors import readable_articles; "
        "print(readable_articles().order_by('-published_at').first().slug)",
    )
    subprocess.run(
        [*masthead, "translate", "article", slug, "--lang", "pt"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return slug


def load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per URL and server")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--server", choices=("granian", "gunicorn"), default="granian")
    parser.add_argument("--redis-url", default="", help="REDIS_URL for the served site")
    parser.add_argument(
        "--page-cache-seconds",
        type=int,
        default=600,
        help="MASTHEAD_PAGE_CACHE_SECONDS for the served site; 0 measures every page rendered",
    )
    parser.add_argument(
        "--references",
        default="same,stock,plain",
        help="the nginx static servers to measure against, comma-separated: 'same' answers as "
        "the documented front answers from a page file (the same headers, charset, compressed "
        "copies and access log: the same response); 'stock' is Debian's default site (nginx as "
        "installed: its access log, no headers added); 'plain' adds no headers and logs nothing",
    )
    args = parser.parse_args()
    references = tuple(name for name in args.references.split(",") if name)
    unknown = set(references) - {"same", "stock", "plain"}
    if unknown or not references:
        parser.error(f"--references: choose from same, stock, plain (not {', '.join(unknown)})")
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install nginx wrk")

    tmp = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    env = {**os.environ, "MASTHEAD_DATA_DIR": str(tmp / "var"), "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["MASTHEAD_TRANSLATION_LANGUAGES"] = "pt"
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    masthead = [sys.executable, "-m", "masthead.cli"]
    port = free_port()
    env["PORT"] = str(port)
    env["MASTHEAD_PAGE_CACHE_SECONDS"] = str(args.page_cache_seconds)
    front = Front.on_free_ports(tmp / "nginx", port, references=references)
    # As docs/deploy.md sets it up: Masthead writes page files for nginx, knows readers'
    # address (the front's: page files are written for the sites' hosts only).
    env["MASTHEAD_PAGE_FILES_DIR"] = str(front.page_files)
    env["MASTHEAD_BASE_URL"] = f"http://127.0.0.1:{front.front_port}"
    slug = prepare_site(masthead, env)

    serve = ["serve", "--port", str(port), "--workers", str(args.workers), "--server", args.server]
    server = subprocess.Popen(
        [*masthead, *serve],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "server.log").open("wb"),
    )
    front.start()
    rows = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/healthz", timeout=300)  # minutes on a busy machine
        pages = {
            "home": "/",
            "article": f"/articles/{slug}/",
            "region": "/regions/europe/",
            "home /pt/": "/pt/",
            "article /pt/": f"/pt/articles/{slug}/",
            "region /pt/": "/pt/regions/europe/",
            "feed (RSS)": "/feed/rss/",
        }
        for name, path in pages.items():
            started = time.perf_counter()
            with urllib.request.urlopen(base + path) as reply:  # a cold render (cache empty)
                html = reply.read()
            cold_ms = (time.perf_counter() - started) * 1000
            slug_of_page = re.sub(r"\W+", "-", name).strip("-")
            target = front.html / slug_of_page / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html)
            urls = {
                "masthead": base + path,
                "front": f"http://127.0.0.1:{front.front_port}{path}",
            } | {
                name: f"http://127.0.0.1:{reference_port}/{slug_of_page}/"
                for name, reference_port in front.reference_ports.items()
            }
            for url in urls.values():
                with urllib.request.urlopen(url) as reply:  # each fills its cache once
                    reply.read()
            # Masthead's own processes serve its URL; nginx's workers the others (the front
            # answers from its files: Masthead sees only the warm-up request).
            nginx_processes = process_tree(front.process.pid)
            servers = {key: nginx_processes for key in urls} | {
                "masthead": process_tree(server.pid)
            }
            results: dict[str, list[tuple[float, float, float]]] = {key: [] for key in urls}
            for _ in range(args.rounds):
                for key, url in urls.items():
                    before = cpu_seconds(servers[key])
                    rps, p99, requests = wrk(url, args.duration, args.connections, args.threads)
                    cpu_us = (cpu_seconds(servers[key]) - before) / requests * 1e6
                    results[key].append((rps, p99, cpu_us))
            median = {
                key: tuple(statistics.median(run[i] for run in runs) for i in range(3))
                for key, runs in results.items()
            }
            rows.append((name, path, len(html), cold_ms, median, load()))
        memory = rss_mib(server.pid)
    except Exception:
        print((tmp / "server.log").read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        front.stop()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    states = front.cache_states()
    shutil.rmtree(tmp, ignore_errors=True)

    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1) if match else cpu
    print(
        f"\nDate: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: "
        f"{os.cpu_count()} cores, {cpu}, {platform.system()}"
    )
    print(
        f"Command: .venv/bin/python bench/pages.py --duration {args.duration} "
        f"--connections {args.connections} --rounds {args.rounds} --workers {args.workers} "
        f"--server {args.server} --page-cache-seconds {args.page_cache_seconds} "
        f"--references {','.join(references)}"
        + (f" --redis-url {args.redis_url}" if args.redis_url else "")
        + "\n"
    )
    print(
        "| page | HTML bytes | cold render (ms) | Masthead req/s (p99) | behind nginx req/s (p99) "
        + "".join(f"| nginx {name} req/s (p99) " for name in references)
        + "".join(f"| Masthead / {name} " for name in references)
        + "".join(f"| behind nginx / {name} " for name in references)
        + "| answered by nginx (file or cache) "
        + f"| server CPU per request, µs (Masthead / behind nginx / {' / '.join(references)}) "
        + "| load average (1/5/15 min) |"
    )
    print("|---" * (7 + 3 * len(references)) + "|")
    for name, path, size, cold, median, load_average in rows:
        counts = states.get(path, {})
        served = sum(counts.values())
        # HIT: from nginx's cache; "-": no upstream, a page file.
        hits = counts.get("HIT", 0) + counts.get("-", 0)

        def rate(key: str, median: dict = median) -> str:
            return f"{median[key][0]:,.0f} ({median[key][1]:.1f} ms)"

        print(
            f"| {name} | {size:,} | {cold:.0f} | {rate('masthead')} | {rate('front')} "
            + "".join(f"| {rate(ref)} " for ref in references)
            + "".join(f"| {median['masthead'][0] / median[ref][0]:.0%} " for ref in references)
            + "".join(f"| **{median['front'][0] / median[ref][0]:.0%}** " for ref in references)
            + f"| {hits / served if served else 0:.3%} ({served - hits} reached Masthead) "
            + f"| {' / '.join(f'{median[key][2]:.0f}' for key in ('masthead', 'front', *references))} "
            + f"| {load_average} |"
        )
    print(
        f"\nMemory of {args.server} ({args.workers} workers + parent) after the run: {memory:.0f} MiB"
    )


if __name__ == "__main__":
    main()
