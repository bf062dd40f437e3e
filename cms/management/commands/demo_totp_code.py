from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo import DEMO_USERS, demo_totp_code


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo staff user (local demos only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email", choices=[email for email, *_ in DEMO_USERS])

    def handle(self, *args, email: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo codes are only shown when DEBUG is on.")
        self.stdout.write(demo_totp_code(email))
