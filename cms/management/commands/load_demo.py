from django.core.management.base import BaseCommand

from cms.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = (
        "Load demo content and demo staff logins. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options) -> None:
        report = demo_load()
        for item in report.created:
            self.stdout.write(f"created {item}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Demo staff logins (password: {DEMO_PASSWORD}):")
        for email, role in report.logins:
            self.stdout.write(f"  {email:34} {role}")
        self.stdout.write(
            "Staff sign in with a password and a code from an authenticator app. For the demo, "
            "get the current code with:\n  .venv/bin/python manage.py demo_totp_code EMAIL"
        )
        for email, secret in report.totp_secrets.items():
            self.stdout.write(f"  authenticator key for {email}: {secret}")
