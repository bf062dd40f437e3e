"""A "you said, we did" page in the shared page cache is purged when its outcome changes."""

import pytest

from cms.page_cache import HIT_HEADER
from tests.insight.test_outcomes import outcome_for, yswd_page

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_a_changed_outcome_purges_its_you_said_we_did_page(client, world):
    page = yswd_page(world)
    outcome = outcome_for(world)
    assert outcome.easy_read_title in get(client, page.url).content.decode()
    assert get(client, page.url)[HIT_HEADER] == "hit"
    outcome.easy_read_title = "Health checks take 30 minutes now"
    outcome.save()
    after = get(client, page.url)
    assert (
        after[HIT_HEADER] == "miss"
        and "Health checks take 30 minutes now" in after.content.decode()
    )
