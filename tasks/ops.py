"""Operational endpoints for load balancers and orchestrators.

``/healthz`` says the process is up and touches nothing. ``/readyz`` says whether the site can
do its work: the database answers and, when a broker is configured, the broker answers too.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from .models import WorkerHeartbeat


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means not ready; say which
        return f"database unavailable: {exc.__class__.__name__}"
    return None


def _check_broker() -> str | None:
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
        try:
            conn.ensure_connection(max_retries=1, timeout=2)
        except Exception as exc:
            return f"broker unavailable: {exc.__class__.__name__}"
    return None


def _last_worker_seen() -> str | None:
    beat = WorkerHeartbeat.objects.order_by("-seen_at").first()
    if beat is None:
        return None
    age = timezone.now() - beat.seen_at
    return f"{int(age / timedelta(seconds=1))}s ago"


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    problems: list[str] = []

    if db_problem := _check_database():
        problems.append(db_problem)
        checks["database"] = "unavailable"
    else:
        checks["database"] = "ok"

    if settings.CELERY_TASK_ALWAYS_EAGER or settings.CELERY_BROKER_URL.startswith("memory://"):
        checks["broker"] = "not configured: background jobs run in the web process"
    elif broker_problem := _check_broker():
        problems.append(broker_problem)
        checks["broker"] = "unavailable"
    else:
        checks["broker"] = "ok"

    if checks["database"] == "ok":
        checks["worker_last_seen"] = _last_worker_seen() or "never"

    status = 503 if problems else 200
    body = {"status": "unavailable" if problems else "ok", "checks": checks}
    if problems:
        body["reasons"] = problems
    return JsonResponse(body, status=status)
