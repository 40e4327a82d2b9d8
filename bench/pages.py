"""Page-serving benchmark: Masthead's pages under load, against nginx serving the same HTML.

Loads the demo publication into a fresh SQLite database in a temporary folder, starts
`masthead serve` (granian or gunicorn) on a free loopback port, saves each page's HTML to a
folder that nginx serves on another loopback port, and puts the same nginx, configured as
docs/deploy.md says (proxy_cache), in front of Masthead on a third port. wrk runs against all
three in the same run so the machine's noise affects them alike. Prints a Markdown table to
paste into bench/RESULTS.md.

    .venv/bin/python bench/pages.py --duration 8 --connections 32
    .venv/bin/python bench/pages.py --redis-url redis://127.0.0.1:6379/9   # shared cache in Redis

Needs Debian's nginx and wrk (`apt-get install nginx-light wrk`). Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NGINX_CONF = """
{user}
worker_processes auto;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
    # The documented production front: nginx keeps Masthead's answers and serves them itself.
    proxy_cache_path {tmp}/proxy-cache keys_zone=masthead:10m max_size=1g inactive=10m;
    upstream masthead {{ server 127.0.0.1:{masthead_port}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{proxy_port};
        location / {{
            proxy_cache masthead;
            proxy_cache_key $host$uri$is_args$args;
            proxy_cache_valid 200 10m;
            proxy_cache_use_stale updating error timeout;
            proxy_cache_background_update on;
            proxy_cache_lock on;
            proxy_cache_revalidate on;
            proxy_cache_bypass $cookie_sessionid;
            proxy_no_cache $cookie_sessionid;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_pass http://masthead;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def wrk(url: str, duration: int, connections: int, threads: int) -> tuple[float, str]:
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
    p99 = re.search(r"99%\s+([\d.]+\w+)", output)
    return rps, p99.group(1) if p99 else "?"


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (gunicorn master and workers)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        status = Path(f"/proc/{each}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            total += int(match.group(1)) if match else 0
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--server", choices=("granian", "gunicorn"), default="granian")
    parser.add_argument("--redis-url", default="", help="REDIS_URL for the served site")
    parser.add_argument(
        "--page-cache-seconds",
        type=int,
        default=600,
        help="MASTHEAD_PAGE_CACHE_SECONDS for the served site; 0 measures every page rendered",
    )
    args = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install nginx-light wrk")

    tmp = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    env = {**os.environ, "MASTHEAD_DATA_DIR": str(tmp / "var"), "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    masthead = [sys.executable, "-m", "masthead.cli"]
    port = free_port()
    env["PORT"] = str(port)
    env["MASTHEAD_PAGE_CACHE_SECONDS"] = str(args.page_cache_seconds)
    for step in (
        ["migrate", "--no-input", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
        ["load-demo"],
    ):
        subprocess.run([*masthead, *step], env=env, check=True, stdout=subprocess.DEVNULL)

    server = subprocess.Popen(
        [
            *masthead,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--server",
            args.server,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "server.log").open("wb"),
    )
    nginx_port, proxy_port = free_port(), free_port()
    (tmp / "html").mkdir()
    (tmp / "nginx.conf").write_text(
        NGINX_CONF.format(
            # Started as root, nginx's workers would otherwise run as nobody, locked out of tmp.
            user="user root;" if os.geteuid() == 0 else "",
            tmp=tmp,
            port=nginx_port,
            masthead_port=port,
            proxy_port=proxy_port,
        )
    )
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    nginx = subprocess.Popen([nginx_binary, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)])
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/healthz")
        article_url = (
            subprocess.run(
                [
                    *masthead,
                    "shell",
                    "-c",
                    "from masthead.news.models import ArticlePage; "
                    "print(ArticlePage.objects.live().order_by('-published_at').first().url)",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        pages = {
            "home": "/",
            "article": article_url,
            "region": "/regions/europe/",
            "home /pt/": "/pt/",
            "region /pt/": "/pt/regions/europe/",
            "feed (RSS)": "/feed/rss/",
        }
        rows = []
        for name, path in pages.items():
            started = time.perf_counter()
            with urllib.request.urlopen(base + path) as reply:  # a cold render (cache empty)
                html = reply.read()
            cold_ms = (time.perf_counter() - started) * 1000
            slug = re.sub(r"\W+", "-", name).strip("-")
            target = tmp / "html" / slug / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html)
            masthead_rps, masthead_p99 = wrk(
                base + path, args.duration, args.connections, args.threads
            )
            nginx_rps, nginx_p99 = wrk(
                f"http://127.0.0.1:{nginx_port}/{slug}/",
                args.duration,
                args.connections,
                args.threads,
            )
            urllib.request.urlopen(f"http://127.0.0.1:{proxy_port}{path}").read()
            proxy_rps, _proxy_p99 = wrk(
                f"http://127.0.0.1:{proxy_port}{path}",
                args.duration,
                args.connections,
                args.threads,
            )
            rows.append(
                (
                    name,
                    len(html),
                    cold_ms,
                    masthead_rps,
                    masthead_p99,
                    nginx_rps,
                    nginx_p99,
                    proxy_rps,
                )
            )
        memory = rss_mib(server.pid)
    except Exception:
        print((tmp / "server.log").read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        nginx.terminate()
        server.wait(timeout=30)
        nginx.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)

    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1) if match else cpu
    print(
        f"\nDate: {time.strftime('%Y-%m-%d')}; machine: {os.cpu_count()} cores, {cpu}, {platform.system()}"
    )
    print(
        f"Command: .venv/bin/python bench/pages.py --duration {args.duration} "
        f"--connections {args.connections} --workers {args.workers} --server {args.server} "
        f"--page-cache-seconds {args.page_cache_seconds}"
        + (f" --redis-url {args.redis_url}" if args.redis_url else "")
        + "\n"
    )
    print(
        "| page | HTML bytes | cold render (ms) | Masthead req/s | Masthead p99 | nginx file req/s "
        "| nginx p99 | Masthead / nginx | behind nginx req/s | behind nginx / nginx file |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, size, cold, m_rps, m_p99, n_rps, n_p99, p_rps in rows:
        print(
            f"| {name} | {size:,} | {cold:.0f} | {m_rps:,.0f} | {m_p99} | {n_rps:,.0f} | {n_p99} "
            f"| {m_rps / n_rps:.1%} | {p_rps:,.0f} | {p_rps / n_rps:.1%} |"
        )
    print(
        f"\nMemory of {args.server} ({args.workers} workers + parent) after the run: {memory:.0f} MiB"
    )


if __name__ == "__main__":
    main()
