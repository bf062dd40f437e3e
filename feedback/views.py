"""Participant pages: thin views over services and selectors.

The browser's session holds only the id of the response being worked on; every answer is
saved on the server on each Continue, so back, refresh, a closed tab or a lost session lose
nothing (the reference code brings it all back).
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

from . import forms, help_now, journey, ratelimit, selectors, services
from .forms import VOICE_CHOICES, VOICE_HINTS
from .models import Response, ResponseStatus, SurveyPage
from .pictures import picture_url
from .questions import answer_display, answer_from_form, form_for, form_initial

ABOUT_STEP_KEYS = ("start", *journey.ABOUT_STEPS)


# --- helpers ---------------------------------------------------------------------------------


def _survey_or_404(survey_id: int) -> SurveyPage:
    survey = selectors.survey_get(survey_id=survey_id)
    if survey is None:
        raise Http404("No such survey")
    return survey


def remember_response(request, response: Response) -> None:
    mapping = dict(request.session.get(selectors.SESSION_KEY) or {})
    mapping[str(response.survey_id)] = response.pk
    request.session[selectors.SESSION_KEY] = mapping
    # A new key after a reference-code look-up or sign-in: no session fixation.
    request.session.cycle_key()


def _survey_and_draft(request, survey_id: int):
    """(survey, response, None) while there is a draft to work on, else (survey, None,
    redirect); 404 when there is no such live survey. One query for both on the hot path (a
    browser working on a response); the survey alone is looked up only to send it back."""
    response = selectors.response_for_session_with_survey(
        session=request.session, survey_id=survey_id
    )
    if response is None:
        survey = _survey_or_404(survey_id)
        return survey, None, redirect(survey.url or "/")
    survey = response.survey
    if response.status == ResponseStatus.SUBMITTED:
        return survey, None, redirect("feedback:done", survey.pk)
    if response.status != ResponseStatus.DRAFT:
        return survey, None, redirect(survey.url or "/")
    return survey, response, None


def _errors(form, anchors: dict[str, str] | None = None) -> list[dict]:
    """The error summary's entries, each linking to its field (NHS.UK pattern)."""
    anchors = anchors or {}
    out = []
    for name, messages in form.errors.items():
        target = anchors.get(name, name if name != "__all__" else "answer")
        out.extend({"href": f"#{target}", "text": m} for m in messages)
    return out


def _rate_limited(request) -> HttpResponse:
    return render(request, "feedback/rate_limited.html", status=429)


def _steps(survey, response, questions=None):
    if questions is None:
        questions = selectors.survey_questions(survey=survey)
    return journey.journey_steps(survey=survey, response=response, questions=questions)


def _next_url(request, survey, steps, key: str) -> str:
    if request.GET.get("change") or request.POST.get("change"):
        return reverse("feedback:check", args=[survey.pk])
    return journey.step_after(steps, key).url


def _back_url(request, survey, steps, key: str) -> str:
    if request.GET.get("change"):
        return reverse("feedback:check", args=[survey.pk])
    before = journey.step_before(steps, key)
    return before.url if before else survey.url


def _context(survey, response, **extra) -> dict:
    return {"survey": survey, "response": response, **extra}


# Response ids whose person typed words that may be a disclosure (ids only, never text).
HELP_NOW_KEY = "ev_help_now"


def _help_now_check(request, response: Response, text: str) -> None:
    """On each free-text Continue: if the safeguarding screen (rules or model, the same one
    that flags the text for the safeguarding lead once the answers are sent) finds a possible
    disclosure, remember to show where to get help now on every page after this one, the
    confirmation page included. Never blocks the person."""
    if not help_now.may_be_disclosure(text):
        return
    ids = list(request.session.get(HELP_NOW_KEY) or [])
    if response.pk not in ids:
        request.session[HELP_NOW_KEY] = [*ids, response.pk][-20:]


def _help_now(request, response: Response | None) -> bool:
    return response is not None and response.pk in (request.session.get(HELP_NOW_KEY) or [])


# --- start and who is answering ------------------------------------------------------------


@require_POST
def start(request, survey_id: int):
    survey = _survey_or_404(survey_id)
    form = forms.StartForm(request.POST)
    if form.is_spam:
        return redirect(survey.url)
    if not ratelimit.hit(request, ratelimit.START):
        return _rate_limited(request)
    user = request.user if request.user.is_authenticated else None
    try:
        response = services.response_start(survey=survey, participant=user)
    except ValidationError:
        return redirect(survey.url)  # closed: the start page says so in easy read
    remember_response(request, response)
    return redirect("feedback:who", survey.pk)


def carry_on(request, survey_id: int):
    """Go to the first page not done yet (used after resuming)."""
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if bounce:
        return bounce
    steps = _steps(survey, response)
    answered = set(response.answers.values_list("question_id", flat=True))
    return redirect(journey.step_to_resume(steps=steps, response=response, answered=answered).url)


@require_http_methods(["GET", "POST"])
def who(request, survey_id: int):
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if bounce:
        return bounce
    steps = _steps(survey, response)
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.ANSWER):
            return _rate_limited(request)
        form = forms.WhoForm(request.POST)
        if form.is_valid():
            services.response_voice_set(response=response, voice=form.cleaned_data["answer"])
            return redirect(_next_url(request, survey, steps, "who"))
    else:
        form = forms.WhoForm(initial={"answer": response.voice} if response.voice else None)
    options = [
        {"value": v, "label": label, "hint": VOICE_HINTS.get(v, "")} for v, label in VOICE_CHOICES
    ]
    return render(
        request,
        "feedback/who.html",
        _context(
            survey,
            response,
            form=form,
            options=options,
            current=form["answer"].value(),
            errors=_errors(form, {"answer": "answer-1"}),
            back_url=_back_url(request, survey, steps, "who"),
            change=bool(request.GET.get("change")),
        ),
    )


# --- one question per page -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def question(request, survey_id: int, question_id: str):
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if bounce:
        return bounce
    questions = selectors.survey_questions(survey=survey)  # once per request
    q = selectors.survey_question(survey=survey, question_id=question_id, questions=questions)
    if q is None:
        raise Http404("No such question")
    steps = _steps(survey, response, questions)
    # A POST needs the stored answer only to know if a recording is kept (audio questions).
    stored = (
        response.answers.filter(question_id=q.id).first()
        if request.method == "GET" or q.type == "audio" or q.bsl_answer
        else None
    )
    has_audio = bool(stored and stored.audio)
    has_video = bool(stored and stored.video)
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.ANSWER):
            return _rate_limited(request)
        form = form_for(
            q, has_audio=has_audio, has_video=has_video, data=request.POST, files=request.FILES
        )
        if form.is_valid():
            value, text = answer_from_form(q, form.cleaned_data)
            services.answer_save(
                response=response,
                question=q,
                value=value,
                text=text,
                audio=form.cleaned_data.get("answer") if q.type == "audio" else None,
            )
            _help_now_check(request, response, text)
            return redirect(_next_url(request, survey, steps, q.id))
    else:
        form = form_for(
            q,
            has_audio=has_audio,
            has_video=has_video,
            initial=form_initial(q, stored and stored.value),
        )
    current = form["answer"].value() if q.type != "audio" else None
    if q.type == "multiple_choice":
        current = current or []
    anchor = "answer-1" if q.options else "answer"
    return render(
        request,
        "feedback/question.html",
        _context(
            survey,
            response,
            form=form,
            q=q,
            current=current,
            why=form["why"].value() if "why" in form.fields else "",
            has_audio=has_audio,
            has_video=has_video,
            errors=_errors(form, {"answer": anchor, "why": "why"}),
            back_url=_back_url(request, survey, steps, q.id),
            change=bool(request.GET.get("change")),
            total=sum(1 for s in steps if s.kind == "question"),
            help_now=_help_now(request, response),
        ),
    )


@require_http_methods(["GET", "POST"])
def bsl_answer(request, survey_id: int, question_id: str):
    """Sign your answer in BSL: record a video with the camera (survey.js) or choose one.

    Its own page, under its own path (``/bsl-answer/``), so only this page takes a request
    the size of a video (cms.middleware.RequestSizeLimitMiddleware, deploy/nginx.conf). A
    refused video changes nothing stored: any answer given before is kept."""
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if bounce:
        return bounce
    questions = selectors.survey_questions(survey=survey)
    q = selectors.survey_question(survey=survey, question_id=question_id, questions=questions)
    if q is None or not q.bsl_answer:
        raise Http404("No such question")
    steps = _steps(survey, response, questions)
    stored = response.answers.filter(question_id=q.id).first()
    has_video = bool(stored and stored.video)
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.ANSWER):
            return _rate_limited(request)
        form = forms.BslVideoForm(request.POST, request.FILES, has_video=has_video)
        if form.is_valid():
            if form.cleaned_data["video"]:
                services.answer_video_save(
                    response=response, question=q, video=form.cleaned_data["video"]
                )
            return redirect(_next_url(request, survey, steps, q.id))
    else:
        form = forms.BslVideoForm(has_video=has_video)
    change = bool(request.GET.get("change") or request.POST.get("change"))
    question_url = reverse("feedback:question", args=[survey.pk, q.id])
    return render(
        request,
        "feedback/bsl_answer.html",
        _context(
            survey,
            response,
            form=form,
            q=q,
            has_video=has_video,
            errors=_errors(form, {"video": "video"}),
            back_url=question_url + ("?change=1" if change else ""),
            write_url=question_url + ("?change=1" if change else ""),
            change=change,
            total=sum(1 for s in steps if s.kind == "question"),
            max_minutes=settings.EVERYVOICE_MAX_VIDEO_SECONDS // 60,
            max_seconds=settings.EVERYVOICE_MAX_VIDEO_SECONDS,
            help_now=_help_now(request, response),
        ),
    )


# --- about you (optional, clearly separate) ------------------------------------------------

ABOUT_FORMS = {
    "start": forms.AboutStartForm,
    "age": forms.AgeForm,
    "area": forms.AreaForm,
    "needs": forms.NeedsForm,
    "updates": forms.UpdatesForm,
    "email": forms.EmailForm,
}


# Marked for the message catalogues and translated where shown, like the answers' labels
# (the model's choices are translated in includes/choices.html and on the check page).
ABOUT_TEXT = {
    "start": (
        gettext_noop("Would you like to tell us about you?"),
        gettext_noop(
            "This part is optional. It helps us check we hear from everyone, and helps staff "
            "contact you in the way you need. It is kept apart from your answers."
        ),
    ),
    "age": (gettext_noop("How old are you?"), ""),
    "area": (gettext_noop("Where do you live?"), ""),
    "needs": (
        gettext_noop("Do you need information in a different way?"),
        gettext_noop("Choose all that help you. Leave them all empty if you do not need any."),
    ),
    "updates": (
        gettext_noop("Would you like us to email you about what changed?"),
        gettext_noop(
            "We will only use your email to tell you what happened because of what people said."
        ),
    ),
    "email": (
        gettext_noop("What is your email address?"),
        gettext_noop("We will only use it to tell you what changed."),
    ),
}
SOMEONE_ELSE_HINT = gettext_noop("If you are answering for someone else, tell us about them.")


def _about_initial(step: str, response: Response) -> dict:
    if step == "start":
        offered = response.about_you_offered
        return {"answer": {True: "yes", False: "no"}.get(offered, "")}
    if step == "age":
        return {"answer": response.age_band}
    if step == "area":
        return {"answer": response.area}
    if step == "needs":
        return {"answer": response.communication_needs}
    if step == "email":
        return {"answer": response.contact_email or ""}
    return {"answer": {True: "yes", False: "no"}.get(response.wants_updates, "")}


def _about_fields(step: str, cleaned: dict) -> dict:
    answer = cleaned.get("answer")
    if step == "start":
        return {"about_you_offered": answer == "yes"}
    if step == "age":
        return {"age_band": answer or ""}
    if step == "area":
        return {"area": answer or ""}
    if step == "needs":
        return {"communication_needs": list(answer or [])}
    if step == "email":
        return {"contact_email": answer}
    return {"wants_updates": {"yes": True, "no": False}.get(answer)}


@require_http_methods(["GET", "POST"])
def about(request, survey_id: int, step: str):
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if step not in ABOUT_FORMS or not survey.ask_about_you:
        raise Http404("No such page")
    if bounce:
        return bounce
    if step in {"updates", "email"} and not services.contact_may_be_asked(response):
        return redirect("feedback:check", survey.pk)
    form_class = ABOUT_FORMS[step]
    steps = _steps(survey, response)
    key = "about" if step == "start" else step
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.ANSWER):
            return _rate_limited(request)
        form = form_class(request.POST)
        if form.is_valid():
            response = services.response_about_you_update(
                response=response, **_about_fields(step, form.cleaned_data)
            )
            steps = _steps(survey, response)
            # From "check your answers", a new "yes" still needs the questions it opens.
            if request.POST.get("change"):
                if step == "start" and response.about_you_offered:
                    return redirect("feedback:about", survey.pk, "age")
                if step == "updates" and response.wants_updates and not response.contact_email:
                    return redirect(
                        reverse("feedback:about", args=[survey.pk, "email"]) + "?change=1"
                    )
            return redirect(_next_url(request, survey, steps, key))
    else:
        form = form_class(initial=_about_initial(step, response))
    choices = getattr(form.fields["answer"], "choices", [])
    current = form["answer"].value()
    if step == "needs":
        current = current or []
    heading, hint = (gettext(t) if t else "" for t in ABOUT_TEXT[step])
    if step in {"age", "area", "needs"} and response.voice in {"supporter", "staff_recorded"}:
        hint = f"{hint} {gettext(SOMEONE_ELSE_HINT)}".strip()
    return render(
        request,
        f"feedback/about_{step if step in {'start', 'email'} else 'step'}.html",
        _context(
            survey,
            response,
            form=form,
            step=step,
            options=[{"value": v, "label": label} for v, label in choices],
            heading=heading,
            hint=hint,
            about_picture=picture_url("people-talking"),
            current=current,
            errors=_errors(form, {"answer": "answer" if step == "email" else "answer-1"}),
            back_url=_back_url(request, survey, steps, key),
            change=bool(request.GET.get("change")),
            help_now=_help_now(request, response),
        ),
    )


# --- check your answers, send, confirmation ------------------------------------------------


def _check_rows(survey, response) -> list[dict]:
    voice_labels = dict(VOICE_CHOICES)
    rows = [
        {
            "key": gettext("Who is answering"),
            "value": gettext(voice_labels.get(response.voice, "Not answered")),
            "href": reverse("feedback:who", args=[survey.pk]) + "?change=1",
            "id": "who",
        }
    ]
    answers = selectors.response_answers(response=response)
    for q in selectors.survey_questions(survey=survey):
        a = answers.get(q.id)
        rows.append(
            {
                "key": q.text,
                "value": answer_display(q, a.value if a else None, has_audio=bool(a and a.audio)),
                "href": reverse("feedback:question", args=[survey.pk, q.id]) + "?change=1",
                "id": f"q-{q.id}",
                "required": q.required,
            }
        )
    return rows


def _about_rows(survey, response) -> list[dict]:
    if not survey.ask_about_you:
        return []

    def href(step: str) -> str:
        return reverse("feedback:about", args=[survey.pk, step]) + "?change=1"

    # The keys and values in the language being shown; the stored values are unchanged.
    not_answered = gettext("Not answered")
    rows = [
        {
            "key": gettext("Tell us about you"),
            "value": {True: gettext("Yes"), False: gettext("No, skipped")}.get(
                response.about_you_offered, not_answered
            ),
            "href": href("start"),
        }
    ]
    if response.about_you_offered:
        age = response.get_age_band_display()
        area = response.get_area_display()
        needs = [gettext(label) for label in response.get_communication_needs_display()]
        rows += [
            {
                "key": gettext("Age"),
                "value": gettext(age) if age else not_answered,
                "href": href("age"),
            },
            {
                "key": gettext("Where you live"),
                "value": gettext(area) if area else not_answered,
                "href": href("area"),
            },
            {
                "key": gettext("Help with communication"),
                "value": "\n".join(needs) or gettext("None chosen"),
                "href": href("needs"),
            },
        ]
        if services.contact_may_be_asked(response):
            updates = {True: gettext("Yes"), False: gettext("No")}.get(
                response.wants_updates, not_answered
            )
            rows.append(
                {
                    "key": gettext("Email me what changed"),
                    "value": updates,
                    "href": href("updates"),
                }
            )
            if response.wants_updates:
                rows.append(
                    {
                        "key": gettext("Email address"),
                        "value": response.contact_email or not_answered,
                        "href": href("email"),
                    }
                )
    return rows


@require_http_methods(["GET", "POST"])
def check(request, survey_id: int):
    survey, response, bounce = _survey_and_draft(request, survey_id)
    if bounce:
        return bounce
    errors: list[dict] = []
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.ANSWER):
            return _rate_limited(request)
        try:
            services.response_submit(response=response)
        except ValidationError:
            if not response.voice:
                errors.append({"href": "#who", "text": gettext("Choose who is answering")})
            for q in selectors.response_missing_required(response=response):
                text = gettext("Answer \u201c%(question)s\u201d") % {"question": q.text}
                errors.append({"href": f"#q-{q.id}", "text": text})
        else:
            return redirect("feedback:done", survey.pk)
    steps = _steps(survey, response)
    return render(
        request,
        "feedback/check.html",
        _context(
            survey,
            response,
            rows=_check_rows(survey, response),
            about_rows=_about_rows(survey, response),
            errors=errors,
            back_url=steps[-2].url if len(steps) > 1 else survey.url,
            closed=not survey.consultation.is_open,
            help_now=_help_now(request, response),
        ),
    )


def done(request, survey_id: int):
    survey = _survey_or_404(survey_id)
    response = selectors.response_for_session(session=request.session, survey=survey)
    if response is None:
        return redirect(survey.url)
    if response.is_draft:
        return redirect("feedback:check", survey.pk)
    return render(
        request,
        "feedback/done.html",
        _context(
            survey,
            response,
            help_now=_help_now(request, response),
            help_now_sent=True,  # the callout speaks of sending as done
            # An account is only ever offered, and never to a young person under 16.
            offer_account=not request.user.is_authenticated
            and services.contact_may_be_asked(response),
        ),
    )


# --- resume with a reference code ----------------------------------------------------------


@require_http_methods(["GET", "POST"])
def resume(request):
    form = forms.ResumeForm(request.POST or None)
    errors: list[dict] = []
    if request.method == "POST":
        look_up = selectors.response_look_up(request=request, form=form)
        if refusal := look_up.refusal(request, again="feedback:resume"):
            return refusal
        response = look_up.response
        if response is not None and response.is_draft:
            remember_response(request, response)
            return redirect("feedback:carry_on", response.survey_id)
        if response is not None:
            return render(
                request,
                "feedback/resume_status.html",
                {"response": response, "survey": response.survey.specific},
            )
        errors = _errors(form)
    return render(request, "feedback/resume.html", {"form": form, "errors": errors})


# --- withdraw with a reference code ----------------------------------------------------------


@require_http_methods(["GET", "POST"])
def withdraw(request):
    """Take your answers back with your reference code: type it, check, confirm.

    The first POST looks the code up and asks "are you sure?"; the second (with
    ``confirm``) withdraws. Same look-up as resume and follow
    (``selectors.response_look_up``).
    """
    form = forms.ResumeForm(request.POST or None)
    errors: list[dict] = []
    if request.method == "POST":
        look_up = selectors.response_look_up(request=request, form=form)
        if refusal := look_up.refusal(request, again="feedback:withdraw"):
            return refusal
        response = look_up.response
        if response is not None and request.POST.get("confirm") == "yes":
            services.response_withdraw(response=response)
            return render(request, "feedback/withdrawn.html", {})
        if response is not None:
            return render(
                request,
                "feedback/withdraw_confirm.html",
                {
                    "response": response,
                    "survey": response.survey.specific,
                    "back_url": reverse("feedback:withdraw"),
                },
            )
        errors = _errors(form)
    return render(request, "feedback/withdraw.html", {"form": form, "errors": errors})


@login_required
def my_answers(request):
    """A participant signed in by email code sees their own responses."""
    responses = selectors.responses_for_participant(user=request.user)
    return render(request, "feedback/my_answers.html", {"responses": responses})
