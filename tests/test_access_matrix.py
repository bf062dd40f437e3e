"""Every role sees exactly what the README's "Who can see what" table says.

ONE test walks every URL pattern the project serves (``get_resolver().url_patterns``, flattened)
for every role, and fails on any pattern the matrix below does not classify, so a new URL
cannot escape it. Project views (cms, feedback, tasks, insight) are classified one by one by
URL name; Wagtail's, Django's and allauth's own views by the area they sit in, where their own
permission checks apply on top.

Outcomes (what a GET returns):
  ok        200
  sign-in   302 to the sign-in page (allauth, or Django/Wagtail's login which forwards there)
  totp      302 to TOTP set-up (a staff member without two-factor sign-in)
  forbidden 403, or Wagtail's "no permission" redirect to the admin home or sign-in page
  404       not found (also the answer for private uploads under /media/)
  redirect  any other 302 (e.g. a survey page with no answers in progress goes to the survey)
  405       the URL takes POST only
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from cms.models import Collaborative
from cms.roles import Role
from feedback import selectors, services
from feedback.models import FlipchartPhoto, Response, ResponseStatus
from tests.feedback.factories import FocusGroupSessionFactory, staff_user, survey_page
from tests.feedback.test_admin import photo_bytes

pytestmark = pytest.mark.django_db

# --- who ----------------------------------------------------------------------------------------

ANON = "anonymous"
PARTICIPANT = "participant"  # signed in by email code, no role
NO_TOTP = "staff-no-totp"  # any staff role before turning on TOTP (an engagement officer here)
ENG, COLLAB, EXPERT, SAFE, EDITOR, ADMIN = (
    "engagement",
    "collaborative",
    "expert",
    "safeguarding",
    "editor",
    "administrator",
)
ROLES = (ANON, PARTICIPANT, NO_TOTP, ENG, COLLAB, EXPERT, SAFE, EDITOR, ADMIN)
ROLE_GROUPS = {
    ENG: Role.ENGAGEMENT,
    COLLAB: Role.COLLABORATIVE_MEMBER,
    EXPERT: Role.EXPERT_BY_EXPERIENCE,
    SAFE: Role.SAFEGUARDING_LEAD,
    EDITOR: Role.EDITOR,
    ADMIN: Role.ADMINISTRATOR,
}

OK, SIGN_IN, TOTP, FORBIDDEN, NOT_FOUND, REDIRECT, POST_ONLY = (
    "ok",
    "sign-in",
    "totp",
    "forbidden",
    "404",
    "redirect",
    "405",
)
# Wagtail's own admin screens: Wagtail's group permissions decide between these for staff.
WAGTAIL_PERMS = frozenset({OK, FORBIDDEN, NOT_FOUND, REDIRECT, POST_ONLY})


def row(anon, participant, no_totp, eng, collab, expert, safe, editor, admin) -> dict:
    values = (anon, participant, no_totp, eng, collab, expert, safe, editor, admin)
    return {
        role: frozenset(v) if isinstance(v, frozenset | set) else frozenset({v})
        for role, v in zip(ROLES, values, strict=True)
    }


def same_for_all(outcome) -> dict:
    return row(*[outcome] * len(ROLES))


# --- what: areas, in the order of the README table ----------------------------------------------

PUBLIC = same_for_all(OK)
TOO_BIG = same_for_all("413")  # the page nginx shows for an over-size body
MISSING = same_for_all(NOT_FOUND)
# Survey pages past the start need answers in progress in this browser session; without them
# every role is sent back to the survey's start page. Starting is a POST.
JOURNEY = same_for_all(REDIRECT)
START = same_for_all(POST_ONLY)
MY_ANSWERS = row(SIGN_IN, OK, OK, OK, OK, OK, OK, OK, OK)
# The lead's POST-only actions on a flag: POST only is checked first; the role on the POST.
SAFEGUARDING_POST = row(
    SIGN_IN, SIGN_IN, TOTP, POST_ONLY, SIGN_IN, SIGN_IN, POST_ONLY, POST_ONLY, POST_ONLY
)
# Response data in the Wagtail admin: engagement team, administrators, the safeguarding lead.
RESPONSES = row(SIGN_IN, SIGN_IN, TOTP, OK, SIGN_IN, SIGN_IN, OK, FORBIDDEN, OK)
ENTRY = row(SIGN_IN, SIGN_IN, TOTP, OK, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, OK)
TAG_REVIEW = row(SIGN_IN, SIGN_IN, TOTP, OK, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, OK)
TAGGER_HEALTH = TAG_REVIEW
AUDIT_LOG = row(SIGN_IN, SIGN_IN, TOTP, FORBIDDEN, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, OK)
SAFEGUARDING = row(SIGN_IN, SIGN_IN, TOTP, FORBIDDEN, SIGN_IN, SIGN_IN, OK, FORBIDDEN, OK)
SCREEN_FILE = row(SIGN_IN, SIGN_IN, TOTP, FORBIDDEN, SIGN_IN, SIGN_IN, OK, FORBIDDEN, FORBIDDEN)
SCREEN_FILE_MISSING = row(
    SIGN_IN, SIGN_IN, TOTP, FORBIDDEN, SIGN_IN, SIGN_IN, NOT_FOUND, FORBIDDEN, FORBIDDEN
)
TAXONOMY = row(SIGN_IN, SIGN_IN, TOTP, OK, SIGN_IN, SIGN_IN, FORBIDDEN, OK, OK)
# Without Wagtail's "access admin" permission Wagtail sends people back to sign in.
WAGTAIL_ADMIN = row(
    SIGN_IN,
    SIGN_IN,
    TOTP,
    WAGTAIL_PERMS,
    SIGN_IN,
    SIGN_IN,
    WAGTAIL_PERMS,
    WAGTAIL_PERMS,
    WAGTAIL_PERMS,
)
# Wagtail's and Django's sign-in forms forward to allauth's (which asks for the TOTP code).
ADMIN_SIGN_IN = row(SIGN_IN, SIGN_IN, TOTP, *[SIGN_IN] * 6)
# Django's admin: only superusers (is_staff); no role has it, so everyone is sent to sign in.
DJANGO_ADMIN = row(SIGN_IN, SIGN_IN, TOTP, *[SIGN_IN] * 6)
# Insight: engagement sees everything; collaborative members and experts by experience see their
# collaborative's pledges and pathways, aggregated; anyone else nothing.
INSIGHT = row(SIGN_IN, FORBIDDEN, TOTP, OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
INSIGHT_RAW = row(
    SIGN_IN, FORBIDDEN, TOTP, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN
)
# Engagement only: representation figures and exports of the engagement officer's own job.
INSIGHT_ENG = row(
    SIGN_IN, FORBIDDEN, TOTP, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN
)
OWN_JOB = row(SIGN_IN, FORBIDDEN, TOTP, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN)
# The download is a 404 for its owner too until the file is built (the job here is queued).
OWN_FILE = row(
    SIGN_IN, FORBIDDEN, TOTP, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN
)
SIGNED_IN_POST = row(SIGN_IN, FORBIDDEN, TOTP, *[POST_ONLY] * 3, *[FORBIDDEN] * 3)
# The API takes bearer tokens only, never a session: 401 for everyone without one.
API = row("401", "401", TOTP, *["401"] * 6)
API_SCHEMA = row(OK, OK, TOTP, *[OK] * 6)  # the OpenAPI description, no data
API_ROOT = row(NOT_FOUND, NOT_FOUND, TOTP, *[NOT_FOUND] * 6)

# Project views, by URL name. A new name fails the test until it is added here and to README.
BY_NAME: dict[str, dict] = {
    "healthz": PUBLIC,
    "readyz": PUBLIC,
    "request_too_big": TOO_BIG,
    "feedback:start": START,
    "feedback:carry_on": JOURNEY,
    "feedback:who": JOURNEY,
    "feedback:question": JOURNEY,
    "feedback:bsl_answer": JOURNEY,
    "feedback:about": JOURNEY,
    "feedback:check": JOURNEY,
    "feedback:done": JOURNEY,
    "feedback:resume": PUBLIC,
    "feedback:withdraw": PUBLIC,
    "feedback:my_answers": MY_ANSWERS,
    "feedback_admin:survey_index": RESPONSES,
    "feedback_admin:survey_responses": RESPONSES,
    "feedback_admin:response_detail": RESPONSES,
    "feedback_admin:answer_audio": RESPONSES,
    "feedback_admin:answer_video": RESPONSES,
    "feedback_admin:bsl_queue": ENTRY,
    "feedback_admin:bsl_summarise": ENTRY,
    "feedback_admin:flipchart_photo": RESPONSES,
    "feedback_admin:survey_enter": ENTRY,
    "feedback_admin:focus_group_bulk": ENTRY,
    "tagging_admin:review_queue": TAG_REVIEW,
    "tagging_admin:tagger_health": TAGGER_HEALTH,
    "tagging_admin:history_import": TAG_REVIEW,
    # No import exists here: a 404 for those allowed, refused before the look-up for the rest.
    "tagging_admin:import_job": row(
        SIGN_IN, SIGN_IN, TOTP, NOT_FOUND, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND
    ),
    # POST only is checked first; the role is checked on the POST.
    "tagging_admin:tag_undo": row(
        SIGN_IN, SIGN_IN, TOTP, POST_ONLY, SIGN_IN, SIGN_IN, POST_ONLY, POST_ONLY, POST_ONLY
    ),
    "tagging_admin:theme_runs": TAG_REVIEW,
    # No search or candidate theme exists here: a 404 for those allowed, refused before the
    # look-up for the rest.
    "tagging_admin:theme_run": row(
        SIGN_IN, SIGN_IN, TOTP, NOT_FOUND, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND
    ),
    "tagging_admin:theme_promote": row(
        SIGN_IN, SIGN_IN, TOTP, NOT_FOUND, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND
    ),
    # POST only is checked first; the role is checked on the POST.
    "tagging_admin:theme_candidate": row(
        SIGN_IN, SIGN_IN, TOTP, POST_ONLY, SIGN_IN, SIGN_IN, POST_ONLY, POST_ONLY, POST_ONLY
    ),
    # Feedback not in English: the people who review tags. No translation record exists
    # here: a 404 for those allowed, refused before the look-up for the rest.
    "translations_admin:list": TAG_REVIEW,
    "translations_admin:enter": row(
        SIGN_IN, SIGN_IN, TOTP, NOT_FOUND, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND
    ),
    "translations_admin:request": row(
        SIGN_IN, SIGN_IN, TOTP, POST_ONLY, SIGN_IN, SIGN_IN, POST_ONLY, POST_ONLY, POST_ONLY
    ),
    "cms_audit_log": AUDIT_LOG,
    "safeguarding_admin:queue": SAFEGUARDING,
    "safeguarding_admin:flag_by_hand": SAFEGUARDING,
    # No flag exists here: a 404 for those allowed, refused before the look-up for the rest.
    "safeguarding_admin:flag": row(
        SIGN_IN, SIGN_IN, TOTP, FORBIDDEN, SIGN_IN, SIGN_IN, NOT_FOUND, FORBIDDEN, NOT_FOUND
    ),
    # POST only is checked first; the role is checked on the POST.
    "safeguarding_admin:assign": SAFEGUARDING_POST,
    "safeguarding_admin:close": SAFEGUARDING_POST,
    "safeguarding_admin:release": SAFEGUARDING_POST,
    # Screening a file (a whole export's words at once): safeguarding leads only.
    "safeguarding_admin:screen_file": SCREEN_FILE,
    # No screen exists here: a 404 for leads, refused before the look-up for the rest.
    "safeguarding_admin:screen_job": SCREEN_FILE_MISSING,
    "safeguarding_admin:screen_download": SCREEN_FILE_MISSING,
    "safeguarding_admin:screen_delete": SAFEGUARDING_POST,
    "retention_admin:report": AUDIT_LOG,
    "cms_taxonomy_csv": TAXONOMY,
    "cms_taxonomy_export": TAXONOMY,
    # Experts by experience are sent on to the easy-read insight first.
    "insight:index": row(SIGN_IN, FORBIDDEN, TOTP, OK, OK, REDIRECT, *[FORBIDDEN] * 3),
    "insight:easy_index": INSIGHT,
    "insight:representation": INSIGHT_ENG,
    "insight:detail": INSIGHT,
    "insight:easy_detail": INSIGHT,
    "insight:raw_responses": INSIGHT_RAW,
    "insight:tokens": INSIGHT,
    "insight:token_revoke": SIGNED_IN_POST,
    "insight:export": INSIGHT,
    "insight:export_job": OWN_JOB,
    "insight:export_download": OWN_FILE,
    "insight_follow:follow": PUBLIC,
    # Send a translated outcome to the experts' check: who may change outcomes (no outcome
    # exists here, so a 404 for them); Wagtail's "no permission" for other staff.
    "wagtailsnippets_insight_outcome:check_translation": row(
        SIGN_IN, SIGN_IN, TOTP, NOT_FOUND, SIGN_IN, SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND
    ),
    # The involvement register's report: the same people as insight (involvement/views.py).
    "involvement:report": row(SIGN_IN, FORBIDDEN, TOTP, OK, OK, REDIRECT, *[FORBIDDEN] * 3),
    "involvement:easy_report": INSIGHT,
    # No draft pathway exists here: a 404 for those allowed, refused before the look-up else.
    "involvement:pathway_insight": row(
        SIGN_IN, FORBIDDEN, TOTP, NOT_FOUND, NOT_FOUND, NOT_FOUND, *[FORBIDDEN] * 3
    ),
    # Experts by experience check easy read before it is published (panel/views.py); anyone
    # else gets a 404. No check is waiting here, so a check or a recording is a 404 for all.
    "panel:list": row(SIGN_IN, NOT_FOUND, TOTP, NOT_FOUND, NOT_FOUND, OK, *[NOT_FOUND] * 3),
    "panel:done": row(SIGN_IN, NOT_FOUND, TOTP, NOT_FOUND, NOT_FOUND, OK, *[NOT_FOUND] * 3),
    "panel:check": row(SIGN_IN, NOT_FOUND, TOTP, *[NOT_FOUND] * 6),
    "panel:audio": row(SIGN_IN, NOT_FOUND, TOTP, *[NOT_FOUND] * 6),
    # allauth's "set a password", for staff only: participants sign in by code (cms/views.py).
    "account_set_password": row(SIGN_IN, REDIRECT, REDIRECT, *[REDIRECT] * 6),
}
# Wagtail admin screens with no data: its icons and translations. (Its password-reset form is
# switched off: staff reset through allauth.)
WAGTAIL_PUBLIC = {
    "admin/sprite/",
    "admin/jsi18n/",
}
PROJECT_MODULES = (
    "cms.",
    "feedback.",
    "tasks.",
    "insight.",
    "involvement.",
    "panel.",
    "safeguarding.",
)


def classify(route: str, name: str | None, module: str) -> dict | None:
    """The matrix row for one URL pattern, or None when it is not classified."""
    if route in ("admin/login/", "django-admin/login/"):
        return ADMIN_SIGN_IN
    if route == "_util/login/":  # Wagtail's private-page form would skip TOTP: forwarded too
        return same_for_all(SIGN_IN)
    if route == "admin/failwhale/":  # Wagtail's deliberate error page, to test error reports
        return row(SIGN_IN, SIGN_IN, TOTP, "500", SIGN_IN, SIGN_IN, "500", "500", "500")
    if module.startswith(PROJECT_MODULES):
        return BY_NAME.get(name or "")
    if route == "api/v1/openapi.json":
        return API_SCHEMA
    if route == "api/v1/":
        return API_ROOT
    if route.startswith("api/v1/"):
        return API
    if route in WAGTAIL_PUBLIC:
        return row(OK, OK, TOTP, *[OK] * 6)
    if route.startswith("admin/password_reset/"):  # WAGTAIL_PASSWORD_RESET_ENABLED = False
        return row(NOT_FOUND, NOT_FOUND, TOTP, *[NOT_FOUND] * 6)
    if route.startswith("admin/"):
        return WAGTAIL_ADMIN
    if route == "django-admin/logout/":
        return same_for_all(frozenset({REDIRECT, SIGN_IN, POST_ONLY, TOTP}))
    if route.startswith("django-admin/"):
        return DJANGO_ADMIN
    if route.startswith("accounts/"):
        return ACCOUNTS.get(name or "", PROBE)
    return OTHER_THIRD_PARTY.get(name or "", PROBE)


# allauth: the sign-in pages for anyone signed out; a signed-in person's own settings.
SIGNED_OUT_PAGE = row(OK, REDIRECT, REDIRECT, *[REDIRECT] * 6)
OWN_ACCOUNT = row(SIGN_IN, OK, OK, *[OK] * 6)
PROBE = same_for_all("?")
R = REDIRECT
ACCOUNTS: dict[str, dict] = {
    "account_login": SIGNED_OUT_PAGE,
    "account_request_login_code": SIGNED_OUT_PAGE,
    "account_signup": SIGNED_OUT_PAGE,
    "account_confirm_login_code": row(SIGN_IN, R, R, *[R] * 6),
    "account_logout": row(R, OK, OK, *[OK] * 6),
    "account_email": OWN_ACCOUNT,
    "mfa_index": OWN_ACCOUNT,
    "mfa_authenticate": row(SIGN_IN, R, R, *[R] * 6),
    "mfa_reauthenticate": row(SIGN_IN, FORBIDDEN, R, *[OK] * 6),
    "account_reauthenticate": row(SIGN_IN, FORBIDDEN, OK, *[OK] * 6),
    "mfa_view_recovery_codes": row(SIGN_IN, NOT_FOUND, NOT_FOUND, *[NOT_FOUND] * 6),
    "mfa_download_recovery_codes": row(SIGN_IN, NOT_FOUND, NOT_FOUND, *[NOT_FOUND] * 6),
    "mfa_generate_recovery_codes": row(SIGN_IN, OK, R, *[R] * 6),
    "mfa_activate_totp": row(SIGN_IN, R, R, *[R] * 6),
    "mfa_deactivate_totp": row(SIGN_IN, NOT_FOUND, NOT_FOUND, *[R] * 6),
    "account_change_password": row(SIGN_IN, R, OK, *[OK] * 6),
    # Shadowed by cms.views.password_set (the same URL): participants are sent on.
    "account_set_password": row(SIGN_IN, R, R, *[R] * 6),
    # The "type the code we emailed you" page of a sign-up in progress; nothing to show otherwise.
    "account_email_verification_sent": row(SIGN_IN, R, R, *[R] * 6),
    "account_confirm_email": PUBLIC,
    "account_inactive": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
}
OTHER_THIRD_PARTY: dict[str, dict] = {
    "wagtail_serve": PUBLIC,
    "wagtaildocs_serve": MISSING,  # no such document; documents are public content
    "wagtaildocs_authenticate_with_password": MISSING,
    "wagtailcore_authenticate_with_password": MISSING,
}


# --- how: one concrete URL per pattern ---------------------------------------------------------


def walk(patterns, prefix: str = "") -> Iterator[tuple[str, str | None, str]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            for route, name, module in walk(p.url_patterns, prefix + str(p.pattern)):
                yield route, (ns + name if name and ns else name), module
        elif isinstance(p, URLPattern):
            callback = p.callback
            module = getattr(callback, "__module__", "") or ""
            view_class = getattr(callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            yield prefix + str(p.pattern), p.name, module


CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def concrete(route: str, values: dict[str, str]) -> str | None:
    """A URL for ``route``: known ids for known parameters, else a harmless placeholder."""
    if route in REGEX_SAMPLES:
        return REGEX_SAMPLES[route]
    if "(?P" in route or "$" in route or "^" in route:
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values.get(m.group(1), "1"), route)
        route = route.replace("^", "").replace("$", "").replace("\\.", ".")
        route = route.replace("(\\d+)", "999999").replace("(.*)", "x").replace(".*", "x")

    def sub(match: re.Match) -> str:
        conv, name = match.group("conv") or "str", match.group("name")
        if name in values:
            return values[name]
        if name in ("pk", "id"):  # Wagtail's choosers fail (500) on a non-numeric pk
            return "999999"
        return {"int": "999999", "uuid": "00000000-0000-0000-0000-000000000000"}.get(conv, "x")

    return "/" + CONVERTER.sub(sub, route)


REGEX_SAMPLES: dict[str, str] = {
    r"^((?:[\w\-]+/)*)$": "/",  # Wagtail's page tree: the home page
}


def outcome(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        if location.startswith("/accounts/2fa/totp/activate/"):
            return TOTP
        if location.startswith(("/accounts/login/", "/admin/login/", "/django-admin/login/")):
            return SIGN_IN
        if location == "/admin/":
            return FORBIDDEN  # Wagtail turns PermissionDenied into a redirect with a message
        return REDIRECT
    return {200: OK, 403: FORBIDDEN, 404: NOT_FOUND, 405: POST_ONLY}.get(code, str(code))


@pytest.fixture
def world(django_user_model, settings, tmp_path):
    settings.EVERYVOICE_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    survey = survey_page()
    response = services.response_start(survey=survey)
    audio_q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    answer = services.answer_save(
        response=response,
        question=audio_q,
        value=None,
        audio=SimpleUploadedFile("me.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 50),
    )
    # The same answer also holds a BSL video, and the response is sent, so the BSL summary
    # pages and the video have something to show.
    answer.video.save("bsl.webm", ContentFile(b"\x1a\x45\xdf\xa3webm" + b"\x00" * 50))
    answer.video_content_type = "video/webm"
    answer.save()
    Response.objects.filter(pk=response.pk).update(status=ResponseStatus.SUBMITTED)
    session = FocusGroupSessionFactory(consultation=survey.get_parent().specific)
    photo = FlipchartPhoto.objects.create(
        session=session, image=SimpleUploadedFile("f.png", photo_bytes("PNG"))
    )
    users = {ANON: None}
    users[PARTICIPANT] = django_user_model.objects.create_user(
        username="pat", email="pat@example.org"
    )
    users[NO_TOTP] = django_user_model.objects.create_user(
        username="newstaff", email="newstaff@example.org", password="a-long-staff-password"
    )
    users[NO_TOTP].groups.add(Group.objects.get(name=Role.ENGAGEMENT))
    for key, role in ROLE_GROUPS.items():
        users[key] = staff_user(django_user_model, role=role, username=key)
    collaborative = Collaborative.objects.create(code="t-lda", name="Test LDA Collaborative")
    from tests.insight.factories import pledge_for

    pledge = pledge_for(collaborative, number=301, code="pledge-t301")
    collaborative.members.add(users[COLLAB], users[EXPERT])
    from insight.models import ExportJob

    job = ExportJob.objects.create(user=users[ENG], kind="aggregates", format="csv")
    return {
        "survey": survey,
        "response": response,
        "answer": answer,
        "photo": photo,
        "users": users,
        "values": {
            "survey_id": str(survey.pk),
            "question_id": audio_q.id,
            "step": "start",
            "response_id": str(response.pk),
            "answer_id": str(answer.pk),
            "photo_id": str(photo.pk),
            "session_id": str(session.pk),
            "code": pledge.code,
            "job_id": str(job.pk),
            "kind": "aggregates",
        },
    }


def test_every_role_sees_exactly_what_the_matrix_says(client, world):
    patterns = list(walk(get_resolver().url_patterns))
    unclassified = []
    checks: list[tuple[str, str, dict]] = []
    for route, name, module in patterns:
        expected = classify(route, name, module)
        url = concrete(route, world["values"])
        if expected is None or url is None:
            unclassified.append(f"{route} (name={name}, view in {module})")
            continue
        checks.append((url, route, expected))
    # Private uploads have no public URL, whatever the role.
    for path in (
        world["answer"].audio.name,
        world["answer"].video.name,
        world["photo"].image.name,
    ):
        checks.append((f"/media/{path}", "MEDIA_URL", MISSING))
    checks.append(("/media/audio/any.webm", "MEDIA_URL", MISSING))
    checks.append(("/media/video/any.webm", "MEDIA_URL", MISSING))

    # Signing out (Wagtail's admin logs out on GET) last, so it cannot hide what follows.
    checks.sort(key=lambda check: ("logout" in check[0], check[0] == "/admin/logout/"))
    client.raise_request_exception = False  # a 500 is an outcome to report, not a crash
    mismatches = []
    for role in ROLES:
        client.logout()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        for url, route, expected in checks:
            got = outcome(client.get(url))
            if got not in expected[role]:
                mismatches.append(
                    f"{role:13} {url} ({route}): got {got}, want {set(expected[role])}"
                )
    assert not unclassified, "URL patterns missing from the access matrix:\n" + "\n".join(
        unclassified
    )
    assert not mismatches, f"{len(mismatches)} of {len(checks) * len(ROLES)}:\n" + "\n".join(
        mismatches
    )
