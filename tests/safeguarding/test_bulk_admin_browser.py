"""Screening a file in a real browser, as the lead does it: no axe violations on the upload
screen, its error summary (a bad line, named), a screen in progress or a finished one; all
from the keyboard; a screen in progress updates itself in place when the job finishes."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser

BAD = b"ref,text\nr1,the bus was late\nr2,too,many,cells\n"
GOOD = b"ref,text\nr1,the bus was late\nr2,my carer hit me and i am scared to go home\n"


def test_screening_a_file_is_accessible_and_works_with_the_keyboard(
    browser, site_url, axe, django_user_model, tmp_path
):
    from cms.roles import Role
    from safeguarding.models import ScreenJob
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user

    (tmp_path / "bad.csv").write_bytes(BAD)
    (tmp_path / "good.csv").write_bytes(GOOD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sam = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
        sign_in(context, site_url, sam)
        page = context.new_page()
        page.goto(f"{site_url}/admin/safeguarding/screen/")
        violations = axe(page)
        assert not violations, f"upload: {describe(violations)}"

        page.get_by_label("CSV file").set_input_files(str(tmp_path / "bad.csv"))
        with page.expect_navigation():
            page.get_by_role("button", name="Screen the file").press("Enter")
        summary = page.get_by_role("alert")
        assert "There is a problem" in summary.inner_text()
        assert "Line 3 of the file" in summary.inner_text()
        assert page.title().startswith("Error:")
        violations = axe(page)
        assert not violations, f"error summary: {describe(violations)}"
        # The summary's link takes the keyboard to the file field.
        summary.get_by_role("link").press("Enter")
        assert page.evaluate("location.hash") == "#id_file"
        assert not ScreenJob.objects.exists()

        page.get_by_label("CSV file").set_input_files(str(tmp_path / "good.csv"))
        with page.expect_navigation():
            page.get_by_role("button", name="Screen the file").press("Enter")
        job = ScreenJob.objects.get()
        if job.is_running:  # eager on commit, but let a slow machine catch up
            page.wait_for_timeout(500)
            page.reload()
        assert "2 of 2 rows screened (100%)" in page.locator("p[role=status]").inner_text()
        assert page.get_by_role("link", name="Download the screened file (CSV)").is_visible()
        violations = axe(page)
        assert not violations, f"finished screen: {describe(violations)}"

        page.goto(f"{site_url}/admin/safeguarding/screen/")  # the list, with this screen in it
        assert page.get_by_role("link", name=f"Screen {job.pk}").is_visible()
        violations = axe(page)
        assert not violations, f"list of screens: {describe(violations)}"
    finally:
        context.close()


def test_a_screen_in_progress_updates_itself_in_place(
    browser, site_url, axe, django_user_model, monkeypatch
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.roles import Role
    from safeguarding import services
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user

    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    monkeypatch.setattr("cms.jobs.enqueue", lambda *args: True)  # the worker is busy
    job = services.screen_job_create(upload=SimpleUploadedFile("x.csv", GOOD), user=lead)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, lead)
        page = context.new_page()
        page.goto(f"{site_url}/admin/safeguarding/screen/{job.pk}/")
        status = page.locator("p[role=status]")
        assert "Waiting to start: 0 of 2 rows" in status.inner_text()
        violations = axe(page)
        assert not violations, f"in progress: {describe(violations)}"

        page.evaluate("window.__same_page = true")  # gone if the page reloads
        services.screen_job_run(job_id=job.pk)  # the worker gets to it
        page.get_by_role("link", name="Download the screened file (CSV)").wait_for(timeout=15000)
        assert "Finished: 2 of 2 rows screened (100%). 1 urgent, 0 concern." in status.inner_text()
        assert page.evaluate("window.__same_page === true")  # updated in place
        violations = axe(page)
        assert not violations, f"finished in place: {describe(violations)}"
    finally:
        context.close()
