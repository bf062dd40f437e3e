"""The lead's forms: closing a flag (outcome, kinds of harm, note, release) and assigning."""

from django import forms

from .models import FlagOutcome
from .screen.categories import category_labels


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did you decide?",
        choices=FlagOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you decided."},
    )
    categories = forms.MultipleChoiceField(
        label="What kind of harm is it? (choose all that fit)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label="What you did and why",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what you did and why."},
    )
    release = forms.BooleanField(
        label="Release this text: it may now appear in quotes and insight (after redaction)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = list(category_labels().items())

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError("Write what you did and why.")
        return note


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Who is handling it", queryset=None, empty_label=None)

    def __init__(self, *args, leads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = leads


class HandFlagForm(forms.Form):
    target = forms.CharField(widget=forms.HiddenInput)
    severity = forms.ChoiceField(
        label="How urgent is it?",
        choices=[("urgent", "Urgent"), ("concern", "Concern")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how urgent it is."},
    )
    category = forms.ChoiceField(
        label="What kind of harm is it?", error_messages={"required": "Choose a kind of harm."}
    )
    note = forms.CharField(
        label="Why you are flagging it",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write why you are flagging it."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Choose"), *category_labels().items()]


class ScreenFileForm(forms.Form):
    """A past export to screen. The file's contents are checked by the service, with the same
    reader as ``manage.py safeguarding_screen``, so both give the same errors."""

    file = forms.FileField(
        label="CSV file",
        help_text="Any CSV with a 'text' column, or the engagement team's 'Responses with "
        "tags' export as it is (its texts are in 'words'). UTF-8, up to 10 MB.",
        error_messages={
            "required": "Choose a CSV file to screen.",
            "empty": "The file is empty: choose a CSV file with a header row.",
        },
    )
