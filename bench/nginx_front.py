"""The nginx configuration docs/deploy.md documents, made runnable on loopback ports.

The benchmark (bench/pages.py) and the tests of nginx in front of Masthead
(masthead/server/tests/test_nginx_front.py) take the configuration from the ``nginx`` block of
the deployment guide itself and change only addresses, ports and folders, each replacement
checked, so what they measure and test is what an operator copies.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY_GUIDE = ROOT / "docs" / "deploy.md"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
BROTLI_STATIC_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
_SECTION = "## 4. nginx in front"


def documented_config(guide: Path = DEPLOY_GUIDE) -> str:
    """The text of the ``nginx`` code block in the guide's section on nginx."""
    text = guide.read_text()
    section = text[text.index(_SECTION) :]
    match = re.search(r"```nginx\n(.*?)```", section, re.DOTALL)
    if match is None:
        raise ValueError(f"no nginx block under {_SECTION!r} in {guide}")
    return match.group(1)


def documented_purge_ports(guide: Path = DEPLOY_GUIDE) -> list[int]:
    """The purge ports the guide's MASTHEAD_FRONTEND_CACHE example names, in its order."""
    text = guide.read_text()
    section = text[text.index(_SECTION) :]
    example = re.search(r"MASTHEAD_FRONTEND_CACHE='([^']+)'", section)
    if example is None:
        raise ValueError("no MASTHEAD_FRONTEND_CACHE example in the nginx section")
    return [int(port) for port in re.findall(r"http://127\.0\.0\.1:(\d+)", example.group(1))]


def documented_frontend_cache(purge_ports: dict[int, int], guide: Path = DEPLOY_GUIDE) -> str:
    """The guide's MASTHEAD_FRONTEND_CACHE value with its purge ports moved to ``purge_ports``
    (documented port -> local port)."""
    text = guide.read_text()
    section = text[text.index(_SECTION) :]
    value = re.search(r"MASTHEAD_FRONTEND_CACHE='([^']+)'", section).group(1)
    for documented, local in purge_ports.items():
        value = _replace(value, f"127.0.0.1:{documented}", f"127.0.0.1:{local}")
    return value


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"the documented nginx configuration no longer contains {old!r}")
    return text.replace(old, new)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Front:
    """A local nginx: the documented front of Masthead and, optionally, a static file server
    (the benchmark's reference) in the same process."""

    folder: Path
    masthead_port: int
    front_port: int
    purge_ports: dict[int, int]  # documented port -> local port
    # The benchmark's references, each an nginx server answering the same pages as files from
    # `html`, by name: "same" answers as the front's page-files location does (its headers,
    # charset, compressed copies and access log: the same response from a file); "stock" is
    # Debian's default site (its try_files and index, an unbuffered access log in the combined
    # format, no headers added), nginx as installed; "plain" adds no headers and writes no log.
    reference_ports: dict[str, int] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @classmethod
    def on_free_ports(
        cls, folder: Path, masthead_port: int, *, references: tuple[str, ...] = ()
    ) -> Front:
        return cls(
            folder=folder,
            masthead_port=masthead_port,
            front_port=free_port(),
            purge_ports={port: free_port() for port in documented_purge_ports()},
            reference_ports={name: free_port() for name in references},
        )

    @property
    def log(self) -> Path:
        return self.folder / "front.log"

    @property
    def page_files(self) -> Path:
        """MASTHEAD_PAGE_FILES_DIR for a Masthead that this nginx fronts."""
        return self.folder / "var" / "pages"

    @property
    def html(self) -> Path:
        return self.folder / "html"

    @property
    def frontend_cache(self) -> str:
        """MASTHEAD_FRONTEND_CACHE for a Masthead that this nginx fronts."""
        return documented_frontend_cache(self.purge_ports)

    def front_config(self) -> str:
        config = documented_config()
        config = _replace(config, "listen 443 ssl http2;", f"listen 127.0.0.1:{self.front_port};")
        config = _replace(config, "/var/cache/nginx/masthead", str(self.folder / "proxy-cache"))
        config = _replace(
            config, "server 127.0.0.1:8000;", f"server 127.0.0.1:{self.masthead_port};"
        )
        config = _replace(config, "/var/log/nginx/masthead.log", str(self.log))
        config = _replace(config, "/srv/masthead/var/", str(self.folder / "var") + "/")
        for documented, local in self.purge_ports.items():
            config = _replace(
                config, f"listen 127.0.0.1:{documented};", f"listen 127.0.0.1:{local};"
            )
            config = re.sub(rf"(?m)^(\s+){documented}(\s)", rf"\g<1>{local}\g<2>", config)
        if not BROTLI_STATIC_MODULE.exists():
            # Without the module nginx serves the gzip or plain copy of a page file.
            config = _replace(config, "brotli_static on;", "")
        if not PURGE_MODULE.exists():
            # Without the module the purge server can't load; the front alone still runs.
            config = config[: config.index("# Purges from Masthead")]
        return config

    def file_answer(self) -> str:
        """How the documented front answers from a page file (its location's directives but
        where the file is and what else to try), and its access log, for the reference."""
        config = self.front_config()
        location = re.search(r"(?ms)^    location / \{\n(.*?)^    \}", config).group(1)
        kept = [
            line.strip()
            for line in location.splitlines()
            if line.strip()
            and not line.strip().startswith(("#", "root ", "try_files ", "error_page "))
        ]
        log = re.search(r"(?m)^\s*(access_log \S+ masthead [^;]*;)", config).group(1)
        log = log.replace(str(self.log), str(self.folder / "reference.log"))
        return "\n        ".join([log, *kept])

    def config(self) -> str:
        folder = self.folder
        static = "".join(
            f"""
    # A reference ({name}): the same pages as files.
    server {{
        listen 127.0.0.1:{port};
        root {self.html};
        {REFERENCES[name](self)}
    }}"""
            for name, port in self.reference_ports.items()
        )
        modules = "".join(
            f"load_module {module};\n"
            for module in (PURGE_MODULE, BROTLI_STATIC_MODULE)
            if module.exists()
        )
        return f"""{modules}
{"user root;" if _is_root() else ""}
worker_processes auto;
# As docs/deploy.md asks nginx.conf to have: the language map's regular expression compiled.
pcre_jit on;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    default_type text/html;
    # As Debian's nginx.conf sets them for every site, the front's and the references' alike.
    sendfile on;
    tcp_nopush on;
{self.front_config()}
{static}
}}
"""

    def start(self) -> Front:
        self.html.mkdir(parents=True, exist_ok=True)
        self.page_files.mkdir(parents=True, exist_ok=True)
        (self.folder / "nginx.conf").write_text(self.config())
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(
            [binary, "-c", str(self.folder / "nginx.conf"), "-p", str(self.folder)],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.front_port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen within 20 s")

    def stop(self) -> None:
        """Stop nginx; its buffered access log is written out as it quits."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def cache_states(self) -> dict[str, dict[str, int]]:
        """From the access log (after stop): per path, how many requests had each
        ``$upstream_cache_status`` (HIT: answered by nginx; anything else reached Masthead)."""
        states: dict[str, dict[str, int]] = {}
        if not self.log.exists():
            return states
        line = re.compile(r'"[A-Z]+ (\S+) [^"]*" .* cache=(\S*)$')
        for entry in self.log.read_text().splitlines():
            found = line.search(entry)
            if found:
                path, state = found.group(1), found.group(2) or "-"
                counts = states.setdefault(path, {})
                counts[state] = counts.get(state, 0) + 1
        return states


def _same_reference(front: Front) -> str:
    return f"""location / {{
        try_files $uri $uri/index.html =404;
        {front.file_answer()}
        }}"""


def _stock_reference(front: Front) -> str:
    # Debian's /etc/nginx/sites-available/default, with nginx.conf's access log.
    return f"""access_log {front.folder / "stock.log"};
        index index.html index.htm index.nginx-debian.html;
        location / {{ try_files $uri $uri/ =404; }}"""


def _plain_reference(front: Front) -> str:
    return """access_log off;
        location / { try_files $uri $uri/index.html =404; }"""


REFERENCES = {"same": _same_reference, "stock": _stock_reference, "plain": _plain_reference}


def _is_root() -> bool:
    import os

    # Started as root, nginx's workers would otherwise run as nobody, locked out of the folder.
    return os.geteuid() == 0
