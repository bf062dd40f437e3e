"""Forms for the pages around the questions (the questions' own forms are built in
``questions.py``). Forms validate input only; the views call services to save."""

from django import forms
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from .models import AgeBand, Area, Channel, CommunicationNeed, SpeakerGroup, Voice, WordsKind

# Marked for the message catalogues, translated where shown (includes/choices.html and the
# check page), so the stored values and the choices stay the same in every language.
VOICE_CHOICES = [
    (Voice.SELF, gettext_noop("I am answering for myself")),
    (Voice.SUPPORTER, gettext_noop("I am helping someone answer")),
    (Voice.CARER, gettext_noop("I am a family carer giving my own view")),
    (Voice.YOUNG_PERSON, gettext_noop("I am a young person")),
    (Voice.STAFF_RECORDED, gettext_noop("I am staff, writing down someone's words")),
]
VOICE_HINTS = {
    Voice.SUPPORTER: gettext_noop("Write down their answers, not yours."),
    Voice.YOUNG_PERSON: gettext_noop("You are under 25."),
    Voice.STAFF_RECORDED: gettext_noop("For example at a clinic, on the phone or in a meeting."),
}


class HoneypotForm(forms.Form):
    """A field people never see or reach (it is hidden from screen readers and skipped by
    the Tab key) that simple bots fill in."""

    website = forms.CharField(required=False)

    @property
    def is_spam(self) -> bool:
        return bool(self.is_bound and self.data.get("website"))


class StartForm(HoneypotForm):
    pass


class WhoForm(forms.Form):
    answer = forms.ChoiceField(
        choices=VOICE_CHOICES, error_messages={"required": gettext_lazy("Choose who is answering")}
    )


class AboutStartForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[
            ("yes", gettext_noop("Yes, I will tell you about me")),
            ("no", gettext_noop("No, skip this part")),
        ],
        required=False,
    )


class AgeForm(forms.Form):
    answer = forms.ChoiceField(choices=AgeBand.choices, required=False)


class AreaForm(forms.Form):
    answer = forms.ChoiceField(choices=Area.choices, required=False)


class NeedsForm(forms.Form):
    answer = forms.MultipleChoiceField(choices=CommunicationNeed.choices, required=False)


class UpdatesForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("yes", gettext_noop("Yes, email me")), ("no", gettext_noop("No, thank you"))],
        required=False,
    )


class EmailForm(forms.Form):
    """Asked on its own page after 'yes, email me' (a conditional reveal inside the radios
    would put aria-expanded on a radio, which assistive technology does not support)."""

    answer = forms.EmailField(
        max_length=254,
        error_messages={
            "required": gettext_lazy(
                "Enter your email address, or go back and choose \u201cNo, thank you\u201d"
            ),
            "invalid": gettext_lazy("Enter an email address like name@example.com"),
        },
    )


class ResumeForm(HoneypotForm):
    code = forms.CharField(
        max_length=40, strip=True, error_messages={"required": "Enter your reference code"}
    )


class StaffEntryForm(forms.Form):
    channel = forms.ChoiceField(
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
        label="How did the answers reach us?",
    )
    consent_confirmed = forms.BooleanField(
        label="The person agreed to us using their answers (the consent wording was read "
        "or shown to them in easy read)",
        error_messages={"required": "Confirm the person agreed, or do not enter the response"},
    )


class BulkContributionsForm(forms.Form):
    lines = forms.CharField(
        label="Contributions, one on each line",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=(
            "Start a line with who said it — lda:, carer:, young person:, professional: — "
            "and/or [paraphrase] or [own words]. Lines without a prefix use the choices below."
        ),
    )
    speaker_group = forms.ChoiceField(
        choices=SpeakerGroup.choices, required=False, label="Speaker group for other lines"
    )
    words = forms.ChoiceField(
        choices=WordsKind.choices, initial=WordsKind.OWN_WORDS, label="Words for other lines"
    )


class BslVideoForm(forms.Form):
    """An answer signed in BSL: one video, recorded on the page or chosen from the device.

    ``has_video``: a video is already kept, so sending none keeps it."""

    video = forms.FileField(required=False)

    def __init__(self, *args, has_video: bool = False, **kwargs):
        self.has_video = has_video
        super().__init__(*args, **kwargs)

    def clean_video(self):
        from .uploads import video_check

        video = self.cleaned_data.get("video")
        if video:
            video_check(video)
        elif not self.has_video:
            raise forms.ValidationError(
                gettext("Record a video of your answer, or choose a video file")
            )
        return video


class BslSummaryForm(forms.Form):
    """Staff: what the person signed, written in plain English (it is tagged and screened)."""

    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        error_messages={
            "required": "Write a summary of what the person signed",
            "max_length": "The summary must be 10,000 characters or fewer",
        },
    )
