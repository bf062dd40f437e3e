"""The bulk screen from the admin (issue #11): the safeguarding lead uploads a past export,
watches it screened in the background, reads the summary and downloads the result with the
command's columns; a bad file is refused naming its line; only leads get in; uploads,
downloads and deletions are audited; the files are private and go at their retention date."""

from __future__ import annotations

import csv
import html
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.functional import empty

from cms.models import AuditAction, AuditEvent
from cms.roles import Role
from feedback.storage import private_storage
from safeguarding import services
from safeguarding.models import SafeguardingFlag, ScreenJob, ScreenJobStatus
from safeguarding.screen import OUTPUT_COLUMNS
from tasks.retention import retention_apply
from tasks.sweep import run_sweepers
from tests.feedback.factories import staff_user
from tests.safeguarding.factories import submitted

pytestmark = pytest.mark.django_db

SCREEN = "/admin/safeguarding/screen/"
DISCLOSURE = "my carer hit me and i am scared to go home"
ORDINARY = [
    "the bus to the day centre is always late",
    "the staff were kind and the room was warm",
    "I would like easy read letters please",
]


@pytest.fixture(autouse=True)
def private(settings, tmp_path):
    """Private uploads in a folder of this test's own (the storage is set up lazily, once)."""
    settings.EVERYVOICE_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


@pytest.fixture
def lead(client, django_user_model):
    user = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    client.force_login(user)
    return user


def export_csv(rows: list[list[str]], header=("ref", "text", "voice")) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def upload(client, data: bytes, name: str = "past-export.csv"):
    return client.post(SCREEN, {"file": SimpleUploadedFile(name, data, "text/csv")})


def private_files(tmp_path) -> list[str]:
    root = tmp_path / "private"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def read_csv(content: bytes) -> tuple[list[str], list[dict[str, str]]]:
    text = content.decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_lead_screens_a_past_export_end_to_end(
    client, lead, private, django_capture_on_commit_callbacks
):
    page = client.get(SCREEN)
    assert page.status_code == 200
    assert "Screen a file for safeguarding" in page.content.decode()
    assert "Screen a file" in client.get("/admin/").content.decode()  # in the menu

    # A bad line: refused at once with an error summary naming the line; nothing is kept.
    rows = [["r1", ORDINARY[0], "self"], ["r2", DISCLOSURE, "self"]]
    bad = export_csv(rows) + b"r3,an unquoted, comma,self,extra\n"
    with django_capture_on_commit_callbacks(execute=True):
        refused = upload(client, bad)
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "<title>Error: Screen a file" in page
    assert "There is a problem" in page and 'href="#id_file"' in page
    assert "Line 4 of the file: this row has 5 cells but the header has 3" in page
    assert 'aria-invalid="true"' in page
    assert not ScreenJob.objects.exists() and private_files(private) == []

    # The fixed file: saved, queued on commit, screened (eager Celery), summarised.
    rows += [["r3", ORDINARY[1], "carer"], ["r4", ORDINARY[2], "self"]]
    with django_capture_on_commit_callbacks(execute=True):
        started = upload(client, export_csv(rows))
    job = ScreenJob.objects.get()
    assert started.status_code == 302
    assert started["Location"] == f"/admin/safeguarding/screen/{job.pk}/"
    assert (job.status, job.total, job.done, job.flagged, job.urgent) == (
        ScreenJobStatus.DONE, 4, 4, 1, 1,
    )  # fmt: skip
    assert job.created_by == lead and job.filename == "past-export.csv"
    page = client.get(started["Location"]).content.decode()
    assert "4 of 4 rows screened (100%)" in page and 'value="100"' in page
    assert "<strong>1</strong> of 4 rows flagged" in page
    assert "<strong>1</strong> urgent" in page and "<strong>0</strong> concern" in page
    assert 'http-equiv="refresh"' not in page and "screen-progress.js" not in page
    assert DISCLOSURE not in page  # counts only: the words are in the file

    got = client.get(f"/admin/safeguarding/screen/{job.pk}/download/")
    assert got.status_code == 200
    assert got["Content-Disposition"] == 'attachment; filename="past-export-screened.csv"'
    assert "no-store" in got["Cache-Control"]
    header, out = read_csv(b"".join(got.streaming_content))
    assert header == ["ref", "text", "voice", *OUTPUT_COLUMNS]
    assert [r["ref"] for r in out] == ["r1", "r2", "r3", "r4"]
    assert [r["text"] for r in out] == [ORDINARY[0], DISCLOSURE, ORDINARY[1], ORDINARY[2]]
    disclosure = out[1]
    assert (disclosure["flagged"], disclosure["severity"]) == ("yes", "urgent")
    assert "physical-abuse" in disclosure["categories"].split(";")
    assert disclosure["method"] in {"rules", "model", "both"}
    assert [r["flagged"] for r in out] == ["no", "yes", "no", "no"]
    # The same screen the app uses: what it says about each text, the file says too.
    for row in out:
        verdict = services.text_screen(row["text"])
        assert (row["severity"], row["score"]) == (verdict.severity or "", f"{verdict.score:.3f}")
    assert not SafeguardingFlag.objects.exists()  # reading back, not raising flags

    actions = list(
        AuditEvent.objects.filter(user=lead).order_by("at", "pk").values_list("action", "target")
    )
    assert actions == [
        (AuditAction.SCREEN_FILE, f"screen:{job.pk}"),
        (AuditAction.DOWNLOAD_SCREEN, f"screen:{job.pk}"),
    ]
    assert DISCLOSURE not in str(list(AuditEvent.objects.values_list("detail", flat=True)))

    listing = client.get(SCREEN).content.decode()
    assert f"Screen {job.pk}" in listing and "past-export.csv" in listing

    # Private: no public URL, and nothing under MEDIA_ROOT.
    assert len(private_files(private)) == 2
    assert not (private / "media").exists() or not list((private / "media").rglob("*.csv"))
    with pytest.raises(ValueError, match="no public URL"):
        job.result.url  # noqa: B018

    # Deleted by the lead: the files go, the counts stay, the download is gone; audited.
    deleted = client.post(f"/admin/safeguarding/screen/{job.pk}/delete/")
    assert deleted.status_code == 302 and deleted["Location"] == SCREEN
    job.refresh_from_db()
    assert job.deleted_at and not job.source and not job.result and job.urgent == 1
    assert private_files(private) == []
    assert client.get(f"/admin/safeguarding/screen/{job.pk}/download/").status_code == 404
    page = client.get(f"/admin/safeguarding/screen/{job.pk}/").content.decode()
    assert "were deleted on" in page
    assert AuditEvent.objects.filter(
        user=lead, action=AuditAction.DELETE_SCREEN, target=f"screen:{job.pk}"
    ).exists()


def test_the_engagement_teams_responses_export_is_screened_as_it_is(
    client, django_user_model, lead, django_capture_on_commit_callbacks
):
    """A real past export (insight's "responses with tags" CSV, texts in "words", a BOM)."""
    submitted(ORDINARY[0], DISCLOSURE)
    submitted(ORDINARY[1])
    officer = staff_user(django_user_model, role=Role.ENGAGEMENT, username="erin")
    client.force_login(officer)
    export = client.post("/insight/exports/responses/", {"format": "csv"})
    assert export.status_code == 200 and export.content.startswith(b"\xef\xbb\xbf")

    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, export.content, "everyvoice-responses.csv")
    job = ScreenJob.objects.get()
    assert (job.status, job.total, job.flagged, job.urgent) == ("done", 3, 1, 1)
    header, out = read_csv(client.get(f"/admin/safeguarding/screen/{job.pk}/download/").getvalue())
    assert header[-5:] == list(OUTPUT_COLUMNS) and "words" in header
    assert {r["words"]: r["severity"] for r in out} == {
        ORDINARY[0]: "",
        DISCLOSURE: "urgent",
        ORDINARY[1]: "",
    }


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "The file is empty: choose a CSV file with a header row."),
        (b"id,body\n1,hello\n", "Line 1 of the file: the header row has no 'text' column"),
        (b"id,text\n1,ok\n2,caf\xe9\n", "Line 3 of the file: this line is not UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa0\xff\n", "Line 1 of the file"),
    ],
)
def test_bad_files_are_refused_naming_the_line_and_nothing_is_kept(
    client, lead, private, queued, data, words
):
    refused = upload(client, data, "bad.csv")
    assert refused.status_code == 400
    assert words in html.unescape(refused.content.decode())
    assert not ScreenJob.objects.exists() and not queued and private_files(private) == []


def test_a_file_over_the_limit_is_refused_before_it_is_read(client, lead, private, queued):
    big = b"text\n" + b"x" * services.SCREEN_MAX_BYTES
    refused = upload(client, big, "big.csv")
    assert refused.status_code == 400
    assert "The file is over 10 MB: split it" in refused.content.decode()
    assert not ScreenJob.objects.exists() and not queued


@pytest.mark.parametrize(
    "role", [Role.ENGAGEMENT, Role.EDITOR, Role.ADMINISTRATOR], ids=lambda r: r.name
)
def test_only_safeguarding_leads_may_screen_or_download(client, django_user_model, role, lead):
    job = services.screen_job_create(
        upload=SimpleUploadedFile("x.csv", export_csv([["1", DISCLOSURE, "self"]])), user=lead
    )
    services.screen_job_run(job_id=job.pk)
    client.force_login(staff_user(django_user_model, role=role, username="other"))
    base = f"/admin/safeguarding/screen/{job.pk}/"
    for url in (SCREEN, base, base + "download/"):
        assert client.get(url)["Location"] == "/admin/", url  # Wagtail's "no permission"
    assert upload(client, export_csv([["2", "hello", "self"]]))["Location"] == "/admin/"
    assert client.post(base + "delete/")["Location"] == "/admin/"
    assert ScreenJob.objects.count() == 1 and ScreenJob.objects.get().result
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD_SCREEN).exists()
    assert "Screen a file" not in client.get("/admin/").content.decode()


def test_a_queued_screen_shows_progress_and_refreshes_politely(
    client, lead, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, export_csv([[str(i), ORDINARY[i % 3], "self"] for i in range(300)]))
    job = ScreenJob.objects.get()
    assert queued == [("everyvoice.safeguarding_screen_file", (job.pk,))]
    page = client.get(f"/admin/safeguarding/screen/{job.pk}/").content.decode()
    # Kept up to date in place by a script; without one, the page refreshes itself.
    assert "safeguarding/js/screen-progress.js" in page
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in page
    assert "Waiting to start: 0 of 300 rows screened (0%)" in page and 'role="status"' in page
    assert "Check progress now" in page and "Download" not in page
    part = client.get(f"/admin/safeguarding/screen/{job.pk}/?part=progress").content.decode()
    assert "<html" not in part and 'data-running="true"' in part and "0 of 300" in part
    assert client.get(f"/admin/safeguarding/screen/{job.pk}/download/").status_code == 404

    # Half-way (as the job reports progress per batch of 256 rows).
    ScreenJob.objects.filter(pk=job.pk).update(status=ScreenJobStatus.RUNNING, done=256)
    part = client.get(f"/admin/safeguarding/screen/{job.pk}/?part=progress").content.decode()
    assert "Screening: 256 of 300 rows screened (85%)" in part and 'value="85"' in part


def test_the_job_is_idempotent_and_a_lost_one_is_swept_up(lead, settings, private):
    settings.EVERYVOICE_SWEEP_AFTER_SECONDS = 0
    data = export_csv([["1", DISCLOSURE, "self"], ["2", ORDINARY[0], "self"]])
    with pytest.MonkeyPatch.context() as patch:  # the broker is down: the job is lost
        patch.setattr("cms.jobs.enqueue", lambda *a: False)
        job = services.screen_job_create(upload=SimpleUploadedFile("x.csv", data), user=lead)
    assert ScreenJob.objects.get(pk=job.pk).status == ScreenJobStatus.QUEUED

    assert run_sweepers() >= 1  # queued again, and (eager) screened
    job.refresh_from_db()
    assert (job.status, job.done, job.urgent, job.attempts) == ("done", 2, 1, 1)
    result = job.result.name

    services.screen_job_run(job_id=job.pk)  # redelivered: a finished job is left alone
    job.refresh_from_db()
    assert (job.result.name, job.attempts) == (result, 1)
    assert len(private_files(private)) == 2

    # A job killed mid-run is run again from its saved upload; its old result is replaced.
    ScreenJob.objects.filter(pk=job.pk).update(status=ScreenJobStatus.RUNNING, done=1)
    services.screen_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.attempts) == ("done", 2, 2)
    assert job.result.name != result and len(private_files(private)) == 2

    # One killed too often is stopped with a reason rather than run for ever.
    ScreenJob.objects.filter(pk=job.pk).update(status=ScreenJobStatus.RUNNING, attempts=3)
    services.screen_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ScreenJobStatus.FAILED and "split the file" in job.message


def test_retention_deletes_the_files_when_their_time_is_up(lead, settings, private):
    settings.SAFEGUARDING_SCREEN_KEEP_DAYS = 7
    data = export_csv([["1", DISCLOSURE, "self"]])
    old = services.screen_job_create(upload=SimpleUploadedFile("old.csv", data), user=lead)
    services.screen_job_run(job_id=old.pk)
    new = services.screen_job_create(upload=SimpleUploadedFile("new.csv", data), user=lead)
    services.screen_job_run(job_id=new.pk)
    assert new.expires_at - new.created_at >= timedelta(days=7) - timedelta(seconds=1)
    assert len(private_files(private)) == 4

    ScreenJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    run = retention_apply()
    assert {"safeguarding_screen_files_deleted": 1} in run.detail
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.deleted_at and not old.result and not old.source and old.urgent == 1
    assert new.deleted_at is None and new.downloadable
    assert len(private_files(private)) == 2
    # Idempotent: a second run finds nothing left to do.
    later = retention_apply()
    assert not [d for d in later.detail if "safeguarding_screen_files_deleted" in d]


def test_deleted_while_it_runs_keeps_nothing(lead, private, monkeypatch):
    data = export_csv([["1", DISCLOSURE, "self"]])
    job = services.screen_job_create(upload=SimpleUploadedFile("x.csv", data), user=lead)
    real = services.screen_texts

    def lead_deletes_meanwhile(texts, model=None):
        services.screen_job_delete(job_id=job.pk, user=lead)
        return real(texts, model)

    monkeypatch.setattr(services, "screen_texts", lead_deletes_meanwhile)
    services.screen_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.message) == (ScreenJobStatus.FAILED, "Deleted while it ran.")
    assert job.deleted_at and not job.result and private_files(private) == []
