"""Staff screens in the Wagtail admin (registered in wagtail_hooks.py): responses, entering a
paper or phone response on someone's behalf, fast bulk entry of focus-group contributions,
summaries of answers signed in BSL, and downloads of private files. Every view checks the role
it needs, and every view of a person's answer is audited."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role, has_role
from languages.catalogue import get as language_get

from . import selectors, services
from .forms import BslSummaryForm, BulkContributionsForm, StaffEntryForm
from .models import Answer, FlipchartPhoto, Response, ResponseStatus, SurveyPage
from .questions import answer_display
from .uploads import image_sniff
from .views import remember_response

ENTRY_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR)
# Safeguarding leads read responses (and hear recordings) when something is flagged.
READ_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR, Role.SAFEGUARDING_LEAD)


def role_required(*roles: Role):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@role_required(*READ_ROLES)
def survey_index(request):
    surveys = selectors.surveys_for_staff()
    return render(request, "feedback/admin/survey_index.html", {"surveys": surveys})


@role_required(*READ_ROLES)
def survey_responses(request, survey_id: int):
    survey = get_object_or_404(SurveyPage, pk=survey_id)
    responses = selectors.responses_for_survey(survey=survey)
    audit_record(
        user=request.user, action=AuditAction.VIEW_RESPONSES, target=f"survey:{survey.pk}"
    )
    return render(
        request,
        "feedback/admin/survey_responses.html",
        {
            "survey": survey,
            "responses": responses,
            "can_enter": has_role(request.user, *ENTRY_ROLES),
        },
    )


@role_required(*READ_ROLES)
def response_detail(request, response_id: int):
    response = get_object_or_404(
        Response.objects.select_related("survey", "entered_by"), pk=response_id
    )
    survey = response.survey.specific
    audit_record(
        user=request.user, action=AuditAction.VIEW_RESPONSE, target=f"response:{response.pk}"
    )
    answers = selectors.response_answers(response=response)
    tags = selectors.text_tags(f"a:{a.pk}" for a in answers.values())
    rows = []
    for q in selectors.survey_questions(survey=survey):
        a = answers.get(q.id)
        rows.append(
            {
                "question": q,
                "answer": a,
                "name": selectors.text_name(f"a:{a.pk}") if a else "",
                "tags": tags.get(f"a:{a.pk}", []) if a else [],
                "display": answer_display(
                    q, a.value if a else None, has_audio=bool(a and a.audio)
                ),
            }
        )
    return render(
        request,
        "feedback/admin/response_detail.html",
        {
            "response": response,
            "survey": survey,
            "rows": rows,
            "can_summarise": has_role(request.user, *ENTRY_ROLES),
        },
    )


@role_required(*ENTRY_ROLES)
def survey_enter(request, survey_id: int):
    """Start a response on someone's behalf (paper, phone, interview, focus group), then
    fill it in through the same accessible pages participants use."""
    survey = get_object_or_404(SurveyPage, pk=survey_id)
    form = StaffEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            response = services.response_start(
                survey=survey, channel=form.cleaned_data["channel"], entered_by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            remember_response(request, response)
            return redirect("feedback:who", survey.pk)
    return render(request, "feedback/admin/survey_enter.html", {"survey": survey, "form": form})


def _private_file(file, content_type: str, filename: str) -> FileResponse:
    if not file:
        raise Http404("No file")
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@role_required(*READ_ROLES)
def answer_audio(request, answer_id: int):
    answer = get_object_or_404(Answer, pk=answer_id)
    ext = answer.audio.name.rsplit(".", 1)[-1] if "." in answer.audio.name else "bin"
    response = _private_file(
        answer.audio,
        answer.audio_content_type or "application/octet-stream",
        f"response-{answer.response.reference}-{answer.question_id[:8]}.{ext}",
    )
    # Recorded only once the file is there to be sent (a missing file is a 404, not a view).
    audit_record(
        user=request.user,
        action=AuditAction.DOWNLOAD_AUDIO,
        target=f"answer:{answer.pk}",
        detail=f"response:{answer.response_id}",
    )
    return response


@role_required(*READ_ROLES)
def answer_video(request, answer_id: int):
    """An answer signed in BSL, for the staff page's player (or to download): private,
    never cached, and every fetch audited."""
    answer = get_object_or_404(Answer.objects.select_related("response"), pk=answer_id)
    ext = answer.video.name.rsplit(".", 1)[-1] if "." in answer.video.name else "bin"
    response = _private_file(
        answer.video,
        answer.video_content_type or "application/octet-stream",
        f"response-{answer.response.reference}-{answer.question_id[:8]}-bsl.{ext}",
    )
    audit_record(
        user=request.user,
        action=AuditAction.DOWNLOAD_UPLOAD,
        target=f"answer:{answer.pk}",
        detail=f"BSL video, response:{answer.response_id}",
    )
    return response


@role_required(*ENTRY_ROLES)
def bsl_queue(request):
    """Answers signed in BSL waiting for a written summary (the engagement team's queue)."""
    return render(
        request,
        "feedback/admin/bsl_queue.html",
        {
            "waiting": list(selectors.bsl_answers_to_summarise()),
            "done": list(selectors.bsl_answers_summarised()),
        },
    )


@role_required(*ENTRY_ROLES)
def bsl_summarise(request, answer_id: int):
    """Watch an answer signed in BSL and write what the person said in English. Saving queues
    the same tagging and safeguarding screen as written answers (``answer_summary_save``)."""
    answer = get_object_or_404(
        Answer.objects.select_related("response__survey", "summarised_by"), pk=answer_id
    )
    if not answer.video or answer.response.status != ResponseStatus.SUBMITTED:
        raise Http404("No BSL answer to summarise")
    survey = answer.response.survey.specific
    question = selectors.survey_question(survey=survey, question_id=answer.question_id)
    form = BslSummaryForm(request.POST or None, initial={"summary": answer.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_summary_save(
                answer=answer, summary=form.cleaned_data["summary"], user=request.user
            )
        except ValidationError as exc:
            form.add_error("summary", exc)
        else:
            messages.success(
                request,
                f"Summary saved for response {answer.response.reference_display}. It will be "
                "tagged and checked for safeguarding.",
            )
            return redirect("feedback_admin:bsl_queue")
    audit_record(
        user=request.user,
        action=AuditAction.VIEW_RESPONSE,
        target=f"response:{answer.response_id}",
        detail=f"BSL answer:{answer.pk}",
    )
    return render(
        request,
        "feedback/admin/bsl_summarise.html",
        {
            "answer": answer,
            "survey": survey,
            "question": question,
            "form": form,
            # The survey's words are in the language the person answered in (marked up so a
            # screen reader reads them in it; the admin is English).
            "language": language_get(answer.response.language),
        },
    )


@role_required(*READ_ROLES)
def flipchart_photo(request, photo_id: int):
    photo = get_object_or_404(FlipchartPhoto, pk=photo_id)
    if not photo.image:
        raise Http404("No file")
    with photo.image.open("rb") as f:
        sniffed = image_sniff(f.read(64))
    content_type = sniffed.content_type if sniffed else "application/octet-stream"
    ext = sniffed.extension if sniffed else ".bin"
    response = _private_file(
        photo.image, content_type, f"flipchart-{photo.session_id}-{photo.pk}{ext}"
    )
    audit_record(
        user=request.user,
        action=AuditAction.DOWNLOAD_UPLOAD,
        target=f"flipchart:{photo.pk}",
        detail=f"focus group:{photo.session_id}",
    )
    return response


@role_required(*ENTRY_ROLES)
def focus_group_bulk(request, session_id: int):
    session = selectors.focus_group_session_get(session_id=session_id)
    if session is None:
        raise Http404("No such focus group")
    form = BulkContributionsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.contributions_bulk_create(
                session=session,
                text=form.cleaned_data["lines"],
                entered_by=request.user,
                speaker_group=form.cleaned_data["speaker_group"],
                words=form.cleaned_data["words"],
            )
        except ValidationError as exc:
            form.add_error("lines", exc)
        else:
            messages.success(request, f"Added {len(created)} contributions. Each will be tagged.")
            return redirect(reverse("feedback_admin:focus_group_bulk", args=[session.pk]))
    contributions = list(session.contributions.all().order_by("sort_order", "pk"))
    tags = selectors.text_tags(f"c:{c.pk}" for c in contributions)
    rows = [
        {"c": c, "name": selectors.text_name(f"c:{c.pk}"), "tags": tags.get(f"c:{c.pk}", [])}
        for c in contributions
    ]
    return render(
        request,
        "feedback/admin/focus_group_bulk.html",
        {"session": session, "form": form, "contributions": rows},
    )
