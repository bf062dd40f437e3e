"""Forms for the insight pages. Periods are whole months, chosen from a list (no free dates):
easier to use than a date picker, and coarse periods make differencing attacks harder."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from cms.models import ConsultationPage
from feedback.models import Area, Voice
from languages.catalogue import languages

from .filters import Filters
from .models import ExportFormat

MONTHS_BACK = 36
AREA_CHOICES = [
    (v, label) for v, label in Area.choices if v in {"leicester", "leicestershire", "rutland"}
]


def month_choices(today: date | None = None) -> list[tuple[str, str]]:
    today = today or timezone.localdate()
    out, y, m = [], today.year, today.month
    for _ in range(MONTHS_BACK):
        out.append((f"{y:04d}-{m:02d}", date(y, m, 1).strftime("%B %Y")))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out


def _month(value: str) -> date | None:
    if not value:
        return None
    year, _, month = value.partition("-")
    return date(int(year), int(month), 1)


class InsightFilterForm(forms.Form):
    consultation = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    month_from = forms.ChoiceField(label="From", required=False)
    month_to = forms.ChoiceField(label="To", required=False)
    voice = forms.ChoiceField(required=False, choices=[("", "Everyone"), *Voice.choices])
    area = forms.ChoiceField(required=False, choices=[("", "All areas"), *AREA_CHOICES])
    language = forms.ChoiceField(
        required=False,
        choices=[("", "Every language"), *((lang.code, lang.name) for lang in languages())],
    )

    prefix_fields = ("consultation", "month_from", "month_to", "voice", "area", "language")

    def __init__(self, *args, field_prefix: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        months = [("", "Any month"), *month_choices()]
        self.fields["month_from"].choices = months
        self.fields["month_to"].choices = months
        self.fields["consultation"].choices = [
            ("", "All consultations"),
            *ConsultationPage.objects.order_by("-opens_at").values_list("id", "title"),
        ]

    def clean(self):
        data = super().clean()
        start, end = _month(data.get("month_from") or ""), _month(data.get("month_to") or "")
        if start and end and start > end:
            self.add_error("month_to", "The end month must be the same as or after the start.")
        return data

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            consultation_id=data.get("consultation"),
            month_from=_month(data.get("month_from") or ""),
            month_to=_month(data.get("month_to") or ""),
            voice=data.get("voice") or "",
            area=data.get("area") or "",
            language=data.get("language") or "",
        )


class CompareForm(forms.Form):
    """Two periods to compare (the other filters come from InsightFilterForm)."""

    a_from = forms.ChoiceField(label="First period from")
    a_to = forms.ChoiceField(label="First period to")
    b_from = forms.ChoiceField(label="Second period from")
    b_to = forms.ChoiceField(label="Second period to")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        months = month_choices()
        for name in self.fields:
            self.fields[name].choices = [("", "Choose a month"), *months]

    def clean(self):
        data = super().clean()
        for a, b in (("a_from", "a_to"), ("b_from", "b_to")):
            if data.get(a) and data.get(b) and data[a] > data[b]:
                self.add_error(b, "The end month must be the same as or after the start.")
        return data

    def periods(self, base: Filters) -> tuple[Filters, Filters] | None:
        if not self.is_bound or not self.is_valid():
            return None
        d = self.cleaned_data

        return (
            base.with_months(_month(d["a_from"]), _month(d["a_to"])),
            base.with_months(_month(d["b_from"]), _month(d["b_to"])),
        )


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80, label="What is this token for?", help_text="For example 'Power BI report'."
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=ExportFormat.choices, initial=ExportFormat.XLSX)
