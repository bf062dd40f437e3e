"""Staff screens: entering a response on someone's behalf, bulk focus-group entry, private
downloads. Each is checked for the role it needs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.roles import Role
from feedback import selectors, services
from feedback.models import Channel, Contribution, FocusGroupSession, Response, Voice
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    consultation_page,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return staff_user(django_user_model)


def test_staff_enter_a_paper_response_through_the_participant_pages(client, staff, survey):
    client.force_login(staff)
    url = f"/admin/feedback/surveys/{survey.pk}/enter/"
    assert client.get(url).status_code == 200
    r = client.post(url, {"channel": "paper"})
    assert r.status_code == 200 and "Confirm the person agreed" in r.content.decode()
    r = client.post(url, {"channel": "paper", "consent_confirmed": "on"})
    assert r["Location"] == f"/survey/{survey.pk}/who/"
    response = Response.objects.get()
    assert response.channel == Channel.PAPER and response.entered_by == staff
    assert response.voice == Voice.STAFF_RECORDED
    page = client.get(f"/survey/{survey.pk}/who/").content.decode()
    assert 'value="staff_recorded" checked' in page


def test_people_without_the_role_cannot_enter_or_download(client, django_user_model, survey):
    expert = staff_user(django_user_model, role=Role.EXPERT_BY_EXPERIENCE, username="eve")
    client.force_login(expert)
    for url in (
        f"/admin/feedback/surveys/{survey.pk}/enter/",
        "/admin/feedback/answers/1/audio/",
        "/admin/feedback/focus-groups/1/bulk/",
    ):
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert client.get(url).status_code in (302, 403)
    safeguarding = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    client.force_login(safeguarding)
    denied = client.get(f"/admin/feedback/surveys/{survey.pk}/enter/")
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    assert client.get(f"/admin/feedback/surveys/{survey.pk}/").status_code == 200


def test_audio_is_served_only_to_staff_as_an_attachment(client, staff, survey):
    response = services.response_start(survey=survey)
    question = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    answer = services.answer_save(
        response=response,
        question=question,
        value=None,
        audio=SimpleUploadedFile("me.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 50),
    )
    url = f"/admin/feedback/answers/{answer.pk}/audio/"
    assert client.get(url).status_code == 302  # not signed in
    client.force_login(staff)
    r = client.get(url)
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment;")
    assert r["Content-Type"] == "audio/webm"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in r["Cache-Control"]
    assert b"".join(r.streaming_content).startswith(b"\x1a\x45\xdf\xa3")
    detail = client.get(f"/admin/feedback/responses/{response.pk}/").content.decode()
    assert url in detail


def test_bulk_entry_of_12_contributions_in_the_admin(
    client, staff, django_capture_on_commit_callbacks, queued
):
    session = FocusGroupSessionFactory()
    client.force_login(staff)
    url = f"/admin/feedback/focus-groups/{session.pk}/bulk/"
    assert "Add contributions fast" in client.get(url).content.decode()
    lines = "\n".join(f"{'carer' if i % 2 else 'lda'}: Point number {i}" for i in range(12))
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"lines": lines, "speaker_group": "", "words": "own_words"})
    assert r.status_code == 302
    contributions = Contribution.objects.filter(session=session)
    assert contributions.count() == 12
    assert {c.channel for c in contributions} == {Channel.FOCUS_GROUP}
    assert {c.speaker_group for c in contributions} == {"lda", "carer"}
    assert len(queued) == 12 and {name for name, _ in queued} == {"everyvoice.tag_contribution"}
    page = client.get(url).content.decode()
    assert "Contributions so far (12)" in page


def test_focus_group_snippet_is_listed_with_the_fast_entry_button(client, staff):
    session = FocusGroupSessionFactory()
    client.force_login(staff)
    page = client.get("/admin/snippets/feedback/focusgroupsession/").content.decode()
    assert str(session) in page
    assert f"/admin/feedback/focus-groups/{session.pk}/bulk/" in page


def test_focus_group_created_card_by_card_queues_its_contributions(
    client, staff, django_capture_on_commit_callbacks, queued
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    consultation = consultation_page()
    client.force_login(staff)
    data = nested_form_data(
        {
            "consultation": consultation.pk,
            "held_on": "2026-11-20",
            "venue": "Oakham library",
            "facilitator": "Erin",
            "attendees_lda": 5,
            "attendees_carers": 3,
            "attendees_cyp": 0,
            "attendees_professionals": 1,
            "consent_confirmed": "on",
            "adjustments": "Easy read, breaks",
            "contributions": inline_formset(
                [
                    {
                        "text": "Need more easy read letters",
                        "speaker_group": "lda",
                        "words": "own_words",
                    },
                    {"text": "Parking is hard", "speaker_group": "carer", "words": "paraphrase"},
                ]
            ),
            "photos": inline_formset([]),
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post("/admin/snippets/feedback/focusgroupsession/add/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    session = FocusGroupSession.objects.get()
    assert session.contributions.count() == 2
    assert sorted(args for _, args in queued) == sorted(
        (c.id,) for c in session.contributions.all()
    )


def _session_form(session, contributions: list[dict]) -> dict:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data(
        {
            "consultation": session.consultation_id,
            "held_on": session.held_on.isoformat(),
            "venue": session.venue,
            "facilitator": session.facilitator,
            "attendees_lda": session.attendees_lda,
            "attendees_carers": session.attendees_carers,
            "attendees_cyp": session.attendees_cyp,
            "attendees_professionals": session.attendees_professionals,
            "consent_confirmed": "on",
            "adjustments": session.adjustments,
            "contributions": inline_formset(contributions, initial=len(contributions)),
            "photos": inline_formset([]),
        }
    )


def test_editing_a_tagged_contribution_tags_and_screens_it_again(
    client, staff, django_capture_on_commit_callbacks, monkeypatch
):
    """End to end with the real job (run eagerly): only the changed text is queued; its old
    machine suggestions go, a person's decision stays, and a disclosure added by the edit
    reaches the safeguarding queue."""
    from safeguarding.models import SafeguardingFlag
    from tasks import services as tag_services
    from tasks.models import Tag, TagStatus

    session = FocusGroupSessionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        edited = services.contribution_create(
            session=session, text="i never had my helth chek this year", speaker_group="lda"
        )
        same = services.contribution_create(
            session=session, text="Parking at the hospital is hard", sort_order=1
        )
    edited.refresh_from_db()
    same.refresh_from_db()
    assert edited.tagged_at and same.tagged_at
    old_codes = set(Tag.objects.filter(contribution=edited).values_list("code", flat=True))
    assert "annual-health-checks" in old_codes
    decided = Tag.objects.get(contribution=edited, code="annual-health-checks")
    tag_services.tags_review(tag_ids=[decided.id], decision=TagStatus.CONFIRMED, user=staff)
    assert not SafeguardingFlag.objects.exists()

    client.force_login(staff)
    new_text = "My son is 17 and nobody talks to us about adult services. Someone hurts me."
    data = _session_form(
        session,
        [
            {"id": edited.pk, "text": new_text, "speaker_group": "lda", "words": "own_words"},
            {"id": same.pk, "text": same.text, "speaker_group": "", "words": "own_words"},
        ],
    )
    from cms import jobs

    sent = []
    real_enqueue = jobs.enqueue

    def spy(name, *args):  # record what is queued, then really run it (eagerly)
        sent.append((name, args))
        return real_enqueue(name, *args)

    monkeypatch.setattr(jobs, "enqueue", spy)
    url = f"/admin/snippets/feedback/focusgroupsession/edit/{session.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert sent == [("everyvoice.tag_contribution", (edited.pk,))]  # ids only, changed only

    edited_before, same_before = edited.tagged_at, same.tagged_at
    edited.refresh_from_db()
    same.refresh_from_db()
    assert edited.text == new_text and edited.tagged_at > edited_before
    assert same.tagged_at == same_before
    new_codes = set(Tag.objects.filter(contribution=edited).values_list("code", flat=True))
    assert "transitions" in new_codes
    decided.refresh_from_db()
    assert decided.status == TagStatus.CONFIRMED  # the person's decision is kept
    machine_left = Tag.objects.filter(contribution=edited, status=TagStatus.SUGGESTED)
    assert "annual-health-checks" not in set(machine_left.values_list("code", flat=True))
    flag = SafeguardingFlag.objects.get()
    assert flag.contribution_id == edited.pk

    # Saving again with no change queues nothing.
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert sent == []


def test_flipchart_photo_upload_is_checked(client, staff):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    consultation = consultation_page()
    client.force_login(staff)
    base = {
        "consultation": consultation.pk,
        "held_on": "2026-11-20",
        "venue": "Oakham library",
        "facilitator": "Erin",
        "attendees_lda": 1,
        "attendees_carers": 0,
        "attendees_cyp": 0,
        "attendees_professionals": 0,
        "contributions": inline_formset([]),
    }
    bad = nested_form_data(
        {
            **base,
            "photos": inline_formset(
                [{"image": SimpleUploadedFile("x.png", b"<html>"), "caption": ""}]
            ),
        }
    )
    r = client.post("/admin/snippets/feedback/focusgroupsession/add/", bad)
    assert r.status_code == 200 and "must be a JPG, PNG" in r.content.decode()
    broken = nested_form_data(
        {
            **base,
            "photos": inline_formset(
                [{"image": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)}]
            ),
        }
    )
    r = client.post("/admin/snippets/feedback/focusgroupsession/add/", broken)
    assert r.status_code == 200 and "The photo could not be opened" in r.content.decode()
    png = photo_bytes("PNG")
    good = nested_form_data(
        {
            **base,
            "photos": inline_formset(
                [{"image": SimpleUploadedFile("Jane.png", png), "caption": "Wall"}]
            ),
        }
    )
    r = client.post("/admin/snippets/feedback/focusgroupsession/add/", good)
    assert r.status_code == 302
    photo = FocusGroupSession.objects.get().photos.get()
    assert "Jane" not in photo.image.name and photo.image.name.endswith(".png")
    r = client.get(f"/admin/feedback/flipcharts/{photo.pk}/")
    assert r["Content-Type"] == "image/png" and r["Content-Disposition"].startswith("attachment")


def photo_bytes(kind: str = "JPEG", *, size=(40, 20)) -> bytes:
    """A photo as a phone takes it: EXIF with the GPS position, the camera's serial number
    and maker, and "rotate 90 degrees to show" (Orientation 6). Blue on the left, else red."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, "red")
    image.paste((0, 0, 255), (0, 0, size[0] // 4, size[1]))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 38.0, 12.5), 3: "W", 4: (1.0, 8.0, 3.2)})
    exif.get_ifd(0x8769).update({0xA431: "SN-1234567"})  # body serial number
    out = io.BytesIO()
    if kind == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    image.save(out, kind, exif=exif.tobytes())
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "stored_as", "content_type"),
    [("JPEG", ".jpg", "image/jpeg"), ("PNG", ".png", "image/png"), ("HEIF", ".jpg", "image/jpeg")],
)
def test_flipchart_photos_are_stored_without_exif_and_the_right_way_up(
    client, staff, kind, stored_as, content_type
):
    import io

    from PIL import Image

    data = photo_bytes(kind)
    assert b"SN-1234567" in data and b"PhoneMaker" in data
    session = FocusGroupSessionFactory()
    client.force_login(staff)
    form = _session_form(session, [])
    form.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile(f"Jane at home.{kind.lower()}", data),
            "photos-0-caption": "Sticky notes",
            "photos-0-ORDER": "0",
            "photos-0-DELETE": "",
        }
    )
    r = client.post(f"/admin/snippets/feedback/focusgroupsession/edit/{session.pk}/", form)
    assert r.status_code == 302, r.content.decode()[:2000]
    photo = session.photos.get()
    assert photo.image.name.endswith(stored_as) and "Jane" not in photo.image.name
    downloaded = b"".join(client.get(f"/admin/feedback/flipcharts/{photo.pk}/").streaming_content)
    for secret in (b"SN-1234567", b"PhoneMaker", b"Exif"):
        assert secret not in downloaded
    stored = Image.open(io.BytesIO(downloaded))
    assert stored.format == stored_as.strip(".").upper().replace("JPG", "JPEG")
    assert dict(stored.getexif()) == {}
    # Turned as the orientation tag said: 20 wide, 40 high, the blue edge now at the top.
    assert stored.size == (20, 40)
    top, bottom = stored.convert("RGB").getpixel((10, 3)), stored.convert("RGB").getpixel((10, 36))
    assert top[2] > 200 and top[0] < 60
    assert bottom[0] > 200 and bottom[2] < 60
    assert client.get(f"/admin/feedback/flipcharts/{photo.pk}/")["Content-Type"] == content_type


def test_a_small_file_holding_a_huge_picture_is_refused_before_it_is_decoded():
    import io

    from django.core.exceptions import ValidationError
    from PIL import Image

    from feedback.uploads import photo_check

    out = io.BytesIO()
    Image.new("L", (9000, 8000)).save(out, "PNG")  # 72 megapixels in 70 kB
    with pytest.raises(ValidationError, match="too big to store"):
        photo_check(SimpleUploadedFile("wall.png", out.getvalue()))


def test_survey_page_is_edited_and_previewed_in_the_page_tree(client, staff, survey):
    client.force_login(staff)
    assert client.get(f"/admin/pages/{survey.pk}/edit/").status_code == 200
    consultation = survey.get_parent()
    add = f"/admin/pages/add/feedback/surveypage/{consultation.pk}/"
    assert client.get(add).status_code == 200
    preview = survey.make_preview_request()
    assert preview.status_code == 200 and "I agree" in preview.content.decode()


def test_survey_responses_menu_and_listing(client, staff, survey):
    services.response_start(survey=survey)
    client.force_login(staff)
    assert "Survey responses" in client.get("/admin/").content.decode()
    page = client.get("/admin/feedback/surveys/").content.decode()
    assert survey.title in page
    page = client.get(f"/admin/feedback/surveys/{survey.pk}/").content.decode()
    assert Response.objects.get().reference_display in page
