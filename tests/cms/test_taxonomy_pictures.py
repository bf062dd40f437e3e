"""Every seeded pledge and pathway has its own shipped picture (0008), so easy-read insight
no longer shows one picture for every pathway; an editor's choice is never overwritten."""

import importlib

import pytest
from django.apps import apps

from cms.models import Pathway, Pledge
from easyread.pictures import shipped_pictures

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("cms.migrations.0008_taxonomy_pictures")


def test_each_pathway_has_a_different_shipped_picture():
    pictures = list(Pathway.objects.values_list("picture", flat=True))
    assert len(pictures) == 11
    assert len(set(pictures)) == 11
    assert set(pictures) <= set(shipped_pictures())


def test_each_pledge_has_a_different_shipped_picture():
    pictures = list(Pledge.objects.values_list("picture", flat=True))
    assert len(pictures) == 13
    assert len(set(pictures)) == 13
    assert set(pictures) <= set(shipped_pictures())


def test_an_editors_picture_is_kept_when_it_runs_again():
    Pathway.objects.filter(code="leder").update(picture="tick")
    Pathway.objects.filter(code="forensic").update(picture="")
    MIGRATION.set_pictures(apps, None)
    assert Pathway.objects.get(code="leder").picture == "tick"
    assert Pathway.objects.get(code="forensic").picture == "forensic"
