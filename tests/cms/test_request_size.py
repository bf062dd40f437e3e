"""The request-size cap: an over-size body is refused before any of it is read."""

import pytest

from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post(client, path: str, length: int, **extra):
    return client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
        **extra,
    )


def test_the_issues_30_mb_post_is_refused_before_it_is_read(client):
    survey = survey_page()
    r = post(client, f"/survey/{survey.pk}/start/", 30 * MB)
    assert r.status_code == 413
    html = r.content.decode()
    assert "<title>What you sent is too big \u2013 Every Voice</title>" in html
    assert '<html lang="en-GB"' in html and "<h1>What you sent is too big</h1>" in html
    assert "We can take up to 11.0\xa0MB at a time." in html


@pytest.mark.parametrize(
    ("path", "length", "refused"),
    [
        ("/survey/1/question/q/", 10 * MB, False),  # an audio answer fits
        ("/survey/1/question/q/", 12 * MB, True),
        ("/admin/feedback/focus-groups/1/", 11 * MB, False),  # a flipchart photo fits
        ("/admin/feedback/focus-groups/1/", 13 * MB, True),
        ("/follow/", 2 * MB, True),  # small forms only everywhere else
        ("/accounts/login/", 2 * MB, True),
        ("/follow/", 512 * 1024, False),
    ],
)
def test_limits_depend_on_the_path(client, path, length, refused):
    try:
        status = post(client, path, length).status_code
    except AssertionError as exc:  # went on to a view that read the (unreadable) body
        assert "the body was read" in str(exc)
        status = "read"
    assert (status == 413) is refused


def test_chunked_bodies_have_no_length_to_check_and_are_refused(client):
    r = post(client, "/follow/", 0, HTTP_TRANSFER_ENCODING="chunked")
    assert r.status_code == 413


def test_limits_come_from_settings(client, settings):
    settings.EVERYVOICE_MAX_REQUEST_BYTES = 100
    settings.EVERYVOICE_MAX_REQUEST_BYTES_BY_PATH = [("/survey/", 1_000)]
    assert post(client, "/follow/", 101).status_code == 413
    assert post(client, "/survey/1/start/", 1_001).status_code == 413
    r = client.post("/follow/", {"code": "x"})  # a small form still goes through
    assert r.status_code != 413


def test_a_get_is_untouched(client):
    assert client.get("/healthz").status_code == 200
