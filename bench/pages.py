"""Public pages against /healthz on the same stack: requests a second, and their ratio.

Makes a throwaway PostgreSQL database, migrates it, loads the demo, collects static files and
starts gunicorn (``--workers``, 2 by default) on ``cms.settings.production`` with Redis as the
cache. Then, for each public page and for ``/healthz``, ``wrk -t2 -c10 -d<seconds>s`` (or, if
wrk is not installed, a Python client with 10 threads) measures requests a second as an
anonymous reader (no cookies). ``ratio`` is a page's rate over /healthz's rate. With
``--uncached`` it does the same again with the public page cache off
(``EVERYVOICE_PAGE_CACHE_SECONDS=0``), for comparison. Prints one JSON object, stops gunicorn
and drops the database. Target (issue #12): every page at least 20% of /healthz.

    .venv/bin/python bench/pages.py [--seconds 10] [--uncached]

``apt-get install -y wrk`` installs wrk. Settings as in bench/load.py: production over plain
HTTP on loopback (``DJANGO_SECURE_COOKIES=false``, ``DJANGO_SECURE_SSL_REDIRECT=false``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import ROOT, VENV_BIN, free_port, manage, psql, wait_http

PAGES = {
    "home": "/",
    "consultation": "/have-your-say/annual-health-checks/",
    "plan summary": "/our-plan/",
    "you said, we did": "/have-your-say/annual-health-checks/you-said-we-did/",
    "standard page": "/accessibility/",
}
WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def wrk_rate(url: str, seconds: float) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c10", f"-d{int(seconds)}s", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if errors := WRK_ERRORS.search(out):
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return float(WRK_RATE.search(out).group(1))


def python_rate(url: str, seconds: float, connections: int = 10) -> float:
    """Fallback without wrk: 10 threads, each with its own keep-alive connection."""
    count, lock = [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def run() -> None:
        session, done = requests.Session(), 0
        while time.monotonic() < deadline:
            response = session.get(url, timeout=30)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code}")
            done += 1
        with lock:
            count[0] += done

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count[0] / seconds


def measure(base: str, seconds: float) -> dict:
    rate = wrk_rate if shutil.which("wrk") else python_rate
    for path in PAGES.values():  # each page once first: it must exist and answer 200
        response = requests.get(base + path, timeout=30)
        response.raise_for_status()
    healthz = rate(base + "/healthz", seconds)
    pages = {}
    for name, path in PAGES.items():
        pages[name] = round(rate(base + path, seconds), 1)
    return {
        "healthz_per_second": round(healthz, 1),
        "pages_per_second": pages,
        "ratio": {name: round(r / healthz, 3) for name, r in pages.items()},
        "cache": {
            name: requests.get(base + path, timeout=30).headers.get("X-Everyvoice-Cache", "none")
            for name, path in PAGES.items()
        },
    }


def serve(env: dict, port: int, workers: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "cms.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--timeout=60",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    wait_http(f"http://127.0.0.1:{port}/healthz", timeout=60)
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--uncached", action="store_true", help="also measure with it off")
    args = parser.parse_args()

    db_name = f"everyvoice_pages_{os.getpid()}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    scratch = Path(f"/tmp/everyvoice-pages-{os.getpid()}")  # noqa: S108
    scratch.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(scratch / "static"),
        "DJANGO_SECRET_KEY": "bench-only-dummy-secret-key-" + "x" * 32,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db_name}",
        "REDIS_URL": args.redis_url,
        "CELERY_BROKER_URL": args.redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "true",  # load_demo tags its answers in-process
    }
    psql(f'CREATE DATABASE "{db_name}"')
    result: dict = {"workers": args.workers, "seconds": args.seconds}
    result["client"] = "wrk -t2 -c10" if shutil.which("wrk") else "python, 10 connections"
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
        proc = serve(env, port, args.workers, scratch / "gunicorn.log")
        try:
            result["cached"] = measure(base, args.seconds)
        finally:
            stop(proc)
        if args.uncached:
            proc = serve(
                {**env, "EVERYVOICE_PAGE_CACHE_SECONDS": "0"},
                port,
                args.workers,
                scratch / "gunicorn.log",
            )
            try:
                result["uncached"] = measure(base, args.seconds)
            finally:
                stop(proc)
        ratios = result["cached"]["ratio"].values()
        result["all_at_least_20_percent"] = all(r >= 0.2 for r in ratios)
        print(json.dumps(result, indent=2))
    finally:
        psql(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
