"""Translated pages for tests, made through wagtail-localize like a translator would."""

from cms.demo import home_page_ensure
from languages.services import page_translate


def translated_home(code: str, title: str = ""):
    home, _ = home_page_ensure()
    return page_translate(page=home, language_code=code, strings={home.title: title or code})
