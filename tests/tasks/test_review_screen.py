"""The review screen as the engagement team uses it in the Wagtail admin: stable names and
links, tags beside each text, undo with an audit trail, evidence from the answer's own words,
the order of the queue and safeguarding containment."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import AuditEvent
from feedback.models import Contribution, Response, ResponseStatus
from safeguarding.models import SafeguardingFlag
from tasks import services
from tasks.models import Tag, TagMethod, TagStatus
from tasks.tagging import Example
from tasks.tasks import tag_contribution, tag_response
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    ResponseFactory,
    staff_user,
    survey_page,
)
from tests.tasks.test_tagging_admin import QUESTIONS

pytestmark = pytest.mark.django_db

REVIEW = "/admin/tagging/review/"


@pytest.fixture
def reviewer(client, django_user_model):
    user = staff_user(django_user_model)
    client.force_login(user)
    return user


def tagged(text: str) -> Response:
    """A sent response with one free-text answer (stored as the survey stores it), tagged."""
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey)
    response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value={"text": text},
        text=text,
    )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    tag_response(response.pk)
    return response


def machine_tag(response, code="annual-health-checks", confidence=0.6) -> Tag:
    answer = response.answers.get()
    Tag.objects.filter(response=response).delete()
    return Tag.objects.create(
        target=f"a:{answer.id}",
        response=response,
        answer=answer,
        code=code,
        kind="pathway",
        confidence=confidence,
        evidence="a training sentence that is not in the answer",
        method=TagMethod.MODEL,
    )


def test_each_text_has_one_stable_name_and_a_link_back_to_its_response(client, reviewer):
    first = tagged("i never had my helth chek")
    second = tagged("We need help in a crisis at night, nobody answers the phone")
    a1, a2 = first.answers.get(), second.answers.get()
    html = client.get(REVIEW).content.decode()
    assert f"Answer {a1.pk}" in html and f"Answer {a2.pk}" in html
    assert "Survey answer" not in html
    link = reverse("feedback_admin:response_detail", args=[first.pk]) + f"#answer-{a1.pk}"
    assert f'href="{link}"' in html
    assert f"Response {first.reference_display}" in html
    # Filtering or re-ordering never renames a text.
    filtered = client.get(REVIEW, {"code": "annual-health-checks", "order": "date"})
    assert f"Answer {a1.pk}" in filtered.content.decode()
    # The response page names the answer the same way, with its tags beside it.
    page = client.get(link.split("#")[0]).content.decode()
    assert f'id="answer-{a1.pk}"' in page and f"Answer {a1.pk}" in page
    assert "Annual health checks" in page and "(suggested)" in page


def test_focus_group_contributions_are_named_linked_and_show_their_tags(client, reviewer):
    session = FocusGroupSessionFactory()
    contribution = Contribution.objects.create(
        session=session, text="My respite was cut and I am exhausted as a carer"
    )
    tag_contribution(contribution.pk)
    assert Tag.objects.filter(contribution=contribution).exists()
    html = client.get(REVIEW).content.decode()
    url = reverse("feedback_admin:focus_group_bulk", args=[session.pk])
    assert f'href="{url}#contribution-{contribution.pk}"' in html
    assert f"Contribution {contribution.pk}" in html
    page = client.get(url).content.decode()
    assert f'id="contribution-{contribution.pk}"' in page
    assert f"Contribution {contribution.pk}" in page and "(suggested)" in page


def test_a_mistaken_confirmation_is_undone_and_both_are_in_the_audit_log(client, reviewer):
    response = tagged("i never had my helth chek")
    tag = Tag.objects.filter(response=response).first()
    client.post(REVIEW, {"decision": "confirmed", "tag": [tag.pk]})
    tag.refresh_from_db()
    assert tag.status == TagStatus.CONFIRMED
    html = client.get(REVIEW).content.decode()
    undo = reverse("tagging_admin:tag_undo", args=[tag.pk])
    assert f'action="{undo}"' in html

    back = client.post(undo, {"next": f"{REVIEW}?order=date"})
    assert back["Location"] == f"{REVIEW}?order=date#recent"  # where its undo button was
    tag.refresh_from_db()
    assert (tag.status, tag.reviewed_by, tag.reviewed_at) == (TagStatus.SUGGESTED, None, None)
    events = list(AuditEvent.objects.filter(target=f"tag:{tag.pk}").order_by("at", "id"))
    assert [e.action for e in events] == ["review_tags", "undo_tag"]
    assert events[1].username == reviewer.get_username()
    assert "confirmed -> suggested" in events[1].detail
    # The text is back in the queue; undoing again has nothing to undo.
    assert "i never had my helth chek" in client.get(REVIEW).content.decode()
    client.post(undo)
    assert AuditEvent.objects.filter(action="undo_tag").count() == 1


def test_undoing_an_added_tag_removes_it_and_never_leaves_the_site(client, reviewer):
    response = tagged("i never had my helth chek")
    answer = response.answers.get()
    client.post(REVIEW, {"decision": "add", f"add-a:{answer.id}": "leder"})
    added = Tag.objects.get(target=f"a:{answer.id}", code="leder")
    assert added.method == TagMethod.HUMAN
    back = client.post(
        reverse("tagging_admin:tag_undo", args=[added.pk]), {"next": "https://evil.example/"}
    )
    assert back["Location"] == f"{REVIEW}#recent"
    assert not Tag.objects.filter(pk=added.pk).exists()
    assert AuditEvent.objects.filter(action="undo_tag", target=f"tag:{added.pk}").exists()


def test_confirming_a_suggestion_through_add_keeps_it_undoable_to_the_suggestion(client, reviewer):
    response = tagged("i never had my helth chek")
    tag = Tag.objects.filter(response=response, method__in=["rules", "model"]).first()
    client.post(REVIEW, {"decision": "add", f"add-{tag.target}": tag.code})
    tag.refresh_from_db()
    assert (tag.status, tag.method) == (TagStatus.CONFIRMED, tag.method)
    client.post(reverse("tagging_admin:tag_undo", args=[tag.pk]))
    tag.refresh_from_db()
    assert tag.status == TagStatus.SUGGESTED


def test_a_suggestion_left_waiting_or_undone_is_not_taught_to_the_tagger_as_wrong(
    client, reviewer
):
    response = tagged("i never had my helth chek")
    first = machine_tag(response, code="annual-health-checks")
    second = Tag.objects.create(
        target=first.target,
        response=response,
        answer=first.answer,
        code="pledge-9",
        kind="pledge",
        confidence=0.7,
        method=TagMethod.RULES,
    )
    text = "i never had my helth chek"

    client.post(REVIEW, {"decision": "confirmed", "tag": [first.pk]})
    # pledge-9 still waits in the queue: the tagger learns the confirmation, not a rejection,
    # and the screen says so.
    page = client.get(REVIEW).content.decode()
    assert "learns nothing about it from that text until someone decides" in page
    assert f'id="tag-{second.pk}"' in page
    assert services.reviewed_examples() == [
        Example(text, frozenset({"annual-health-checks"}), frozenset({"pledge-9"}))
    ]
    client.post(REVIEW, {"decision": "rejected", "tag": [second.pk]})
    assert services.reviewed_examples() == [Example(text, frozenset({"annual-health-checks"}))]

    # Undoing the mistaken confirmation leaves the tag undecided, not wrong.
    client.post(reverse("tagging_admin:tag_undo", args=[first.pk]))
    assert services.reviewed_examples() == [
        Example(text, frozenset(), frozenset({"annual-health-checks"}))
    ]
    client.post(reverse("tagging_admin:tag_undo", args=[second.pk]))
    assert services.reviewed_examples() == []  # no decision left: not a reviewed text


def test_a_chosen_tag_is_added_whichever_button_is_pressed(client, reviewer):
    response = tagged("i never had my helth chek")
    first = machine_tag(response, code="annual-health-checks")
    client.post(
        REVIEW,
        {"decision": "confirmed", "tag": [first.pk], f"add-{first.target}": "leder"},
    )
    first.refresh_from_db()
    assert first.status == TagStatus.CONFIRMED
    added = Tag.objects.get(target=first.target, code="leder")
    assert (added.method, added.status) == (TagMethod.HUMAN, TagStatus.CONFIRMED)


def test_the_add_list_leaves_out_tags_on_the_text_and_a_rejection_is_not_overwritten(
    client, reviewer
):
    response = tagged("i never had my helth chek")
    first = machine_tag(response, code="annual-health-checks")
    html = client.get(REVIEW).content.decode()
    add_list = html[html.index(f'name="add-{first.target}"') :]
    add_list = add_list[: add_list.index("</select>")]
    assert 'value="annual-health-checks"' not in add_list and 'value="leder"' in add_list
    # Pledges and pathways are grouped, so like names (health checks) are told apart.
    assert add_list.index('<optgroup label="Pledges">') < add_list.index('value="pledge-9"')
    assert add_list.index('<optgroup label="Pathways">') < add_list.index('value="leder"')
    assert "1 text waiting" in html and "1 texts" not in html

    client.post(REVIEW, {"decision": "rejected", "tag": [first.pk]})
    page = client.post(
        REVIEW, {"decision": "add", f"add-{first.target}": "annual-health-checks"}, follow=True
    )
    first.refresh_from_db()
    assert first.status == TagStatus.REJECTED  # still undoable as a rejection
    assert "undo the rejection" in page.content.decode()


def test_a_decision_names_each_tag_and_text_and_the_page_opens_where_the_reviewer_was(
    client, reviewer
):
    from cms.selectors import active_taxonomy

    names = {t.code: t.name for t in active_taxonomy()}
    first, second, third = (
        tagged("i never had my helth chek"),
        tagged("the nurse was nice"),
        tagged("nobody listens to me"),
    )
    a = machine_tag(first, code="annual-health-checks")
    a2 = Tag.objects.create(
        target=a.target, response=first, answer=a.answer, code="leder", kind="pledge",
        confidence=0.4, method=TagMethod.MODEL,
    )  # fmt: skip
    b, c = machine_tag(second), machine_tag(third)
    shown = [a.target, b.target, c.target]  # as the page showed them, top to bottom
    form = {"shown": shown, "next": f"{REVIEW}?order=date"}

    # One of the first text's two tags: it still waits, so the page opens at it.
    back = client.post(REVIEW, {**form, "decision": "confirmed", "tag": [a.pk]})
    assert back["Location"] == f"{REVIEW}?order=date#text-{a.target.replace(':', '')}"
    page = client.get(back["Location"]).content.decode()
    said = f"Confirmed \u201c{names['annual-health-checks']}\u201d on Answer {a.answer_id}."
    assert said in page
    assert f'id="text-{a.target.replace(":", "")}" class="w-h3" tabindex="-1"' in page

    # Its last tag decided, it leaves the queue: the page opens at the next text shown.
    back = client.post(REVIEW, {**form, "decision": "rejected", "tag": [a2.pk]})
    assert back["Location"].endswith(f"#text-{b.target.replace(':', '')}")

    # Two texts at once, one with an added tag: every tag and text is named.
    back = client.post(
        REVIEW,
        {**form, "decision": "confirmed", "tag": [b.pk, c.pk], f"add-{c.target}": "leder"},
        follow=True,
    )
    page = back.content.decode()
    health = f"\u201c{names['annual-health-checks']}\u201d"
    assert (
        f"Confirmed {health} on Answer {b.answer_id}; {health} on Answer {c.answer_id}. "
        f"Added \u201c{names['leder']}\u201d to Answer {c.answer_id}."
    ) in page
    # Nothing waits any more: the page opens at "Nothing is waiting for review."
    assert back.redirect_chain[-1][0] == f"{REVIEW}?order=date#queue-empty"
    assert 'id="queue-empty" tabindex="-1"' in page

    # An undo names what it undid and opens at "Recent decisions", where its button is.
    page = client.post(
        reverse("tagging_admin:tag_undo", args=[b.pk]), {"next": REVIEW}, follow=True
    )
    assert page.redirect_chain[-1][0] == f"{REVIEW}#recent"
    assert (
        f"Undone: {health} on Answer {b.answer_id} is waiting for review again."
        in page.content.decode()
    )


def test_after_the_last_text_the_page_opens_at_the_nearest_one_still_waiting(client, reviewer):
    a, b = machine_tag(tagged("i never had my helth chek")), machine_tag(tagged("nobody listens"))
    form = {"shown": [a.target, b.target], "next": REVIEW}
    back = client.post(REVIEW, {**form, "decision": "confirmed", "tag": [b.pk]})
    assert back["Location"] == f"{REVIEW}#text-{a.target.replace(':', '')}"
    # Nothing ticked: the page opens at the top of the queue, not the top of the page...
    back = client.post(REVIEW, {**form, "decision": "confirmed"})
    assert back["Location"] == f"{REVIEW}#text-{a.target.replace(':', '')}"
    # ...or, pressed under a text, at that text.
    c = machine_tag(tagged("nobody rings back"))
    back = client.post(REVIEW, {**form, "decision": f"confirmed:{c.target}"})
    assert back["Location"] == f"{REVIEW}#text-{c.target.replace(':', '')}"
    assert Tag.objects.get(pk=c.pk).status == TagStatus.SUGGESTED
    page = client.get(back["Location"]).content.decode()
    assert "You can undo it under" in page  # one decision: "it"
    # Showing another filter or order starts at the top: the form does not carry the place.
    assert f'<form method="get" action="{REVIEW}"' in page


def test_each_text_has_its_own_buttons_and_ticks_left_by_add_are_named(client, reviewer):
    from cms.selectors import active_taxonomy

    names = {t.code: t.name for t in active_taxonomy()}
    a, b = machine_tag(tagged("i never had my helth chek")), machine_tag(tagged("nobody listens"))
    html = client.get(REVIEW).content.decode()
    for tag in (a, b):
        section = html[html.index(f'id="text-{tag.target.replace(":", "")}"') :]
        section = section[: section.index("</section>")]
        for decision in ("confirmed", "rejected", "add"):  # each says which text it is under
            assert f'value="{decision}:{tag.target}"' in section
    page = client.post(
        REVIEW,
        {"decision": "add", "tag": [a.pk], f"add-{b.target}": "leder", "shown": [a.target]},
        follow=True,
    ).content.decode()
    health = names["annual-health-checks"]
    assert (
        f"Ticked but not decided, as Add only adds chosen tags: \u201c{health}\u201d on "
        f"Answer {a.answer_id}. To decide it, tick it again"
    ) in page
    assert Tag.objects.get(pk=a.pk).status == TagStatus.SUGGESTED
    assert Tag.objects.get(target=b.target, code="leder").status == TagStatus.CONFIRMED


def test_pledges_are_named_with_their_number_and_a_filtered_empty_queue_says_so(client, reviewer):
    tag = machine_tag(tagged("i never had my helth chek"), code="pledge-9")
    html = client.get(REVIEW).content.decode()
    assert "Pledge 9: Annual health checks" in html  # not mistaken for the pathway
    page = client.post(
        REVIEW,
        {"decision": "confirmed", "tag": [tag.pk], "next": f"{REVIEW}?code=pledge-9"},
        follow=True,
    ).content.decode()
    assert "Confirmed \u201cPledge 9: Annual health checks" in page
    assert "0 texts waiting under \u201cPledge 9: Annual health checks" in page
    assert "Nothing under \u201cPledge 9: Annual health checks" in page
    assert f'href="{REVIEW}?order=teach">Show texts waiting under every' in page


def test_a_message_names_at_most_three_texts_and_counts_the_rest(client, reviewer):
    tags = [machine_tag(tagged(f"i never had my helth chek {n}")) for n in range(5)]
    page = client.post(
        REVIEW, {"decision": "rejected", "tag": [t.pk for t in tags]}, follow=True
    ).content.decode()
    assert page.count("Rejected \u201c") == 1 and "tags on 2 more texts." in page
    assert all(Tag.objects.get(pk=t.pk).status == TagStatus.REJECTED for t in tags)


def test_model_evidence_is_words_of_the_answer_never_training_text(client, reviewer):
    response = tagged("Nobody ever checks my health, I have not had a health check for years")
    tag = machine_tag(response, confidence=0.7)
    html = client.get(REVIEW).content.decode()
    assert "a training sentence that is not in the answer" not in html
    section = html[html.index(f'value="{tag.pk}"') :]
    section = section[: section.index("</li>")]
    marked = [part.split("</mark>")[0] for part in section.split("<mark>")[1:]]
    assert marked, section
    text = response.answers.get().text.lower()
    assert all(word.lower() in text for word in marked)
    assert any(word.lower().startswith(("health", "check")) for word in marked)


def test_queue_teaches_most_first_or_newest_first(client, reviewer):
    older = tagged("the nurse was nice")
    newer = tagged("i never had my helth chek")
    from tasks.services import tagger_current

    threshold = tagger_current().thresholds()["annual-health-checks"]
    machine_tag(older, confidence=threshold)  # torn: right at its threshold
    Tag.objects.filter(response=newer).update(confidence=0.99)
    Tag.objects.filter(response=newer).update(created_at=older.tags.get().created_at)
    Tag.objects.filter(response=older).update(created_at="2020-01-01T00:00:00Z")
    teach = client.get(REVIEW).content.decode()
    assert teach.index("the nurse was nice") < teach.index("i never had my helth chek")
    by_date = client.get(REVIEW, {"order": "date"}).content.decode()
    assert by_date.index("i never had my helth chek") < by_date.index("the nurse was nice")


def test_a_text_with_an_open_safeguarding_flag_cannot_be_confirmed_into_quotes(client, reviewer):
    response = tagged("i never had my helth chek")
    answer = response.answers.get()
    tag = Tag.objects.filter(response=response).first()
    flag = SafeguardingFlag.objects.create(
        target=f"a:{answer.pk}",
        response=response,
        answer=answer,
        severity="concern",
        method="rules",
    )
    html = client.get(REVIEW).content.decode()
    assert "Open safeguarding flag" in html
    assert f'name="add-a:{answer.pk}"' not in html
    client.post(REVIEW, {"decision": "confirmed", "tag": [tag.pk]}, follow=True)
    tag.refresh_from_db()
    assert tag.status == TagStatus.SUGGESTED
    client.post(REVIEW, {"decision": "add", f"add-a:{answer.pk}": "leder"})
    assert not Tag.objects.filter(target=f"a:{answer.pk}", code="leder").exists()
    # Once the lead releases the text it can be confirmed.
    flag.released_at = flag.created_at
    flag.save()
    client.post(REVIEW, {"decision": "confirmed", "tag": [tag.pk]})
    tag.refresh_from_db()
    assert tag.status == TagStatus.CONFIRMED


def test_held_texts_come_after_the_rest_when_ordered_by_what_teaches_most(client, reviewer):
    """A held text's tags cannot be confirmed, so it must not take the top of the queue even
    when the tagger is most torn about it; it is still listed (and marked) after the rest."""
    from tasks.services import tagger_current

    threshold = tagger_current().thresholds()["annual-health-checks"]
    held = tagged("nobody has asked me about my helth chek this year")
    free = tagged("the nurse was nice")
    machine_tag(held, confidence=threshold)  # torn: would teach most
    machine_tag(free, confidence=0.99)  # sure
    answer = held.answers.get()
    SafeguardingFlag.objects.create(
        target=f"a:{answer.pk}", response=held, answer=answer, severity="concern", method="rules"
    )
    teach = client.get(REVIEW).content.decode()
    assert "Open safeguarding flag" in teach
    assert teach.index("the nurse was nice") < teach.index(
        "nobody has asked me about my helth chek"
    )
    by_date = client.get(REVIEW, {"order": "date"}).content.decode()
    assert "nobody has asked me about my helth chek" in by_date and "the nurse was nice" in by_date
