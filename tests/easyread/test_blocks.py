"""Easy-read blocks: only a missing picture or alt text blocks saving; the rest warns."""

import pytest
from django.core.exceptions import ValidationError

from easyread import checks
from easyread.blocks import EasyReadStreamBlock, HeadingBlock, PointBlock
from easyread.findings import stream_findings
from easyread.glossary import Glossary, GlossaryEntry
from tests.cms.factories import LONG_SENTENCE

pytestmark = pytest.mark.django_db


def clean_point(**value):
    block = PointBlock()
    data = {
        "text": "You can have a check.",
        "image": None,
        "picture": "",
        "alt_text": "",
        "decorative": False,
        **value,
    }
    return block.clean(block.normalize(data))


def test_point_without_a_picture_is_an_error_on_the_picture_field():
    with pytest.raises(ValidationError) as error:
        clean_point(picture="")
    assert "picture" in error.value.block_errors
    assert "Add a picture" in str(error.value.block_errors["picture"])


def test_point_with_an_uploaded_image_but_no_alt_text_is_an_error_on_alt_text():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="x", file=get_test_image_file(), description="")
    with pytest.raises(ValidationError) as error:
        clean_point(image=image)
    assert "alt_text" in error.value.block_errors
    assert "no alt text" in str(error.value.block_errors["alt_text"])


def test_decorative_image_needs_no_alt_text_and_image_description_counts():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="x", file=get_test_image_file(), description="")
    assert clean_point(image=image, decorative=True)["decorative"] is True
    described = Image.objects.create(title="y", file=get_test_image_file(), description="A GP")
    assert clean_point(image=described)["image"] == described


def test_shipped_picture_has_built_in_alt_text():
    value = clean_point(picture="health-check")
    context = PointBlock().get_context(value)
    assert context["shown"]["alt"] == "A doctor with a stethoscope"


def test_long_sentence_is_only_a_warning():
    block = PointBlock()
    value = clean_point(text=LONG_SENTENCE, picture="health-check")  # does not raise
    findings = block.easyread_findings(value)
    assert [f.code for f in findings if f.code.startswith("sentence")] == ["sentence-too-long"]
    assert all(not f.blocking for f in findings)
    assert "22 words" in findings[0].message


def test_stream_findings_are_per_block_and_in_order():
    stream = EasyReadStreamBlock()
    value = stream.normalize(
        [
            ("heading", {"text": "Hello", "level": "2"}),
            ("point", {"text": LONG_SENTENCE, "picture": "tick"}),
        ]
    )
    found = stream_findings(value, field_name="easy_read_body")
    assert [b.position for b in found] == [1, 2]
    assert found[0].findings == ()
    assert found[1].block_type == "point"
    assert any(f.code == checks.Code.SENTENCE_TOO_LONG for f in found[1].findings)


def test_glossary_words_are_not_hard_words():
    block = PointBlock()
    value = block.normalize({"text": "Ask your GP for a check.", "picture": "tick"})
    assert any(f.code == "acronym" for f in block.easyread_findings(value))
    assert not any(f.code == "acronym" for f in block.easyread_findings(value, glossary=["GP"]))


def test_heading_levels_are_2_to_6():
    choices = [c[0] for c in HeadingBlock().child_blocks["level"].field.choices if c[0]]
    assert choices == ["2", "3", "4", "5", "6"]


def test_glossary_explains_a_word_once_per_page_and_escapes_text():
    glossary = Glossary([GlossaryEntry("GP", "Your doctor.")])
    first = glossary.mark_up("Your GP <b>is</b> kind. GPs help.")
    assert first.count('class="ev-term"') == 1
    assert "&lt;b&gt;" in first
    assert "(Your doctor)" in first
    assert 'class="ev-term"' not in glossary.mark_up("Ask your GP.")


def test_every_block_has_docs_icon_template_and_help():
    for name, block in EasyReadStreamBlock().child_blocks.items():
        assert block.__doc__, name
        assert block.meta.icon, name
        assert block.meta.template.startswith("easyread/blocks/"), name
        assert block.meta.help_text, name
