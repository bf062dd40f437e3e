"""CSV and XLSX exports: responses with tags for the engagement team, suppressed aggregates for
collaboratives, and big exports as a background job only its owner can download."""

import csv
import io

import pytest
from openpyxl import load_workbook

from cms.models import AuditEvent
from insight import services
from insight.models import ExportJob, ExportStatus
from tests.feedback.factories import staff_user

from .factories import tagged_response

pytestmark = pytest.mark.django_db


def _data(world):
    for _ in range(7):
        tagged_response(world.survey, "pledge-t9", voice="self", area="leicester")
    tagged_response(
        world.survey, "pledge-t9", voice="carer", area="rutland", text="=HYPERLINK(evil) words"
    )


def _xlsx_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_engagement_csv_has_responses_with_tags_voice_and_channel(client, world):
    _data(world)
    client.force_login(world.staff)
    response = client.post("/insight/exports/responses/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["kind", "reference", "consultation"]
    assert len(body) == 8
    carer = next(r for r in body if r[header.index("voice")] == "Family carers")
    assert carer[header.index("channel")] == "Online"
    assert carer[header.index("tags")] == "pledge-t9 (suggested 0.90)"
    assert carer[header.index("words")] == "'=HYPERLINK(evil) words"  # no formula injection
    assert AuditEvent.objects.filter(action="export_responses", user=world.staff).exists()


def test_engagement_xlsx_opens_with_the_same_rows(client, world):
    _data(world)
    client.force_login(world.staff)
    response = client.post("/insight/exports/responses/", {"format": "xlsx"})
    rows = _xlsx_rows(response.content)
    assert rows[0][0] == "kind" and len(rows) == 9


def test_collaborative_xlsx_is_aggregates_only_and_suppressed(client, world, monkeypatch):
    # The cell key hangs on record ids, which PostgreSQL does not reuse between tests: pin
    # every offset to 0 (plain rounding down) so the figures below are certain. The key
    # itself is tested in test_suppression.py and the attack suite.
    monkeypatch.setattr("insight.suppression.cell_key", lambda *a, **k: 0)
    _data(world)
    client.force_login(world.member)
    response = client.post("/insight/exports/aggregates/", {"format": "xlsx"})
    assert response.status_code == 200
    rows = _xlsx_rows(response.content)
    assert rows[0] == ["code", "pledge or pathway", "measure", "category", "count", "note"]
    codes = {r[0] for r in rows[1:]}
    assert codes == {"pledge-t9"}  # not the other collaborative's pledge
    by = {(r[2], r[3]): r[4] for r in rows[1:]}
    assert by[("total", "responses and contributions")] == 5  # 8, rounded down by offset 0
    assert by[("voice", "Family carers")] == "fewer than 5"
    assert by[("area", "Rutland")] == "fewer than 5"
    numbers = [r[4] for r in rows[1:] if isinstance(r[4], int)]
    assert all(n % 5 == 0 for n in numbers)
    assert all("HYPERLINK" not in str(c) for r in rows for c in r)  # no words at all
    assert AuditEvent.objects.filter(action="export_aggregates", user=world.member).exists()


def test_collaborative_csv_matches_the_page(client, world):
    _data(world)
    client.force_login(world.member)
    page = client.get("/insight/pledge-t9/").context["insight"]
    response = client.post("/insight/exports/aggregates/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    voices = {r[3]: r[4] for r in rows if r[2] == "voice"}
    assert voices == {r.label: r.shown.text for r in page.voices}


def test_big_export_runs_in_the_background_for_its_owner_only(
    client, world, django_user_model, monkeypatch, django_capture_on_commit_callbacks
):
    _data(world)
    monkeypatch.setattr(services, "EXPORT_SYNC_LIMIT", 3)
    client.force_login(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/insight/exports/responses/", {"format": "csv"})
    job = ExportJob.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/insight/exports/job/{job.pk}/"
    )
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.total == job.done == 8
    page = client.get(f"/insight/exports/job/{job.pk}/").content.decode()
    assert "Download the file" in page
    download = client.get(f"/insight/exports/job/{job.pk}/download/")
    assert download.status_code == 200
    assert b"pledge-t9" in b"".join(download.streaming_content)

    colleague = staff_user(django_user_model, username="colleague")
    client.force_login(colleague)
    assert client.get(f"/insight/exports/job/{job.pk}/").status_code == 404
    assert client.get(f"/insight/exports/job/{job.pk}/download/").status_code == 404
