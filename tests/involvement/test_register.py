"""The involvement register: a workshop recorded in the Wagtail admin shows up in the road
map's measure (share of workshops with lived experience, and its trend by quarter), people
counts are protected, forums feed the focus-group contribution entry, and who sees what."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import Collaborative
from cms.roles import Role
from feedback.models import FocusGroupSession
from insight.access import viewer_for
from involvement import selectors, services
from involvement.models import Meeting, Workstream
from tests.feedback.factories import consultation_page, staff_user
from tests.insight.factories import member, pledge_for

from .factories import meeting

pytestmark = pytest.mark.django_db


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def staff(django_user_model):
    return staff_user(django_user_model, role=Role.ENGAGEMENT, username="erin")


@pytest.fixture
def lda_member(django_user_model):
    lda = Collaborative.objects.get(code="lda-collaborative")
    return member(django_user_model, lda, username="maya")


def row_for(rows, code):
    return next(r for r in rows if r.workstream.code == code)


# --- pure pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "quarter", "label"),
    [
        (date(2024, 4, 1), (2024, 1), "2024-25 Q1"),
        (date(2024, 9, 30), (2024, 2), "2024-25 Q2"),
        (date(2024, 12, 31), (2024, 3), "2024-25 Q3"),
        (date(2025, 1, 1), (2024, 4), "2024-25 Q4"),
        (date(2025, 3, 31), (2024, 4), "2024-25 Q4"),
        (date(2099, 4, 1), (2099, 1), "2099-00 Q1"),
    ],
)
def test_nhs_financial_quarters(day, quarter, label):
    assert selectors.quarter_of(day) == quarter
    assert selectors.quarter_label(quarter) == label


def test_trend_columns_run_back_from_the_current_quarter():
    assert selectors.quarters_ending((2025, 2), 6) == [
        (2024, 1),
        (2024, 2),
        (2024, 3),
        (2024, 4),
        (2025, 1),
        (2025, 2),
    ]


def test_the_road_maps_workstreams_are_seeded():
    codes = set(Workstream.objects.values_list("code", flat=True))
    assert codes == {
        "dynamic-support-pathway",
        "annual-health-checks",
        "leder",
        "respite-short-breaks",
        "cyp-key-worker",
        "specialist-autism-team",
        "forensic-pathway",
    }
    dsp = Workstream.objects.get(code="dynamic-support-pathway")
    assert dsp.pathway.code == "dynamic-support"
    assert dsp.collaborative.code == "lda-collaborative"


# --- the measure -----------------------------------------------------------------------------


def test_share_of_workshops_with_lived_experience_and_its_trend(staff):
    today = date(2025, 8, 15)  # 2025-26 Q2
    meeting(held_on=date(2025, 8, 1), attendees_carers=2, attendees_staff=6)
    meeting(held_on=date(2025, 7, 2), attendees_staff=9)
    meeting(held_on=date(2025, 5, 2), attendees_autistic=1)
    meeting(held_on=date(2023, 5, 2), attendees_learning_disability=3)  # before the trend
    meeting(kind="task_and_finish", held_on=date(2025, 8, 3), attendees_staff=4)
    rows = selectors.involvement_report(viewer=viewer_for(staff), today=today)
    dsp = row_for(rows, "dynamic-support-pathway")
    assert dsp.meetings == 5  # workshops and the task-and-finish group
    assert (dsp.share.workshops, dsp.share.with_lived, dsp.share.percent) == (4, 3, 75)
    trend = dict(dsp.trend)
    assert list(trend)[-1] == "2025-26 Q2" and len(trend) == selectors.TREND_QUARTERS
    assert (trend["2025-26 Q2"].workshops, trend["2025-26 Q2"].with_lived) == (2, 1)
    assert (trend["2025-26 Q1"].workshops, trend["2025-26 Q1"].with_lived) == (1, 1)
    assert trend["2024-25 Q4"].percent is None
    leder = row_for(rows, "leder")
    assert leder.share.percent is None and leder.meetings == 0


def test_people_counts_are_protected_for_collaboratives_but_not_meeting_counts(staff, lda_member):
    meeting(attendees_carers=2, attendees_staff=12, attendees_learning_disability=6)
    meeting(attendees_staff=9)
    member_row = row_for(
        selectors.involvement_report(viewer=viewer_for(lda_member)), "dynamic-support-pathway"
    )
    people = {p.group: p.shown for p in member_row.people}
    # The one disclosure rule (insight/suppression.py): rounded to a multiple of 5 by a
    # keyed offset, never more than 4 away; a rounded 0 (a true 0 too) is hidden.
    assert people["attendees_carers"].value in (None, 5)  # 2
    assert people["attendees_staff"].value in (20, 25)  # 21
    assert people["attendees_learning_disability"].value in (5, 10)  # 6
    assert people["attendees_autistic"].suppressed  # 0
    assert (member_row.share.workshops, member_row.share.with_lived) == (2, 1)
    staff_row = row_for(
        selectors.involvement_report(viewer=viewer_for(staff)), "dynamic-support-pathway"
    )
    assert {p.group: p.shown.text for p in staff_row.people}["attendees_carers"] == "2"


def test_payments_are_counted_and_totals_shown_to_the_engagement_team_only(staff, lda_member):
    from involvement.models import MeetingPayment

    m = meeting(attendees_learning_disability=3)
    MeetingPayment.objects.create(meeting=m, kind="voucher", people=3, amount_each=20)
    MeetingPayment.objects.create(meeting=m, kind="payment", people=3, amount_each=25)
    staff_row = row_for(
        selectors.involvement_report(viewer=viewer_for(staff)), "dynamic-support-pathway"
    )
    assert staff_row.paid_people.text == "6" and staff_row.paid_total == 135
    member_row = row_for(
        selectors.involvement_report(viewer=viewer_for(lda_member)), "dynamic-support-pathway"
    )
    assert member_row.paid_people.value in (5, 10) and member_row.paid_total is None  # 6


# --- forums and focus groups feed the contribution entry ------------------------------------


def test_a_forum_makes_and_then_follows_one_focus_group_session():
    consultation = consultation_page()
    forum = meeting(
        kind="forum",
        consultation=consultation,
        attendees_learning_disability=4,
        attendees_autistic=2,
        attendees_carers=3,
        attendees_partners=1,
        attendees_staff=2,
        adjustments=["easy_read", "bsl"],
        venue="Loughborough library",
    )
    session = services.meeting_feed_contributions(meeting=forum)
    assert forum.focus_group_session == session
    assert (session.attendees_lda, session.attendees_carers, session.attendees_professionals) == (
        6,
        3,
        3,
    )
    assert session.adjustments == "Easy-read papers sent before; BSL interpreter"
    forum.attendees_carers = 5
    forum.save()
    assert services.meeting_feed_contributions(meeting=forum).pk == session.pk
    assert FocusGroupSession.objects.get().attendees_carers == 5
    # A workshop is not a focus group: nothing is made.
    assert services.meeting_feed_contributions(meeting=meeting()) is None


def test_a_forum_needs_a_consultation_for_what_people_said():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="consultation"):
        meeting(kind="forum")


# --- staff in the Wagtail admin ---------------------------------------------------------------


def meeting_form(workstream, **fields) -> dict:
    data = {
        "workstream": workstream.pk,
        "kind": "workshop",
        "held_on": timezone.localdate().isoformat(),
        "title": "Testing the draft steps",
        "venue": "City Hall",
        "facilitator": "Erin",
        "attendees_learning_disability": 3,
        "attendees_autistic": 1,
        "attendees_carers": 2,
        "attendees_young_people": 0,
        "attendees_staff": 6,
        "attendees_partners": 2,
        "adjustments_other": "",
        "consultation": "",
        "focus_group_session": "",
        "payments": inline_formset(
            [{"kind": "voucher", "people": 4, "amount_each": "20.00", "note": ""}]
        ),
    }
    data.update(fields)
    form = nested_form_data(data)
    form["adjustments"] = ["easy_read", "breaks"]  # tick boxes: one value each, not a formset
    return form


def test_engagement_team_records_a_workshop_and_the_register_shows_the_share(client, staff):
    dsp = Workstream.objects.get(code="dynamic-support-pathway")
    meeting(attendees_staff=8, held_on=timezone.localdate() - timedelta(days=1))
    client.force_login(staff)
    assert client.get("/admin/snippets/involvement/meeting/add/").status_code == 200
    response = client.post("/admin/snippets/involvement/meeting/add/", meeting_form(dsp))
    assert response.status_code == 302, response.content.decode()[:3000]
    made = Meeting.objects.get(title="Testing the draft steps")
    assert made.adjustments == ["easy_read", "breaks"]
    assert made.payments.get().total == 80
    assert made.lived_experience == 6

    page = client.get("/involvement/").content.decode()
    share = re.search(r'data-workstream="dynamic-support-pathway">(.*?)</tr>', page, re.DOTALL)
    assert words(share.group(1)) == "Dynamic Support Pathway 2 2 1 50%"
    assert "£80.00 in all" in page
    assert "Easy-read papers sent before (1 meeting)" in words(page)


def test_a_bad_meeting_form_keeps_what_was_typed_and_says_what_is_wrong(client, staff):
    dsp = Workstream.objects.get(code="dynamic-support-pathway")
    client.force_login(staff)
    response = client.post(
        "/admin/snippets/involvement/meeting/add/",
        meeting_form(dsp, kind="forum", attendees_carers="-1", title="Carers forum"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the consultation for this forum" in page
    assert 'value="Carers forum"' in page
    assert not Meeting.objects.exists()


def test_a_forum_saved_in_the_admin_links_to_the_contribution_entry(client, staff):
    dsp = Workstream.objects.get(code="dynamic-support-pathway")
    consultation = consultation_page()
    client.force_login(staff)
    response = client.post(
        "/admin/snippets/involvement/meeting/add/",
        meeting_form(dsp, kind="forum", consultation=consultation.pk, title="Carers forum"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    forum = Meeting.objects.get()
    assert forum.focus_group_session.consultation_id == consultation.pk
    listing = client.get("/admin/snippets/involvement/meeting/").content.decode()
    edit = f"/admin/snippets/feedback/focusgroupsession/edit/{forum.focus_group_session_id}/"
    assert edit in listing
    assert client.get(edit).status_code == 200


# --- who sees what ------------------------------------------------------------------------------


def test_collaborative_members_see_only_their_collaboratives_workstreams(
    client, django_user_model
):
    other = Collaborative.objects.create(code="t-other", name="Other partnership")
    pledge_for(other, number=250, code="pledge-t250")
    outsider = member(django_user_model, other, username="otto")
    meeting(attendees_carers=3)
    client.force_login(outsider)
    page = client.get("/involvement/").content.decode()
    assert "Dynamic Support Pathway" not in page
    assert "There are no workstreams for you to see yet" in page


def test_expert_by_experience_gets_the_easy_read_report(client, django_user_model):
    lda = Collaborative.objects.get(code="lda-collaborative")
    expert = member(django_user_model, lda, username="eve", role=Role.EXPERT_BY_EXPERIENCE)
    meeting(attendees_carers=3, attendees_staff=5)
    meeting(attendees_staff=5)
    client.force_login(expert)
    response = client.get("/involvement/")
    assert response["Location"] == "/involvement/easy-read/"
    page = client.get("/involvement/easy-read/").content.decode()
    block = re.search(r'data-workstream="dynamic-support-pathway">(.*?)</h3>', page, re.DOTALL)
    assert "1 of 2 meetings had people with lived experience there." in words(block.group(1))
    assert "pictures/support.svg" in block.group(1)
    # 3 carers and 10 staff, through the keyed rounding: 3 shows hidden or as 5, 10 as 10.
    assert re.search(r"(Fewer than 5|About 5) family carers", words(page))
    assert "About 10 staff" in words(page)


def test_people_without_an_insight_role_cannot_see_it(client, django_user_model):
    editor = staff_user(django_user_model, role=Role.EDITOR, username="ed")
    client.force_login(editor)
    assert client.get("/involvement/").status_code == 403
    client.logout()
    assert client.get("/involvement/easy-read/").status_code == 302


def test_the_demo_records_a_year_of_meetings_once():
    from cms.demo import DemoReport
    from involvement.demo import MEETINGS, on_demo_loaded

    consultation = consultation_page()
    report = DemoReport()
    on_demo_loaded(sender=DemoReport, report=report, consultation=consultation)
    on_demo_loaded(sender=DemoReport, report=report, consultation=consultation)
    assert Meeting.objects.count() == len(MEETINGS)
    forum = Meeting.objects.get(kind="forum")
    assert forum.focus_group_session.consultation_id == consultation.pk
