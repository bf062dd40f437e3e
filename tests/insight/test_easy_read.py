"""Easy-read insight for experts by experience: each pathway's own picture, big numbers set
apart from the sentence, hard words explained, and quotes that say who said them."""

import re

import pytest

from cms.models import Collaborative, Pathway
from cms.roles import Role
from feedback.models import Response

from .factories import as_members_see, member, tagged_response

pytestmark = pytest.mark.django_db
FIGURE = re.compile(
    r'<p class="ev-figure"[^>]*><span class="ev-figure__number">([^<]+)</span>'
    r' <span class="ev-figure__words">(.*?)</span></p>',
    re.DOTALL,
)


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def expert(client, django_user_model):
    """An expert by experience on the seeded LDA Collaborative (it owns the 11 pathways)."""
    lda = Collaborative.objects.get(code="lda-collaborative")
    user = member(django_user_model, lda, username="eve", role=Role.EXPERT_BY_EXPERIENCE)
    client.force_login(user)
    return user


def test_each_pathway_shows_its_own_picture(client, world, expert):
    for code in ("leder", "forensic", "dynamic-support"):
        for _ in range(5):
            tagged_response(world.survey, code, kind="pathway")
    page = client.get("/insight/easy-read/").content.decode()
    for code, picture in (
        ("leder", "leder"),
        ("forensic", "forensic"),
        ("dynamic-support", "support"),
    ):
        block = re.search(rf'data-theme="{code}">.*?<img src="([^"]+)"', page, re.DOTALL)
        assert block and block.group(1).endswith(f"/pictures/{picture}.svg"), code


def test_numbers_stand_apart_from_their_sentence(client, world, expert):
    for voice in ["self"] * 11 + ["carer"]:
        tagged_response(world.survey, "leder", voice=voice, kind="pathway")
    page = client.get("/insight/leder/easy-read/").content.decode()
    figures = [(n, words(rest)) for n, rest in FIGURE.findall(page)]
    everyone = as_members_see(Response.objects.all())
    carers = as_members_see(Response.objects.filter(voice="carer"))
    speaking = as_members_see(Response.objects.filter(voice="self"))

    def said(shown) -> str:
        return "Fewer than 5" if shown.suppressed else f"About {shown.text}"

    assert figures[0][0] == said(everyone)
    assert figures[0][1].startswith("people talked about learning from lives and deaths")
    assert (said(carers), "family carers.") in figures
    assert (said(speaking), "people with a learning disability or autistic people.") in figures


def test_hard_words_are_explained_where_they_are_used(client, world, expert):
    for _ in range(5):
        tagged_response(world.survey, "leder", kind="pathway")
        tagged_response(world.survey, "dynamic-support", kind="pathway")
        tagged_response(world.survey, "forensic", kind="pathway")
    index = client.get("/insight/easy-read/").content.decode()
    for term in ("insight", "LeDeR", "dynamic support register", "forensic"):
        assert re.search(
            rf'<dfn class="ev-term__word">{term}</dfn> <span class="ev-term__explanation">\(\w',
            index,
            re.IGNORECASE,
        ), term
    # Explained once per page: the second "LeDeR" on the detail page is plain.
    detail = client.get("/insight/leder/easy-read/").content.decode()
    assert detail.count('ev-term__word">LeDeR<') == 1


def test_quotes_say_which_voice_said_them(client, world, expert):
    for i in range(12):  # 12 shows as 10 or 15: enough for a quote whatever the rounding
        tagged_response(
            world.survey,
            "leder",
            kind="pathway",
            voice="carer",
            text=f"My son waited far too long for the review, week {i}.",
        )
    tagged_response(
        world.survey, "leder", kind="pathway", voice="young_person", text="Nobody asked me."
    )
    page = words(client.get("/insight/leder/easy-read/").content.decode())
    assert "Said by someone who cares for a family member." in page
    assert "Said by someone." not in page
    # One young person is a group of one: their words are not shown at all, named or not.
    assert "Nobody asked me." not in page


def test_glossary_words_ship_without_the_demo():
    from easyread.models import GlossaryTerm

    terms = {t.lower() for t in GlossaryTerm.objects.values_list("term", flat=True)}
    assert {"forensic", "dynamic support register", "leder", "insight"} <= terms
    assert Pathway.objects.get(code="dynamic-support").picture == "support"
