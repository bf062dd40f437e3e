"""The tagger health page as staff read it: per-label F1 from reviewed texts with 95%
intervals, split by voice and by channel, labels below 0.75 flagged, the learning curve, and
"Retrain now" in the background with a truthful wait."""

import pytest

from feedback.models import Response
from tasks.models import Tag, TaggerVersion, TagMethod, TagStatus
from tests.feedback.factories import staff_user
from tests.tasks.test_review_screen import tagged

pytestmark = pytest.mark.django_db

HEALTH = "/admin/tagging/health/"


@pytest.fixture
def reviewer(client, django_user_model):
    user = staff_user(django_user_model)
    client.force_login(user)
    return user


def row_of(html: str, name: str) -> str:
    """The table row whose heading cell starts with ``name``."""
    at = html.index(f'<th scope="row">{name}')
    return html[at : html.index("</tr>", at)]


def machine(response: Response, code: str, status: str, user) -> None:
    answer = response.answers.get()
    Tag.objects.filter(response=response).delete()
    Tag.objects.create(
        target=f"a:{answer.pk}",
        response=response,
        answer=answer,
        code=code,
        kind="pathway",
        confidence=0.8,
        method=TagMethod.MODEL,
        status=status,
        reviewed_by=user,
    )


def test_per_label_f1_with_intervals_split_by_voice_and_channel_and_low_labels_flagged(
    client, reviewer
):
    # Respite suggestions were right for carers every time; crisis ones were wrong for half.
    for i in range(6):
        r = tagged(f"my short breaks stopped in week {i}")
        Response.objects.filter(pk=r.pk).update(voice="carer", channel="paper")
        machine(r, "respite-and-carers", TagStatus.CONFIRMED, reviewer)
    for i in range(6):
        r = tagged(f"nobody picked up the phone at night {i}")
        Response.objects.filter(pk=r.pk).update(voice="self", channel="online")
        machine(
            r, "crisis-support", TagStatus.CONFIRMED if i % 2 else TagStatus.REJECTED, reviewer
        )
    # A text still waiting for review is left out.
    waiting = tagged("the nurse was nice")
    machine(waiting, "crisis-support", TagStatus.SUGGESTED, None)

    html = client.get(HEALTH).content.decode()
    assert "95% interval" in html
    respite = row_of(html, "Short breaks and carer support")
    assert "1.00 (1.00\u20131.00), 6" in respite
    assert "Carer: 1.00" in respite and "Paper: 1.00" in respite
    assert "Below 0.75" not in respite
    crisis = row_of(html, "Crisis support")
    assert "Below 0.75" in crisis
    assert "0.67 (" in crisis and "), 3" in crisis  # 3 right of 6 suggested: P 0.5, R 1
    assert "Self: 0.67" in crisis and "Online: 0.67" in crisis


def test_learning_curve_lists_each_version_against_reviewed_texts(client, reviewer):
    for n, f1 in ((10, 0.6), (40, 0.72), (90, 0.81)):
        TaggerVersion.objects.create(
            version=f"v{n}",
            reason="test",
            examples=200 + n,
            reviewed_examples=n,
            metrics={"macro_f1": f1, "micro_f1": f1 + 0.05},
            blob=b"",
        )
    html = client.get(HEALTH).content.decode()
    assert "<polyline" in html and "Learning curve" in html
    assert html.index("<td>v10</td>") < html.index("<td>v40</td>") < html.index("<td>v90</td>")
    assert "<td>90</td><td>0.81</td>" in html


def test_retrain_now_runs_in_the_background_and_the_page_says_when_it_is_done(
    client, reviewer, monkeypatch
):
    queued = []
    monkeypatch.setattr(
        "tasks.admin_views.enqueue", lambda name, *args: queued.append((name, args)) or True
    )
    tagged("i never had my helth chek")  # trains the first version
    first = TaggerVersion.objects.get(is_current=True)
    answer = client.post(HEALTH, {"action": "retrain"})
    assert queued == [("everyvoice.retrain_tagger_now", (reviewer.pk,))]
    waiting = client.get(answer["Location"]).content.decode()
    assert "Retraining in the background" in waiting and 'http-equiv="refresh"' in waiting
    # The worker trains a new version: the page now says so, and stops refreshing.
    TaggerVersion.objects.update(is_current=False)
    TaggerVersion.objects.create(version="new", reason="x", examples=1, blob=b"", is_current=True)
    done = client.get(answer["Location"]).content.decode()
    assert "Retrained in the background" in done and 'http-equiv="refresh"' not in done
    # If no new version ever appears, the page stops waiting and says why.
    TaggerVersion.objects.filter(version="new").delete()
    first.is_current = True
    first.save()
    since = first.trained_at.timestamp()
    gave_up = client.get(f"{HEALTH}?waiting={since + 1:.6f}&n=40").content.decode()
    assert "No new version has appeared yet" in gave_up


def test_the_queued_retrain_job_trains_a_version(reviewer):
    from tasks.tasks import retrain_tagger_now

    version = retrain_tagger_now(reviewer.pk)
    current = TaggerVersion.objects.get(is_current=True)
    assert current.version == version and reviewer.get_username() in current.reason


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # the job thread's own connection
def test_with_no_broker_retrain_now_returns_at_once_and_a_background_thread_trains(
    client, reviewer, settings, monkeypatch
):
    """`make run` (no broker): the request only queues the job; the job thread trains."""
    from cms import jobs

    tagged("i never had my helth chek")  # trains the first version, inline in this test
    first = TaggerVersion.objects.get(is_current=True)
    settings.EVERYVOICE_JOBS_IN_THREAD = True
    submitted = []
    monkeypatch.setattr(jobs.JOBS, "submit", lambda name, args: submitted.append((name, args)))
    answer = client.post(HEALTH, {"action": "retrain"})
    assert submitted == [("everyvoice.retrain_tagger_now", (reviewer.pk,))]
    assert TaggerVersion.objects.get(is_current=True).trained_at == first.trained_at
    assert "Retraining in the background" in client.get(answer["Location"]).content.decode()

    worker = jobs.JobThread()
    for name, args in submitted:
        worker.submit(name, args)
    assert worker.wait(120)
    # Nothing new to learn gives the same version, retrained now: the wait ends truthfully.
    current = TaggerVersion.objects.get(is_current=True)
    assert current.trained_at > first.trained_at
    assert reviewer.get_username() in current.reason
    done = client.get(answer["Location"]).content.decode()
    assert "Retrained in the background" in done and 'http-equiv="refresh"' not in done
