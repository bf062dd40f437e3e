"""Print every live page with easy read, and what the easy-read checks found on it."""

import json

from django.core.management.base import BaseCommand
from wagtail.models import Page

from easyread.findings import easy_read_fields, easyread_findings_for_page, glossary_terms


def live_easy_read_pages():
    for page in Page.objects.live().specific().order_by("path"):
        if easy_read_fields(page):
            yield page


class Command(BaseCommand):
    help = "Check every live easy-read page. Use --json for one JSON document on stdout."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options) -> None:
        glossary = glossary_terms()
        pages = []
        for page in live_easy_read_pages():
            findings = easyread_findings_for_page(page, glossary=glossary)
            pages.append(
                {"id": page.id, "title": page.title, "url": page.url, **findings.as_dict()}
            )
        if options["json"]:
            self.stdout.write(json.dumps({"pages": pages}, indent=2, ensure_ascii=False))
            return
        for page in pages:
            self.stdout.write(f"{page['title']} ({page['url']}): {page['count']} finding(s)")
            for finding in page["page"]:
                self.stdout.write(f"  page: {finding['message']}")
            for block in page["blocks"]:
                for finding in block["findings"]:
                    self.stdout.write(
                        f"  block {block['position']} ({block['block_type']}) "
                        f"[{finding['severity']}] {finding['message']}"
                    )
