"""Whose address a rate limit counts, with and without the proxy in front."""

from django.test import RequestFactory

from feedback.ratelimit import client_address


def request(**meta):
    return RequestFactory().post("/follow/", REMOTE_ADDR="172.28.0.10", **meta)


def test_without_a_proxy_x_forwarded_for_is_ignored(settings):
    settings.EVERYVOICE_TRUSTED_PROXY_COUNT = 0
    assert client_address(request(HTTP_X_FORWARDED_FOR="1.2.3.4")) == "172.28.0.10"


def test_behind_one_proxy_the_hop_it_added_counts_not_what_the_client_wrote(settings):
    settings.EVERYVOICE_TRUSTED_PROXY_COUNT = 1
    forged = request(HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7")
    assert client_address(forged) == "203.0.113.7"
    assert client_address(request(HTTP_X_FORWARDED_FOR="203.0.113.8")) == "203.0.113.8"
    assert client_address(request()) == "172.28.0.10"  # no header: the proxy itself
