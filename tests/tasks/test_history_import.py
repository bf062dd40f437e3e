"""Importing a trust's framework and labelled history in the admin, as staff do it: upload,
watch the progress, read the bad rows by line, and find the tagger retrained on them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import Pathway
from tasks import services
from tasks.models import HistoryExample, ImportJob, ImportStatus, TaggerVersion
from tests.feedback.factories import staff_user

pytestmark = pytest.mark.django_db

IMPORT = "/admin/tagging/import/"

FRAMEWORK = """code,kind,name,description,keywords
waiting-times,pathway,Waiting times,How long people wait for care,waiting list;waited months
staff-attitude,pathway,Staff attitude,How staff treat people,rude;kind staff
,pathway,No code,,
"""


def history(n: int = 12) -> str:
    rows = ["text,codes"]
    for i in range(n):
        rows.append(
            f'"I waited {i + 3} months on the waiting list for my appointment",waiting-times'
        )
        rows.append(f'"The receptionist was rude to my mum on visit {i}",staff-attitude')
    rows.append('"",waiting-times')  # no text
    rows.append('"The parking was full",parking')  # not in the taxonomy
    return "\n".join(rows) + "\n"


@pytest.fixture
def officer(client, django_user_model):
    user = staff_user(django_user_model)
    client.force_login(user)
    return user


def upload(client, kind: str, content: str, name: str = "file.csv"):
    return client.post(
        IMPORT,
        {"kind": kind, "file": SimpleUploadedFile(name, content.encode(), "text/csv")},
    )


def test_framework_then_history_import_in_the_background_and_retrain(
    client, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = upload(client, "framework", FRAMEWORK, "framework.csv")
    job = ImportJob.objects.get(kind="framework")
    assert answer["Location"] == f"/admin/tagging/import/{job.pk}/"
    assert set(Pathway.objects.values_list("code", flat=True)) >= {
        "waiting-times",
        "staff-attitude",
    }
    page = client.get(answer["Location"]).content.decode()
    assert "Finished" in page or "finished" in page
    assert "<td>4</td>" in page  # the row with no code, by its line

    with django_capture_on_commit_callbacks(execute=True):
        answer = upload(client, "history", history(), "fft.csv")
    job = ImportJob.objects.get(kind="history")
    assert (job.status, job.imported, job.total, job.source) == (ImportStatus.DONE, 24, 24, "")
    assert [e["line"] for e in job.errors] == [26, 27]
    assert "parking is not in the taxonomy" in job.errors[1]["message"]
    page = client.get(answer["Location"]).content.decode()
    assert 'value="100"' in page and "24 rows imported, 2 skipped" in page
    assert "<td>27</td>" in page and "parking" in page
    assert HistoryExample.objects.count() == 24

    current = TaggerVersion.objects.get(is_current=True)
    assert "import" in current.reason
    tagger = services.tagger_current()
    codes = {s.code for s in tagger.predict("we waited months on the waiting list again")}
    assert "waiting-times" in codes
    listing = client.get(IMPORT).content.decode()
    assert "fft.csv" in listing and "framework.csv" in listing


def test_a_queued_import_shows_progress_and_refreshes_until_it_finishes(
    client, officer, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "history", history(2))
    job = ImportJob.objects.get()
    assert queued == [("everyvoice.import_history", (job.pk,))]
    page = client.get(f"/admin/tagging/import/{job.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "<progress" in page and "waiting to start" in page


def test_bad_files_get_a_clear_error_and_nothing_is_queued(client, officer, queued):
    bad = client.post(
        IMPORT,
        {"kind": "history", "file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00bad", "text/csv")},
    )
    assert bad.status_code == 200 and "CSV UTF-8" in bad.content.decode()
    too_big = SimpleUploadedFile("big.csv", b"text,codes\n" + b"x" * 10_000_001)
    big = client.post(IMPORT, {"kind": "history", "file": too_big})
    assert "over 10 MB" in big.content.decode()
    assert not ImportJob.objects.exists() and not queued


def test_a_history_without_the_right_header_is_refused_by_line(client, officer):
    job = ImportJob.objects.create(kind="history", source="comment,label\nhello,x\n")
    services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.errors == [
        {"line": 1, "message": "The first line must name the columns text,codes."}
    ]
    # Running the same job again (a redelivery) changes nothing.
    services.import_job_run(job_id=job.pk)
    assert ImportJob.objects.get(pk=job.pk).errors == job.errors


def test_only_reviewers_may_import(client, django_user_model):
    from cms.roles import Role

    client.force_login(staff_user(django_user_model, role=Role.EDITOR, username="ed"))
    assert client.get(IMPORT)["Location"] == "/admin/"
    assert upload(client, "history", history(1))["Location"] == "/admin/"
    assert not ImportJob.objects.exists()
