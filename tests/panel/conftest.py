"""The insight world (a consultation, a pledge, the engagement team) for checking outcomes."""

from tests.insight.conftest import world  # noqa: F401
