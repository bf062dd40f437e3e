"""Focus-group bulk entry on hostile input: bounded, and errors that name the line."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback import bulk, services
from feedback.models import Contribution
from tests.feedback.factories import FocusGroupSessionFactory


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_any_text_is_parsed_into_non_blank_contributions(text):
    for parsed in bulk.parse_lines(text):
        assert parsed.text and parsed.text == parsed.text.strip()


def test_a_line_too_long_is_named():
    text = "carer: fine\n" + "x" * (bulk.MAX_LINE_CHARS + 1)
    with pytest.raises(ValueError, match=r"^Line 2 has 5,001 characters"):
        bulk.parse_lines(text)


def test_too_many_contributions_are_refused_at_the_first_one_over():
    text = "\n".join(["ok"] * bulk.MAX_CONTRIBUTIONS + ["", "one too many"])
    with pytest.raises(ValueError, match=r"^Line 1002 is contribution 1,001"):
        bulk.parse_lines(text)


@pytest.mark.django_db
def test_the_service_adds_nothing_by_halves(queued):
    session = FocusGroupSessionFactory()
    with pytest.raises(ValidationError) as refused:
        services.contributions_bulk_create(session=session, text="a\n" * 2_000)
    assert "Nothing was added" in str(refused.value)
    assert not Contribution.objects.exists()
